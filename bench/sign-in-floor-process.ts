/**
 * The floor of a password sign-in, beside the raw argon2id ceiling (forked by bench/login.ts):
 * Fastify reading a JSON body and verifying its password against one argon2id hash (argv) with
 * Muster's parameters, and nothing else: no account lookup, no throttle, no session, no audit,
 * no log. What is left between it and the ceiling is HTTP; what is left between Muster and it
 * is Muster's own work.
 */
import { verify } from '@node-rs/argon2';
import Fastify from 'fastify';

const hash = process.argv[2] ?? '';
const app = Fastify();
app.post<{ Body: { password?: string } }>('/sign-in', async (request, reply) => {
  if (!(await verify(hash, request.body.password ?? ''))) return reply.code(401).send({});
  return { signedIn: true };
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', () => process.send?.(process.cpuUsage()));
process.send?.({ url });
