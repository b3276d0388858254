/**
 * Muster's server as `npm start` runs it, from the build in dist/ (plain Node with the start
 * script's flags, no TypeScript loader), for figures about the server's own memory: the loader
 * the other benchmarks run under adds some 80 MB of its own. Forked by bench/server.ts with
 * `{ built: true }`; answers the same IPC requests as bench/server-process.ts, but profiling. It
 * may also run the import worker.
 */
import { existsSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('main.js', dist))) {
  console.error('bench/built-server.mjs needs the build: run npm run build first.');
  process.exit(1);
}
const { loadConfig } = await import(new URL('config.js', dist).href);
const { openDeps } = await import(new URL('main.js', dist).href);
const { buildApp } = await import(new URL('app.js', dist).href);
const { createImportWorker } = await import(new URL('imports/worker.js', dist).href);

const send = (message) => process.send?.(message);

// Every setting comes from bench/server.ts (benchEnv), the database's among them.
process.once('message', async ({ env, importWorker }) => {
  const { deps, close } = await openDeps(loadConfig(env), () => undefined);
  const app = await buildApp(deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // Import jobs run as the server runs them, without the SMS dispatcher: texts stay queued.
  const imports = importWorker
    ? createImportWorker(deps, { onError: (error) => console.error(error) })
    : null;
  imports?.start();
  process.on('message', async (request) => {
    switch (request.op) {
      case 'cpu':
        return send({ id: request.id, result: process.cpuUsage() });
      case 'close':
        await imports?.stop();
        await app.close();
        await close();
        send({ id: request.id, result: null });
        return process.exit(0);
      default:
        return send({ id: request.id, result: null });
    }
  });
  send({ url });
});
