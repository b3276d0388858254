import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { incrementIfBelow, lockCounters, setCounters } from '../counters/counters.store.js';
import { AppError } from '../errors.js';
import type { Executor, Tx } from '../storage/db.js';

/**
 * Deployment-wide caps on email per clock hour and per UTC day, as R34 caps texts: any tenant's
 * admin can add people by email, so without them one tenant could turn the server into a mail
 * cannon and ruin its sending reputation for everyone. Counted when queued, in the transaction
 * of the change, so a refused email refuses the change.
 */
export async function takeEmailBudget(tx: Tx, deps: { clock: Clock; config: Pick<Config, 'limits'> }) {
  const caps = emailCaps(deps);
  const { emailsPerHour, emailsPerDay } = deps.config.limits;
  if ((await incrementIfBelow(tx, 'email:hour', caps.hour, emailsPerHour)) === null)
    throw caps.refuse('hour');
  if ((await incrementIfBelow(tx, 'email:day', caps.day, emailsPerDay)) === null) throw caps.refuse('day');
}

function emailCaps(deps: { clock: Clock; config: Pick<Config, 'limits'> }) {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const hour = iso.slice(0, 13);
  const day = iso.slice(0, 10);
  const { emailsPerHour, emailsPerDay } = deps.config.limits;
  const refusal = (why: string, until: number) =>
    new AppError(
      'email_capacity_reached',
      `${why} Try again later; the server's operator can raise the limit (MUSTER_EMAILS_PER_HOUR, MUSTER_EMAILS_PER_DAY).`,
      { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) },
    );
  return {
    hour,
    day,
    refuse: (cap: 'hour' | 'day') =>
      cap === 'hour'
        ? refusal(
            `This Muster server has sent ${emailsPerHour} emails this hour, the most allowed.`,
            Date.parse(`${hour}:00:00.000Z`) + 3_600_000,
          )
        : refusal(
            `This Muster server has sent ${emailsPerDay} emails today, the most allowed.`,
            Date.parse(`${day}T00:00:00.000Z`) + 86_400_000,
          ),
  };
}

/** The email budget taken for a batch: how many were counted, why the next was refused, and a way back. */
export interface EmailBudgetGrant {
  granted: number;
  refusal: AppError | null;
  /** Uncounts `count` emails of this grant that were not queued after all. */
  giveBack(db: Executor, count: number): Promise<void>;
}

/**
 * The email budget for a batch of `wanted` emails, in a few statements: as many as the hourly and
 * daily caps allow, as that many takeEmailBudget calls would up to the first refusal. Like the
 * SMS budget, these rows are every sender's: on PostgreSQL take it in a short transaction.
 */
export async function takeEmailBudgetUpTo(
  db: Executor,
  deps: { clock: Clock; config: Pick<Config, 'limits'> },
  wanted: number,
): Promise<EmailBudgetGrant> {
  const caps = emailCaps(deps);
  const hourKey = { scope: 'email:hour', period: caps.hour };
  const dayKey = { scope: 'email:day', period: caps.day };
  const move = async (into: Executor, by: number) => {
    const [hour = 0] = await lockCounters(into, [hourKey]);
    const [day = 0] = await lockCounters(into, [dayKey]);
    await setCounters(into, [
      { ...hourKey, count: Math.max(0, hour + by) },
      { ...dayKey, count: Math.max(0, day + by) },
    ]);
    return { hour, day };
  };
  const giveBack = async (into: Executor, count: number) => {
    if (count > 0) await move(into, -count);
  };
  if (wanted <= 0) return { granted: 0, refusal: null, giveBack };
  const [hour = 0] = await lockCounters(db, [hourKey]);
  const [day = 0] = await lockCounters(db, [dayKey]);
  const { emailsPerHour, emailsPerDay } = deps.config.limits;
  const granted = Math.max(0, Math.min(wanted, emailsPerHour - hour, emailsPerDay - day));
  const refusal = granted === wanted ? null : caps.refuse(hour + granted >= emailsPerHour ? 'hour' : 'day');
  if (granted > 0) {
    await setCounters(db, [
      { ...hourKey, count: hour + granted },
      { ...dayKey, count: day + granted },
    ]);
  }
  return { granted, refusal, giveBack };
}
