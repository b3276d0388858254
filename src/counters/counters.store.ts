import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';

/**
 * Daily (or hourly) counters keyed by a scope and a period: R5's claim texts, R6's phone
 * accounts, R34's SMS caps, new recovery codes.
 *
 * Adds one to a counter unless it has reached `limit`, atomically: of many parallel requests
 * exactly `limit` get a count back. Returns the new count, or null when full.
 */
export async function incrementIfBelow(
  db: Executor,
  scope: string,
  period: string,
  limit: number,
): Promise<number | null> {
  if (limit <= 0) return null;
  const row = await db
    .insertInto('daily_counters')
    .values({ scope, day: period, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'day'])
        .doUpdateSet({ count: sql<number>`daily_counters.count + 1` })
        .where('daily_counters.count', '<', limit),
    )
    .returning('count')
    .executeTakeFirst();
  return row ? row.count : null;
}

/** Counters are keyed by their day (or hour) first; those before `day` are past every limit. */
export async function deleteCountersBefore(db: Executor, day: string): Promise<void> {
  await db.deleteFrom('daily_counters').where('day', '<', day).execute();
}

export interface CounterKey {
  scope: string;
  period: string;
}

/** Keys per statement: well inside both databases' limits on bound values. */
const KEYS_PER_STATEMENT = 500;

/**
 * Reads several counters of one kind to change them together (R34 taken for a batch): each is
 * created at 0 if missing and locked (the no-op update of an upsert takes the row lock on
 * PostgreSQL) until the caller's transaction ends. Rows are locked in the order given, so callers
 * that always pass them in one order cannot deadlock. Answers the counts in the same order.
 */
export async function lockCounters(db: Executor, keys: readonly CounterKey[]): Promise<number[]> {
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
    const rows = await db
      .insertInto('daily_counters')
      .values(
        keys.slice(i, i + KEYS_PER_STATEMENT).map((key) => ({ scope: key.scope, day: key.period, count: 0 })),
      )
      .onConflict((oc) =>
        oc.columns(['scope', 'day']).doUpdateSet({ count: sql<number>`daily_counters.count` }),
      )
      .returning(['scope', 'day', 'count'])
      .execute();
    for (const row of rows) counts.set(`${row.scope}\u0000${row.day}`, row.count);
  }
  return keys.map((key) => counts.get(`${key.scope}\u0000${key.period}`) ?? 0);
}

/** Writes counts read with lockCounters in the same transaction. */
export async function setCounters(db: Executor, counts: readonly (CounterKey & { count: number })[]) {
  for (let i = 0; i < counts.length; i += KEYS_PER_STATEMENT) {
    await db
      .insertInto('daily_counters')
      .values(
        counts
          .slice(i, i + KEYS_PER_STATEMENT)
          .map((c) => ({ scope: c.scope, day: c.period, count: c.count })),
      )
      .onConflict((oc) => oc.columns(['scope', 'day']).doUpdateSet({ count: sql<number>`excluded.count` }))
      .execute();
  }
}
