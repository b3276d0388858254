import { fork } from 'node:child_process';
import type { GeneratorResult } from './open-loop.mjs';

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** Every answer, good or bad. */
  requests: number;
  /**
   * CPU time this process (the server's) spent per request during the run, in microseconds:
   * steadier than requests per second on a machine that others share.
   */
  cpuMicrosPerRequest: number;
  /** How many answers of each status code, to say what a failure was. */
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  paths: string[];
  headers?: Record<string, string>;
  /** Headers that take turns request by request, as paths do (one API token each). */
  headerSets?: Record<string, string>[];
  /** JSON bodies to cycle through (POST); each request then comes from its own client address. */
  bodies?: string[];
  method?: 'GET' | 'POST';
  duration: number;
  connections: number;
  /**
   * Requests a second, each sent when due whether or not earlier ones were answered (an open
   * loop, bench/open-loop.mjs); without it, each connection sends its next request on an answer.
   */
  overallRate?: number;
  /** The server's CPU time so far (µs), when it runs in another process; else this process's. */
  serverCpu?: () => Promise<number>;
}

/**
 * Drives HTTP load with autocannon from a separate process: on 2 cores, a generator on the
 * server's own event loop (or a worker thread of its process) would measure itself as well.
 */
export async function load({ serverCpu = ownCpu, ...options }: LoadOptions): Promise<LoadResult> {
  const cpuBefore = await serverCpu();
  const result = await generate(options);
  const cpu = (await serverCpu()) - cpuBefore;
  return { ...result, cpuMicrosPerRequest: result.requests > 0 ? cpu / result.requests : 0 };
}

const ownCpu = async () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

function generate(options: Omit<LoadOptions, 'serverCpu'>): Promise<Omit<LoadResult, 'cpuMicrosPerRequest'>> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.mjs', import.meta.url), [], { execArgv: [] });
    let answered = false;
    child.once('message', (r: GeneratorResult) => {
      answered = true;
      resolve({
        rps: r.twoxx / r.duration,
        p50: r.p50,
        p99: r.p99,
        failures: r.non2xx + r.errors,
        requests: r.twoxx + r.non2xx,
        statusCodes: r.statusCodes,
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`The load generator stopped (exit ${code}) before answering.`));
    });
    child.send(options);
  });
}

/** "3 × 429, 1 × 500": the failures of a run, for the detail column. */
export function describeFailures(result: LoadResult): string {
  const failed = Object.entries(result.statusCodes).filter(([code]) => !code.startsWith('2'));
  if (result.failures === 0) return 'no failures';
  const codes = failed.map(([code, count]) => `${count} × ${code}`).join(', ');
  return `${result.failures} failures${codes ? ` (${codes})` : ''}`;
}

/** A load run that nothing answered, or that was answered with errors, stops the benchmark. */
export function assertAnswered(what: string, result: LoadResult): void {
  if (result.requests === 0 || result.failures > 0) {
    throw new Error(
      `${what}: ${result.requests} answers, ${describeFailures(result)}. A figure made of errors would mean nothing.`,
    );
  }
}
