import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { incrementIfBelow } from '../counters/counters.store.js';
import { AppError } from '../errors.js';
import type { Tx } from '../storage/db.js';

/**
 * R34: caps that stop SMS fraud from spending money even if every other check is fooled. Texts
 * are counted when queued, in the transaction of the change that causes them, so a refused text
 * refuses the change: the caps fail closed.
 * - a deployment-wide budget per clock hour and per UTC day;
 * - a velocity cap per number range (all but the last four digits), because pumping fraud texts
 *   many numbers of one expensive range in a short time.
 *
 * The hourly and daily rows are shared by every sender, so on PostgreSQL no transaction that
 * holds them may run long (Remind all commits person by person there), and they are always
 * taken in the same order (hour, day, range), so two senders cannot deadlock on them.
 */
export async function takeSmsBudget(
  tx: Tx,
  deps: { clock: Clock; config: Pick<Config, 'limits'> },
  to: string,
) {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const hour = iso.slice(0, 13);
  const day = iso.slice(0, 10);
  const range = to.slice(0, -4);
  const { smsPerHour, smsPerDay, smsPerPrefixPerHour } = deps.config.limits;
  const nextHour = Date.parse(`${hour}:00:00.000Z`) + 3_600_000;
  const nextDay = Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
  const secondsUntil = (ms: number) => Math.max(1, Math.ceil((ms - now.getTime()) / 1000));
  const refuse = (why: string, until: number) =>
    new AppError(
      'sms_capacity_reached',
      `${why} This guards against SMS fraud. Try again later; the server's operator can raise the limit if the texts are genuine.`,
      { retryAfterSeconds: secondsUntil(until) },
    );
  if ((await incrementIfBelow(tx, 'sms:hour', hour, smsPerHour)) === null) {
    throw refuse(`This Muster server has sent ${smsPerHour} texts this hour, the most allowed.`, nextHour);
  }
  if ((await incrementIfBelow(tx, 'sms:day', day, smsPerDay)) === null) {
    throw refuse(`This Muster server has sent ${smsPerDay} texts today, the most allowed.`, nextDay);
  }
  if ((await incrementIfBelow(tx, 'sms:prefix', `${hour} ${range}`, smsPerPrefixPerHour)) === null) {
    throw refuse(
      `Muster has sent ${smsPerPrefixPerHour} texts this hour to numbers starting ${range}, the most allowed.`,
      nextHour,
    );
  }
}
