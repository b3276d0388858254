import type { Deps } from '../deps.js';
import { runLogoutRound } from './logout.js';
import type { OidcRuntime } from './runtime.js';

/**
 * Runs in every server process: acts on account events and sends back-channel logouts (R60). It
 * looks every `pollMs` (a cheap indexed query), so an app hears of a deactivation within about a
 * second; on PostgreSQL several servers share the work, each row taken by one.
 */
export function startLogoutDelivery(
  deps: Pick<Deps, 'db' | 'clock' | 'secrets'>,
  runtime: OidcRuntime,
  onError: (error: unknown) => void,
  pollMs = 1000,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const drain = async () => {
    try {
      const provider = await runtime.provider();
      let round = await runLogoutRound(deps, provider);
      while (round.accounts + round.sent > 0 && !stopped) round = await runLogoutRound(deps, provider);
    } catch (error) {
      onError(error);
    }
    if (!stopped) timer = setTimeout(tick, pollMs);
  };
  const tick = () => {
    running = drain();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
