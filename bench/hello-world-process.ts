/**
 * The peer of the lookup benchmark: Fastify's own hello-world, in a process of its own as Muster's
 * server is (forked by bench/person-lookup.ts). Sends its URL once listening; answers 'cpu' with
 * the CPU time it has used.
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', () => process.send?.(process.cpuUsage()));
process.send?.({ url });
