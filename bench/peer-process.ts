import { fork } from 'node:child_process';
import { serverProcessEnv } from './thread-pool.js';

/** A peer server (hello-world, a floor) in a process of its own, as Muster's server is. */
export interface PeerProcess {
  url: string;
  /** The CPU time the peer's process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  close(): void;
}

/**
 * Forks `file` (next to this one) with `args`. The peer sends `{ url }` once listening and
 * answers any later message with its `process.cpuUsage()`.
 */
export async function startPeer(file: string, args: string[] = []): Promise<PeerProcess> {
  const child = fork(new URL(file, import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
    env: serverProcessEnv(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} stopped (exit ${code}) before listening.`)));
    child.once('message', (message: { url: string }) => resolve(message.url));
  });
  child.removeAllListeners('exit');
  return {
    url,
    cpuMicros: () =>
      new Promise((resolve) => {
        child.once('message', (usage: NodeJS.CpuUsage) => resolve(usage.user + usage.system));
        child.send('cpu');
      }),
    close: () => child.kill(),
  };
}
