import { createRequire } from 'node:module';

/**
 * The size of libuv's pool that Muster's launcher (bin/muster.js) starts the server with, from
 * the same code: the servers and floors the benchmarks start get it too, and the ceiling hashes
 * as many passwords at once.
 */
export const THREAD_POOL_SIZE: string = createRequire(import.meta.url)(
  '../bin/thread-pool.js',
).threadPoolSize();

/** The environment for a server process the benchmarks start: ours, with the launcher's pool. */
export const serverProcessEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  UV_THREADPOOL_SIZE: THREAD_POOL_SIZE,
});
