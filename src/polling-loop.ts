import { letOthersRun } from './event-loop.js';

/**
 * Runs `round` until stopped: again while it finds work, else after `idle` and a nap that a
 * signal cuts short. The outbox dispatcher and the import worker run on it, inside the server.
 *
 * Between rounds it lets the event loop turn. On SQLite every statement is synchronous, so a
 * round that finds work never waits for I/O, and rounds that followed each other at once would
 * starve the server: an import of 100,000 lines answered no request (not even its own progress)
 * until it was done.
 */
export function pollingLoop({
  round,
  idle,
  pollMs,
  subscribe,
  onError,
}: {
  round: () => Promise<number>;
  idle: () => Promise<void>;
  pollMs: number;
  subscribe: (wake: () => void) => () => void;
  onError?: ((error: unknown) => void) | undefined;
}) {
  let running = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;

  async function run() {
    while (running) {
      try {
        if ((await round()) > 0) {
          await letOthersRun();
          continue;
        }
        await idle();
      } catch (error) {
        onError?.(error);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = subscribe(() => wake?.());
      loop = run();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      wake?.();
      await loop;
    },
  };
}
