import type { SelectQueryBuilder } from 'kysely';
import type { DialectName } from '../db.js';

/**
 * Lets several dispatchers on PostgreSQL take disjoint batches (FOR UPDATE SKIP LOCKED, R53).
 * SQLite has one writer at a time, so its UPDATE … WHERE id IN (SELECT …) is already exclusive.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for any select query shape
export function skipLocked<Q extends SelectQueryBuilder<any, any, any>>(dialect: DialectName, query: Q): Q {
  return dialect === 'postgres' ? (query.forUpdate().skipLocked() as Q) : query;
}

/**
 * Row locks for read-then-write transactions on PostgreSQL, where transactions run side by side.
 * SQLite runs one write transaction at a time, so there it changes nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for any select query shape
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(dialect: DialectName, query: Q): Q {
  return dialect === 'postgres' ? (query.forUpdate() as Q) : query;
}
