import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { incrementIfBelow } from '../counters/counters.store.js';
import { AppError } from '../errors.js';
import type { Tx } from '../storage/db.js';

/**
 * Deployment-wide caps on email per clock hour and per UTC day, as R34 caps texts: any tenant's
 * admin can add people by email, so without them one tenant could turn the server into a mail
 * cannon and ruin its sending reputation for everyone. Counted when queued, in the transaction
 * of the change, so a refused email refuses the change.
 */
export async function takeEmailBudget(tx: Tx, deps: { clock: Clock; config: Pick<Config, 'limits'> }) {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const hour = iso.slice(0, 13);
  const day = iso.slice(0, 10);
  const { emailsPerHour, emailsPerDay } = deps.config.limits;
  const refuse = (why: string, until: number) =>
    new AppError(
      'email_capacity_reached',
      `${why} Try again later; the server's operator can raise the limit (MUSTER_EMAILS_PER_HOUR, MUSTER_EMAILS_PER_DAY).`,
      { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) },
    );
  if ((await incrementIfBelow(tx, 'email:hour', hour, emailsPerHour)) === null) {
    throw refuse(
      `This Muster server has sent ${emailsPerHour} emails this hour, the most allowed.`,
      Date.parse(`${hour}:00:00.000Z`) + 3_600_000,
    );
  }
  if ((await incrementIfBelow(tx, 'email:day', day, emailsPerDay)) === null) {
    throw refuse(
      `This Muster server has sent ${emailsPerDay} emails today, the most allowed.`,
      Date.parse(`${day}T00:00:00.000Z`) + 86_400_000,
    );
  }
}
