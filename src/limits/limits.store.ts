import { sql } from 'kysely';
import type { Db, Tx } from '../storage/db.js';

/**
 * Adds one to a daily counter unless it has reached `limit`, atomically: of many parallel
 * requests exactly `limit` get a count back. Returns the new count, or null when full.
 */
export async function incrementIfBelow(
  db: Db | Tx,
  scope: string,
  day: string,
  limit: number,
): Promise<number | null> {
  if (limit <= 0) return null;
  const row = await db
    .insertInto('daily_counters')
    .values({ scope, day, count: 1 })
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

export async function readCounter(db: Db | Tx, scope: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('daily_counters')
    .select('count')
    .where('scope', '=', scope)
    .where('day', '=', day)
    .executeTakeFirst();
  return row?.count ?? 0;
}
