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
