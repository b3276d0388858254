import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/crypto/random.js';
import { newPersonRow } from '../src/people/person.row.js';
import { type Db, migrateDown, migrateToLatest, uniqueViolation } from '../src/storage/db.js';
import { insertMany } from '../src/storage/many-rows.js';
import { migrations } from '../src/storage/migrations/index.js';
import type { CommunitiesTable, PeopleTable } from '../src/storage/schema.js';
import { writeAsOne } from '../src/storage/write-as-one.js';
import { createTestDatabase, type DialectName, dialects } from './harness.js';

/** Carries what a transaction saw out of it, rolling it back. */
class PlanSeen extends Error {}

/** A brand-new database with no schema at all (the harness's databases are already migrated). */
const blankDatabase = (dialect: DialectName) => createTestDatabase(dialect, { migrate: false });

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

const NOW = '2026-03-02T09:00:00.000Z';

function communityRow(slug: string): CommunitiesTable {
  return {
    id: newId(new Date()),
    name: `Community ${slug}`,
    slug,
    plan: 'essentials',
    time_zone: 'UTC',
    default_locale: 'en',
    default_country: 'GB',
    domain_verified: 0,
    settings: '{}',
    created_at: NOW,
    updated_at: NOW,
  };
}

function personRow(communityId: string, overrides: Partial<PeopleTable> = {}): PeopleTable {
  return {
    ...newPersonRow({
      id: newId(new Date()),
      communityId,
      login: { kind: 'phone', value: '+447911123456' },
      displayName: 'Worker',
      now: NOW,
    }),
    frontline: 1,
    // These rows test the login constraints, so the SCIM userName (which the app sets to the
    // login) is left empty and cannot clash first.
    user_name: null,
    ...overrides,
  };
}

/** The error a failing promise rejects with; fails the test if it does not fail. */
async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to be refused, but it succeeded');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let slugCounter = 0;
const uniqueSlug = () => {
  slugCounter += 1;
  return `s${slugCounter}-${randomBytes(3).toString('hex')}`;
};

