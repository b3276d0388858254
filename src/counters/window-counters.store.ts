import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';

/**
 * Counters that start again at a fixed instant: the end of the window is set when the window's
 * first use is counted, and never moves. R5 counts claim texts to a phone number this way until
 * the local midnight that was next when the first text of the day went: changing the
 * community's time zone, or deleting and re-adding the person, buys no more texts that day.
 *
 * Adds one unless the window has reached `limit`, atomically: of many parallel requests exactly
 * `limit` get a count back. Returns the new count, or null when full.
 */
export async function incrementInWindow(
  db: Executor,
  scope: string,
  { limit, now, windowEndsAt }: { limit: number; now: string; windowEndsAt: string },
): Promise<number | null> {
  const counts = await incrementEachInWindow(db, [scope], { limit, now, windowEndsAt });
  return counts.get(scope) ?? null;
}

/** The count of a window still open at `now`, and when it ends; null when none is open. */
export async function readWindow(
  db: Executor,
  scope: string,
  now: string,
): Promise<{ count: number; windowEndsAt: string } | null> {
  const row = await db
    .selectFrom('window_counters')
    .select(['count', 'window_ends_at'])
    .where('scope', '=', scope)
    .where('window_ends_at', '>', now)
    .executeTakeFirst();
  return row ? { count: row.count, windowEndsAt: row.window_ends_at } : null;
}

export async function deleteWindowsEndedBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('window_counters').where('window_ends_at', '<', before).execute();
}

/**
 * Reads a window's count to change it by more than one (R6 taken for a batch): the row is created
 * if missing, a window that ended starts again at 0, and the row stays locked (PostgreSQL) until
 * the caller's transaction ends. Write the new count with setWindowCount.
 */
export async function lockWindow(
  db: Executor,
  scope: string,
  { now, windowEndsAt }: { now: string; windowEndsAt: string },
): Promise<{ count: number; windowEndsAt: string }> {
  const row = await db
    .insertInto('window_counters')
    .values({ scope, count: 0, window_ends_at: windowEndsAt })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({
        count: sql<number>`case when window_counters.window_ends_at <= ${now} then 0 else window_counters.count end`,
        window_ends_at: sql<string>`case when window_counters.window_ends_at <= ${now} then excluded.window_ends_at else window_counters.window_ends_at end`,
      }),
    )
    .returning(['count', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { count: row.count, windowEndsAt: row.window_ends_at };
}

export async function setWindowCount(db: Executor, scope: string, count: number): Promise<void> {
  await db.updateTable('window_counters').set({ count }).where('scope', '=', scope).execute();
}

const SCOPES_PER_STATEMENT = 500;

/** The windows still open at `now` among these scopes: count and end, by scope. */
export async function readOpenWindows(
  db: Executor,
  scopes: readonly string[],
  now: string,
): Promise<Map<string, { count: number; windowEndsAt: string }>> {
  const open = new Map<string, { count: number; windowEndsAt: string }>();
  for (let i = 0; i < scopes.length; i += SCOPES_PER_STATEMENT) {
    const rows = await db
      .selectFrom('window_counters')
      .select(['scope', 'count', 'window_ends_at'])
      .where('scope', 'in', scopes.slice(i, i + SCOPES_PER_STATEMENT))
      .where('window_ends_at', '>', now)
      .execute();
    for (const row of rows) open.set(row.scope, { count: row.count, windowEndsAt: row.window_ends_at });
  }
  return open;
}

/**
 * incrementInWindow for many scopes at once, each different, a chunk per statement: answers the
 * new count of each scope that was below `limit`; a scope at its limit is left out.
 */
export async function incrementEachInWindow(
  db: Executor,
  scopes: readonly string[],
  { limit, now, windowEndsAt }: { limit: number; now: string; windowEndsAt: string },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (limit <= 0) return counts;
  for (let i = 0; i < scopes.length; i += SCOPES_PER_STATEMENT) {
    const rows = await db
      .insertInto('window_counters')
      .values(
        scopes
          .slice(i, i + SCOPES_PER_STATEMENT)
          .map((scope) => ({ scope, count: 1, window_ends_at: windowEndsAt })),
      )
      .onConflict((oc) =>
        oc
          .column('scope')
          .doUpdateSet({
            count: sql<number>`case when window_counters.window_ends_at <= ${now} then 1 else window_counters.count + 1 end`,
            window_ends_at: sql<string>`case when window_counters.window_ends_at <= ${now} then excluded.window_ends_at else window_counters.window_ends_at end`,
          })
          .where((eb) =>
            eb.or([eb('window_counters.window_ends_at', '<=', now), eb('window_counters.count', '<', limit)]),
          ),
      )
      .returning(['scope', 'count'])
      .execute();
    for (const row of rows) counts.set(row.scope, row.count);
  }
  return counts;
}
