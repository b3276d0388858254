import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../src/storage/compiled-once.js';
import type { Executor } from '../src/storage/db.js';
import { createTestDatabase, dialects, type TestDatabase } from './harness.js';

const NOW = '2026-03-02T09:00:00.000Z';

function community(slug: string, name: string) {
  return {
    id: `00000000-0000-7000-8000-${slug.padStart(12, '0')}`,
    name,
    slug,
    plan: 'essentials' as const,
    time_zone: 'UTC',
    default_locale: 'en',
    default_country: 'GB',
    domain_verified: 0 as const,
    settings: '{}',
    created_at: NOW,
    updated_at: NOW,
  };
}

/** Communities by name, and after a slug when one is given, a page at a time. */
const communitiesNamed = compiledOnce(
  (db, bound: { name: string; after?: string }, { limit }: { limit: number }) => {
    let query = db.selectFrom('communities').select(['slug']).where('name', '=', bound.name);
    if (bound.after !== undefined) query = query.where('slug', '>', bound.after);
    return query.orderBy('slug').limit(limit);
  },
);

const slugsOf = async (db: Executor, bound: { name: string; after?: string }, limit = 10) =>
  (await communitiesNamed(db, bound, { limit })).map((row) => row.slug);

for (const dialect of dialects()) {
  describe(`queries compiled once [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      await database.storage.db
        .insertInto('communities')
        .values([
          community('a1', 'Alpha'),
          community('a2', 'Alpha'),
          community('a3', 'Alpha'),
          community('b1', 'Beta'),
        ])
        .execute();
    });
    afterAll(async () => {
      await database?.destroy();
    });

    it('runs each call with its own values, in every shape', async () => {
      const { db } = database.storage;
      expect(await slugsOf(db, { name: 'Alpha' })).toEqual(['a1', 'a2', 'a3']);
      expect(await slugsOf(db, { name: 'Beta' })).toEqual(['b1']);
      expect(await slugsOf(db, { name: 'Alpha', after: 'a1' })).toEqual(['a2', 'a3']);
      expect(await slugsOf(db, { name: 'Alpha', after: 'a2' })).toEqual(['a3']);
      expect(await slugsOf(db, { name: 'Alpha', after: undefined })).toEqual(['a1', 'a2', 'a3']);
      expect(await slugsOf(db, { name: 'Gamma' })).toEqual([]);
    });

    it('keeps a shape for each value that shapes the SQL', async () => {
      const { db } = database.storage;
      expect(await slugsOf(db, { name: 'Alpha' }, 1)).toEqual(['a1']);
      expect(await slugsOf(db, { name: 'Alpha' }, 2)).toEqual(['a1', 'a2']);
      expect(await slugsOf(db, { name: 'Alpha' }, 1)).toEqual(['a1']);
    });

    it('runs inside a transaction', async () => {
      await database.storage.db.transaction().execute(async (tx) => {
        await tx.insertInto('communities').values(community('a4', 'Alpha')).execute();
        expect(await slugsOf(tx, { name: 'Alpha', after: 'a3' })).toEqual(['a4']);
        await tx.deleteFrom('communities').where('slug', '=', 'a4').execute();
      });
    });

    it('refuses a value that does not reach the SQL as a parameter, unchanged', async () => {
      const { db } = database.storage;
      const lowered = compiledOnce((executor, bound: { name: string }, _: null) =>
        executor.selectFrom('communities').select(['slug']).where('name', '=', bound.name.toLowerCase()),
      );
      await expect(lowered(db, { name: 'Alpha' }, null)).rejects.toThrow(/name must reach the SQL/);
      const written = compiledOnce((executor, bound: { name: string }, _: null) =>
        executor.selectFrom('communities').select(['slug']).where('name', '=', sql.lit(bound.name)),
      );
      await expect(written(db, { name: 'Alpha' }, null)).rejects.toThrow(/must reach the SQL/);
    });
  });
}
