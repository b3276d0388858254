/**
 * Runs `round` until stopped: again at once while it finds work, else after `idle` and a nap
 * that a signal cuts short. The shape of the outbox dispatcher's loop, for the import worker.
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
        if ((await round()) > 0) continue;
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