for (const dialect of dialects()) {
  describe(`storage [${dialect}]`, () => {
    describe('migrations (R52)', () => {
      let blank: Awaited<ReturnType<typeof blankDatabase>>;
      beforeAll(async () => {
        blank = await blankDatabase(dialect);
      });
      afterAll(async () => {
        await blank?.destroy();
      });

      it('run up, all the way down, and up again on a fresh database', async () => {
        const { db } = blank.storage;
        const all = Object.keys(migrations);
        expect(all[0]).toBe('0001_initial');
        expect(await tableNames(db)).toEqual([]);

        expect(await migrateToLatest(db)).toEqual(all);
        const tables = await tableNames(db);
        for (const table of [
          'audit_events',
          'communities',
          'idempotency_keys',
          'people',
          'sessions',
          'setup_tokens',
        ]) {
          expect(tables).toContain(table);
        }
        expect(await migrateToLatest(db)).toEqual([]);

        // Down one migration at a time, newest first, until nothing is left.
        const reverted: string[] = [];
        for (let i = 0; i < all.length; i++) reverted.push(...(await migrateDown(db)));
        expect(reverted).toEqual([...all].reverse());
        expect(await tableNames(db)).toEqual([]);

        expect(await migrateToLatest(db)).toEqual(all);
        expect(await tableNames(db)).toEqual(tables);

        // The schema works after the round trip.
        const community = communityRow(uniqueSlug());
        await db.insertInto('communities').values(community).execute();
        await db.insertInto('people').values(personRow(community.id)).execute();
        const people = await db.selectFrom('people').select('phone').execute();
        expect(people).toEqual([{ phone: '+447911123456' }]);
      });
    });

    describe('constraints', () => {
      let blank: Awaited<ReturnType<typeof blankDatabase>>;
      let db: Db;
      beforeAll(async () => {
        blank = await blankDatabase(dialect);
        db = blank.storage.db;
        await migrateToLatest(db);
      });
      afterAll(async () => {
        await blank?.destroy();
      });

      async function newCommunity() {
        const row = communityRow(uniqueSlug());
        await db.insertInto('communities').values(row).execute();
        return row;
      }

      async function peopleIn(communityId: string) {
        const rows = await db
          .selectFrom('people')
          .selectAll()
          .where('community_id', '=', communityId)
          .execute();
        return rows;
      }

      it('store half a character in many rows as in one (a lone UTF-16 surrogate)', async () => {
        const community = await newCommunity();
        const half = 'Half \udfff';
        await db
          .insertInto('people')
          .values(personRow(community.id, { display_name: half }))
          .execute();
        await insertMany(db, 'people', [
          personRow(community.id, { display_name: half, phone: '+447911123457', given_name: 'many' }),
        ]);
        const [one, many] = (await peopleIn(community.id))
          .sort((a, b) => (a.given_name ?? '').localeCompare(b.given_name ?? ''))
          .map((row) => row.display_name);
        expect(one).toMatch(/^Half \ufffd+$/);
        expect(many).toBe(one);
      });

      it('refuse a person with both an email and a phone number', async () => {
        const community = await newCommunity();
        for (const login_kind of ['phone', 'email'] as const) {
          const error = await errorOf(
            db
              .insertInto('people')
              .values(
                personRow(community.id, { login_kind, email: 'both@example.com', phone: '+447911123456' }),
              )
              .execute(),
          );
          expect(messageOf(error)).toContain('people_one_login_identifier');
        }
        expect(await peopleIn(community.id)).toEqual([]);
      });

      it('refuse a person whose login kind is phone but who has an email instead', async () => {
        const community = await newCommunity();
        const error = await errorOf(
          db
            .insertInto('people')
            .values(personRow(community.id, { login_kind: 'phone', email: 'ana@example.com', phone: null }))
            .execute(),
        );
        expect(messageOf(error)).toContain('people_one_login_identifier');
        // …and the mirror image, and a person with no identifier of their kind at all.
        for (const overrides of [
          { login_kind: 'email', email: null, phone: '+447911123456' },
          { login_kind: 'email', email: null, phone: null },
          { login_kind: 'phone', email: null, phone: null },
          { login_kind: 'username', email: null, phone: '+447911123456' },
        ] as const) {
          const refused = await errorOf(
            db.insertInto('people').values(personRow(community.id, overrides)).execute(),
          );
          expect(messageOf(refused)).toContain('people_one_login_identifier');
        }
        expect(await peopleIn(community.id)).toEqual([]);
      });

      it('accept a person of each login kind with its own identifier', async () => {
        const community = await newCommunity();
        await db
          .insertInto('people')
          .values([
            personRow(community.id, { login_kind: 'phone', phone: '+447911000001' }),
            personRow(community.id, { login_kind: 'email', phone: null, email: 'ana@example.com' }),
            personRow(community.id, { login_kind: 'username', phone: null, username: null }),
            personRow(community.id, { login_kind: 'username', phone: null, username: 'ana.picker' }),
          ])
          .execute();
        expect(await peopleIn(community.id)).toHaveLength(4);
      });

      it('keep phone numbers unique within a community, not across communities (R2)', async () => {
        const first = await newCommunity();
        const second = await newCommunity();
        await db
          .insertInto('people')
          .values(personRow(first.id, { phone: '+447911555555' }))
          .execute();

        const duplicate = await errorOf(
          db
            .insertInto('people')
            .values(personRow(first.id, { phone: '+447911555555' }))
            .execute(),
        );
        expect(uniqueViolation(duplicate)).toBe('phone');
        expect(await peopleIn(first.id)).toHaveLength(1);

        await db
          .insertInto('people')
          .values(personRow(second.id, { phone: '+447911555555' }))
          .execute();
        expect(await peopleIn(second.id)).toHaveLength(1);
      });

      it('name the column of a broken unique constraint: email, slug, external_id', async () => {
        const community = await newCommunity();
        const emailPerson = (email: string) =>
          personRow(community.id, { login_kind: 'email', phone: null, email });
        await db.insertInto('people').values(emailPerson('dup@example.com')).execute();
        const email = await errorOf(db.insertInto('people').values(emailPerson('dup@example.com')).execute());
        expect(uniqueViolation(email)).toBe('email');

        const slug = await errorOf(
          db.insertInto('communities').values(communityRow(community.slug)).execute(),
        );
        expect(uniqueViolation(slug)).toBe('slug');

        await db
          .insertInto('people')
          .values(personRow(community.id, { phone: '+447911000101', external_id: 'E-1' }))
          .execute();
        const externalId = await errorOf(
          db
            .insertInto('people')
            .values(personRow(community.id, { phone: '+447911000102', external_id: 'E-1' }))
            .execute(),
        );
        expect(uniqueViolation(externalId)).toBe('external_id');
      });

      it('say null for errors that are not unique violations', async () => {
        const community = await newCommunity();
        const check = await errorOf(
          db
            .insertInto('people')
            .values(personRow(community.id, { email: 'x@example.com' }))
            .execute(),
        );
        expect(uniqueViolation(check)).toBeNull();
        expect(uniqueViolation(new Error('boom'))).toBeNull();
        expect(uniqueViolation(undefined)).toBeNull();
      });

      it('delete a community’s people with the community', async () => {
        const doomed = await newCommunity();
        const kept = await newCommunity();
        const manager = personRow(doomed.id, { phone: '+447911000201' });
        await db.insertInto('people').values(manager).execute();
        await db
          .insertInto('people')
          .values(personRow(doomed.id, { phone: '+447911000202', manager_id: manager.id }))
          .execute();
        await db
          .insertInto('people')
          .values(personRow(kept.id, { phone: '+447911000201' }))
          .execute();
        expect(await peopleIn(doomed.id)).toHaveLength(2);

        await db.deleteFrom('communities').where('id', '=', doomed.id).execute();

        expect(await peopleIn(doomed.id)).toEqual([]);
        expect(await peopleIn(kept.id)).toHaveLength(1);
        const communities = await db
          .selectFrom('communities')
          .select('id')
          .where('id', '=', kept.id)
          .execute();
        expect(communities).toHaveLength(1);
      });

      it('write several rows as one (writeAsOne): all land, and the writer’s answer comes back', async () => {
        const community = await newCommunity();
        const first = personRow(community.id, { phone: '+447911000301' });
        const second = personRow(community.id, { phone: '+447911000302' });
        const answer = await writeAsOne(db, async (writer) => {
          await writer.insertInto('people').values(first).execute();
          await writer.insertInto('people').values(second).execute();
          await writer
            .updateTable('communities')
            .set({ name: 'Renamed' })
            .where('id', '=', community.id)
            .execute();
          return 'done';
        });
        expect(answer).toBe('done');
        expect((await peopleIn(community.id)).map((p) => p.phone).sort()).toEqual([
          '+447911000301',
          '+447911000302',
        ]);
        const renamed = await db
          .selectFrom('communities')
          .select('name')
          .where('id', '=', community.id)
          .execute();
        expect(renamed).toEqual([{ name: 'Renamed' }]);
      });

      it('write nothing of a writeAsOne whose last write is refused', async () => {
        const community = await newCommunity();
        await db
          .insertInto('people')
          .values(personRow(community.id, { phone: '+447911000401' }))
          .execute();
        const error = await errorOf(
          writeAsOne(db, async (writer) => {
            await writer
              .insertInto('people')
              .values(personRow(community.id, { phone: '+447911000402' }))
              .execute();
            await writer.deleteFrom('communities').where('id', '=', 'no such community').execute();
            await writer
              .insertInto('people')
              .values(personRow(community.id, { phone: '+447911000401' }))
              .execute();
          }),
        );
        expect(uniqueViolation(error)).toBe('phone');
        expect((await peopleIn(community.id)).map((p) => p.phone)).toEqual(['+447911000401']);
      });
    });

    describe('partial indexes', () => {
      let database: Awaited<ReturnType<typeof blankDatabase>>;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.destroy();
      });

      // Indexes on values most rows leave empty hold only the rows with one (0013). A lookup
      // that does not tell the planner the value is set cannot use them. Asked of the index
      // alone: on an empty table a planner may pick any index that narrows by community.
      it.each([
        ['people_community_email_key', 'people', `community_id = 'c' and email = 'a@b.example'`],
        [
          'people_email_lower_idx',
          'people',
          `community_id = 'c' and lower(email) in (lower('A@b.example'), 'x')`,
        ],
        ['people_community_username_key', 'people', `community_id = 'c' and username = 'u'`],
        ['people_community_external_id_key', 'people', `community_id = 'c' and external_id = '7'`],
        ['people_manager_idx', 'people', `manager_id = 'm'`],
        ['people_scim_external_id_idx', 'people', `community_id = 'c' and scim_external_id = 'x'`],
        ['people_access_code_hash_idx', 'people', `access_code_hash = 'h'`],
        ['audit_events_aggregation_key', 'audit_events', `aggregation_key = 'k'`],
        ['import_rows_employee_idx', 'import_rows', `job_id = 'j' and employee_key = '7'`],
      ])('%s serves its lookups', async (index, table, where) => {
        const { db } = database.storage;
        if (dialect === 'sqlite') {
          // INDEXED BY fails the statement ("no query solution") when the index cannot serve it.
          const { rows } = await sql
            .raw(`explain query plan select 1 from ${table} indexed by ${index} where ${where}`)
            .execute(db);
          expect(JSON.stringify(rows)).toContain(index);
          return;
        }
        // PostgreSQL has no hints: every other index of the table goes, in a transaction that is
        // rolled back, and scans are priced out, so the plan uses the index if it can.
        const plan = await db
          .transaction()
          .execute(async (tx) => {
            const { rows: others } = await sql<{ indexname: string }>`
              select indexname from pg_indexes i
              where tablename = ${table} and indexname <> ${index}
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(tx);
            for (const { indexname } of others) await sql`drop index ${sql.ref(indexname)}`.execute(tx);
            await sql`set local enable_seqscan = off`.execute(tx);
            const { rows } = await sql.raw(`explain select 1 from ${table} where ${where}`).execute(tx);
            throw new PlanSeen(JSON.stringify(rows));
          })
          .catch((error: unknown) => {
            if (error instanceof PlanSeen) return error.message;
            throw error;
          });
        expect(plan).toContain(index);
      });
    });
  });
}
