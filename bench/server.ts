import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv } from './muster.js';
import { serverProcessEnv } from './thread-pool.js';

export interface ServerProcess {
  url: string;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpuMicros(): Promise<number>;
  /** The most memory the server process has held resident so far (Linux's VmHWM), in MB. */
  peakRssMb(): number;
  /** With BENCH_PROFILE=DIR, records the server's CPU profile while `work` runs, into DIR/NAME.cpuprofile. */
  profiled<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts Muster's server in a process of its own on a database that is ready (migrated and
 * seeded by the caller, who has closed it: an SQLite file has one owner at a time). `built` runs
 * the build in dist/ with plain Node, as `npm start` does, for figures about the server's memory
 * (with its import worker, if asked); otherwise the sources run under tsx, profiling included.
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { built?: boolean; importWorker?: boolean } = {},
): Promise<ServerProcess> {
  if (options.built) buildServer();
  const child: ChildProcess = options.built
    ? fork(new URL('./built-server.mjs', import.meta.url), [], {
        execArgv: startFlags(),
        env: serverProcessEnv(),
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      })
    : fork(new URL('./server-process.ts', import.meta.url), [], {
        execArgv: ['--import', 'tsx'],
        env: serverProcessEnv(),
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The server stopped (exit ${code}) before listening.`)));
    child.on('message', (message: { url?: string; id?: number; result?: unknown }) => {
      if (message.url) resolve(message.url);
      else if (message.id !== undefined) waiting.get(message.id)?.(message.result);
    });
    child.send({
      databaseUrl,
      // Every setting, made here: the built server, in plain JavaScript, takes them as they are.
      env: benchEnv(databaseUrl, { MUSTER_LOG_LEVEL: 'info', ...env }),
      importWorker: options.importWorker === true,
    });
  });
  child.removeAllListeners('exit');
  const call = <T>(op: string, more: object = {}) =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, (result) => {
        waiting.delete(id);
        resolve(result as T);
      });
      child.send({ id, op, ...more });
    });
  return {
    url,
    cpuMicros: async () => {
      const usage = await call<NodeJS.CpuUsage>('cpu');
      return usage.user + usage.system;
    },
    async profiled(name, work) {
      const dir = process.env.BENCH_PROFILE;
      if (!dir) return work();
      await call('profile-start');
      try {
        return await work();
      } finally {
        await call('profile-stop', { file: join(dir, `${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`) });
      }
    },
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    close: () => call('close'),
  };
}

/** Node's flags as `npm start` gives them (the heap limit), so the built server runs as it does. */
function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.scripts.start)
    .split(/\s+/)
    .filter((word) => word.startsWith('--'));
}

let builtOnce = false;

/** Compiles the server into dist/ (a few seconds), so a built server runs the sources as they are. */
function buildServer() {
  if (builtOnce) return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('The server does not build: npm run build says why.');
  builtOnce = true;
}
