import { Worker } from 'node:worker_threads';

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p99: number;
  failures: number;
}

/** Drives HTTP load from a worker thread, so the generator does not steal the server's event loop. */
export function load(options: {
  url: string;
  paths: string[];
  headers?: Record<string, string>;
  /** JSON bodies to cycle through (POST); each request then comes from its own client address. */
  bodies?: string[];
  method?: 'GET' | 'POST';
  duration: number;
  connections: number;
  overallRate?: number;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: options });
    worker.once(
      'message',
      (r: { twoxx: number; duration: number; p99: number; non2xx: number; errors: number }) =>
        resolve({ rps: r.twoxx / r.duration, p99: r.p99, failures: r.non2xx + r.errors }),
    );
    worker.once('error', reject);
  });
}
