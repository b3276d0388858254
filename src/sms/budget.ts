import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { incrementIfBelow, lockCounters, setCounters } from '../counters/counters.store.js';
import { AppError } from '../errors.js';
import type { Executor, Tx } from '../storage/db.js';

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
  const caps = smsCaps(deps);
  const range = to.slice(0, -4);
  const { smsPerHour, smsPerDay, smsPerPrefixPerHour } = deps.config.limits;
  if ((await incrementIfBelow(tx, 'sms:hour', caps.hour, smsPerHour)) === null) throw caps.refuse('hour');
  if ((await incrementIfBelow(tx, 'sms:day', caps.day, smsPerDay)) === null) throw caps.refuse('day');
  if ((await incrementIfBelow(tx, 'sms:prefix', `${caps.hour} ${range}`, smsPerPrefixPerHour)) === null) {
    throw caps.refuse('prefix', range);
  }
}

/** The periods of now's caps, and the refusal of each, as a person reads it. */
function smsCaps(deps: { clock: Clock; config: Pick<Config, 'limits'> }) {
  const now = deps.clock.now();
  const iso = now.toISOString();
  const hour = iso.slice(0, 13);
  const day = iso.slice(0, 10);
  const { smsPerHour, smsPerDay, smsPerPrefixPerHour } = deps.config.limits;
  const nextHour = Date.parse(`${hour}:00:00.000Z`) + 3_600_000;
  const nextDay = Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
  const secondsUntil = (ms: number) => Math.max(1, Math.ceil((ms - now.getTime()) / 1000));
  const refusal = (why: string, until: number) =>
    new AppError(
      'sms_capacity_reached',
      `${why} This guards against SMS fraud. Try again later; the server's operator can raise the limit if the texts are genuine.`,
      { retryAfterSeconds: secondsUntil(until) },
    );
  return {
    hour,
    day,
    refuse(cap: 'hour' | 'day' | 'prefix', range = '') {
      if (cap === 'hour')
        return refusal(
          `This Muster server has sent ${smsPerHour} texts this hour, the most allowed.`,
          nextHour,
        );
      if (cap === 'day')
        return refusal(`This Muster server has sent ${smsPerDay} texts today, the most allowed.`, nextDay);
      return refusal(
        `Muster has sent ${smsPerPrefixPerHour} texts this hour to numbers starting ${range}, the most allowed.`,
        nextHour,
      );
    },
  };
}

/** R34 taken for a batch of texts: how many were counted, why the next was refused, and a way back. */
export interface SmsBudgetGrant {
  /** The first `granted` numbers have their texts counted. */
  granted: number;
  /** Why the number after them was refused; null when every one was counted. */
  refusal: AppError | null;
  /** Uncounts texts of this grant that were not queued after all (their numbers, with repeats). */
  giveBack(db: Executor, numbers: readonly string[]): Promise<void>;
}

/**
 * R34 for a batch (an import), in a few statements whatever its size: counts texts to `numbers`,
 * in order, for as long as the hourly, daily and per-range caps allow, exactly as one
 * takeSmsBudget per number would up to the first refusal. The counters are locked in the order
 * takeSmsBudget takes them (hour, day, ranges in order), so the two cannot deadlock; on
 * PostgreSQL call it in a short transaction of its own, as they are every sender's rows.
 */
export async function takeSmsBudgetUpTo(
  db: Executor,
  deps: { clock: Clock; config: Pick<Config, 'limits'> },
  numbers: readonly string[],
): Promise<SmsBudgetGrant> {
  const caps = smsCaps(deps);
  const giveBack = (into: Executor, back: readonly string[]) => uncount(into, caps, back);
  if (numbers.length === 0) return { granted: 0, refusal: null, giveBack };
  const { smsPerHour, smsPerDay, smsPerPrefixPerHour } = deps.config.limits;
  const ranges = [...new Set(numbers.map(rangeOf))].sort();
  const [hourCount = 0] = await lockCounters(db, [{ scope: 'sms:hour', period: caps.hour }]);
  const [dayCount = 0] = await lockCounters(db, [{ scope: 'sms:day', period: caps.day }]);
  const rangeKeys = ranges.map((range) => ({ scope: 'sms:prefix', period: `${caps.hour} ${range}` }));
  const rangeCounts = await lockCounters(db, rangeKeys);
  const used = new Map(ranges.map((range, i) => [range, rangeCounts[i] ?? 0]));
  let granted = 0;
  let refusal: AppError | null = null;
  for (const number of numbers) {
    const range = rangeOf(number);
    const rangeUsed = used.get(range) ?? 0;
    if (hourCount + granted >= smsPerHour) refusal = caps.refuse('hour');
    else if (dayCount + granted >= smsPerDay) refusal = caps.refuse('day');
    else if (rangeUsed >= smsPerPrefixPerHour) refusal = caps.refuse('prefix', range);
    if (refusal) break;
    used.set(range, rangeUsed + 1);
    granted += 1;
  }
  if (granted > 0) {
    await setCounters(db, [
      { scope: 'sms:hour', period: caps.hour, count: hourCount + granted },
      { scope: 'sms:day', period: caps.day, count: dayCount + granted },
      ...rangeKeys.flatMap((key, i) => {
        const count = used.get(ranges[i] ?? '') ?? 0;
        return count === rangeCounts[i] ? [] : [{ ...key, count }];
      }),
    ]);
  }
  return { granted, refusal, giveBack };
}

const rangeOf = (number: string) => number.slice(0, -4);

/** Takes back counted texts, in the same lock order as taking them. */
async function uncount(db: Executor, caps: { hour: string; day: string }, numbers: readonly string[]) {
  if (numbers.length === 0) return;
  const perRange = new Map<string, number>();
  for (const number of numbers) perRange.set(rangeOf(number), (perRange.get(rangeOf(number)) ?? 0) + 1);
  const ranges = [...perRange.keys()].sort();
  const keys = [
    { scope: 'sms:hour', period: caps.hour, back: numbers.length },
    { scope: 'sms:day', period: caps.day, back: numbers.length },
    ...ranges.map((range) => ({
      scope: 'sms:prefix',
      period: `${caps.hour} ${range}`,
      back: perRange.get(range) ?? 0,
    })),
  ];
  const [hour = 0] = await lockCounters(db, keys.slice(0, 1));
  const [day = 0] = await lockCounters(db, keys.slice(1, 2));
  const counts = [hour, day, ...(await lockCounters(db, keys.slice(2)))];
  await setCounters(
    db,
    keys.map((key, i) => ({
      scope: key.scope,
      period: key.period,
      count: Math.max(0, (counts[i] ?? 0) - key.back),
    })),
  );
}
