import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { listRows } from '../src/imports/import-rows.store.js';
import { findJob } from '../src/imports/imports.store.js';
import { toImportJobView } from '../src/imports/job.view.js';
import type { ImportWorkerOptions } from '../src/imports/worker.js';
import { insertPerson } from '../src/people/people.store.js';
import { newPerson } from '../src/people/person.js';
import {
  eachDatabase,
  enablePhoneProfiles,
  seedCommunity,
  signIn,
  spendClaimTexts,
  verifiedElsewhere,
  type World,
} from './harness.js';
import { countRows, peopleProjection, phoneOf, runWorker, toCsv, upload } from './imports-support.js';

// New people of an import are added a run of lines at a time, in multi-row statements (R54):
// the same rules as Add person, line for line (R1, R3, R5, R6, R20, R21, R34, R36), and a run
// the bulk path cannot vouch for goes line by line instead, losing nothing and doing nothing twice.

const HEADER = ['Phone Number', 'Email', 'First Name', 'Employee Id', 'Manager Employee Id', 'Department'];

async function admin(world: World) {
  const seeded = await seedCommunity(world, { timeZone: 'Europe/London' });
  const client = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
  await enablePhoneProfiles(client);
  const on = await client.patch('/api/v1/settings', { accessCodeProfilesEnabled: true });
  expect(on.statusCode, on.body).toBe(200);
  return { ...seeded, client };
}

type Admin = Awaited<ReturnType<typeof admin>>;

async function importFile(world: World, a: Admin, csv: string, worker: ImportWorkerOptions = {}) {
  const response = await upload(world, a.client, csv);
  expect(response.statusCode, response.body).toBe(202);
  const id: string = response.json().id;
  await runWorker(world, worker);
  return id;
}

async function jobOf(world: World, a: Admin, id: string) {
  const job = await findJob(world.deps.db, a.community.id, id);
  if (!job) throw new Error(`no import ${id}`);
  return toImportJobView(job);
}

/** Each line's outcome as the rows API shows it, without the person's id. */
async function outcomes(world: World, id: string) {
  const rows = await listRows(world.deps.db, id, { afterLine: 0, limit: 1000 });
  return rows.map((row) => [row.line, row.status, row.code, row.message]);
}

/** The people an import added or changed: everyone but the admin who seeded the community. */
async function imported(world: World, communityId: string) {
  return (await peopleProjection(world, communityId)).filter((p) => !p.email?.startsWith('admin@'));
}

async function counter(world: World, scope: string) {
  const rows = await world.deps.db
    .selectFrom('daily_counters')
    .select(['day', 'count'])
    .where('scope', '=', scope)
    .execute();
  return rows.reduce((sum, row) => sum + row.count, 0);
}

async function windowCount(world: World, scope: string) {
  const row = await world.deps.db
    .selectFrom('window_counters')
    .select('count')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return row?.count ?? 0;
}

async function auditCounts(world: World, jobId: string) {
  const rows = await world.deps.db
    .selectFrom('audit_events')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('request_id', '=', `import:${jobId}`)
    .groupBy('type')
    .orderBy('type')
    .execute();
  return rows.map((row) => [row.type, Number(row.n)]);
}

eachDatabase(
  'import jobs add new people in bulk, line for line as one by one (R54, R6)',
  (world) => {
    let bulk: Admin;
    let oneByOne: Admin;
    let bulkJob: string;
    let oneByOneJob: string;
    // Every kind of line, in one batch and across batch boundaries: creates and updates mixed,
    // refusals of every rule, a daily limit reached mid-batch, managers before and after.
    const rows = [
      [phoneOf(1), '', 'Ann', 'B1', 'B0', 'Bakery'],
      ['', 'boss@acme.test', 'Boss', 'B0', '', 'Office'],
      [phoneOf(900), '', 'Olu', 'B900', '', 'Deli'],
      ['', 'new1@acme.test', 'Nia', 'B3', '', ''],
      [phoneOf(2), '', '', 'B4', '', ''],
      ['12', '', 'Short', 'B5', '', ''],
      [phoneOf(1).replace('+44', '0'), '', 'Ann again', 'B6', '', ''],
      ['', '', 'Zed', 'B7', '', ''],
      [phoneOf(3), '', 'Nobody Boss', 'B8', 'B99', ''],
      [phoneOf(4), '', 'Texted out', 'B9', '', ''],
      ['', 'ana@depot.rival-foods.co.uk', 'Rival', 'B10', '', ''],
      [phoneOf(5), '', 'Five', 'B11', '', ''],
      ['', 'old@acme.test', 'Old', 'B901', '', 'Moved'],
      [phoneOf(6), '', 'Six', 'B12', 'B20', ''],
      ['', 'new2@acme.test', 'After', 'B13', '', ''],
      [phoneOf(7), '', 'Seven', 'B14', '', ''],
      [phoneOf(8), '', 'Eight', 'B15', '', ''],
      [phoneOf(9), '', '', 'B16', '', ''],
      ['', '', 'Yan', 'B17', '', ''],
      [phoneOf(10), '', 'Ten', 'B18', '', ''],
      [phoneOf(900), '', 'Olu', 'B900', '', 'Deli'],
      ['', 'mgr@acme.test', 'Late Manager', 'B20', '', ''],
      [phoneOf(11), '', 'Eleven', 'B19', '', ''],
    ];

    async function run(a: Admin, worker: ImportWorkerOptions) {
      await importFile(
        world,
        a,
        toCsv(HEADER, [
          [phoneOf(900), '', 'Olu', 'B900', '', 'Bakery'],
          ['', 'old@acme.test', 'Old', 'B901', '', 'Office'],
        ]),
        { lineByLine: true },
      );
      await spendClaimTexts(world, a.community.id, phoneOf(4));
      return importFile(world, a, toCsv(HEADER, rows), { batchSize: 7, ...worker });
    }

    beforeAll(async () => {
      await verifiedElsewhere(world, 'rival-foods.co.uk');
      bulk = await admin(world);
      oneByOne = await admin(world);
      bulkJob = await run(bulk, {});
      oneByOneJob = await run(oneByOne, { lineByLine: true });
    }, 120_000);

    it('gives every line the outcome it gets one by one, refusals and held-back lines alike', async () => {
      const expected = await outcomes(world, oneByOneJob);
      expect(await outcomes(world, bulkJob)).toEqual(expected);
      const codes = expected.map((row) => row[2]);
      for (const code of [
        'name_required',
        'phone_invalid',
        'duplicate_in_file',
        'manager_not_found',
        'claim_sms_daily_limit',
        'email_domain_verified_elsewhere',
        'phone_account_daily_limit',
      ]) {
        expect(codes, code).toContain(code);
      }
      const view = (job: Awaited<ReturnType<typeof jobOf>>) => {
        const { id: _id, startedBy: _by, createdAt: _c, startedAt: _s, finishedAt: _f, ...rest } = job;
        return rest;
      };
      expect(view(await jobOf(world, bulk, bulkJob))).toEqual(
        view(await jobOf(world, oneByOne, oneByOneJob)),
      );
      expect(await jobOf(world, bulk, bulkJob)).toMatchObject({ state: 'waiting', updated: 2, waiting: 2 });
    });

    it('adds the same people, with the same managers, invitations and audit rows (R3, R20, R36)', async () => {
      expect(await imported(world, bulk.community.id)).toEqual(await imported(world, oneByOne.community.id));
      expect(await countRows(world, 'messages', bulk.community.id)).toBe(
        await countRows(world, 'messages', oneByOne.community.id),
      );
      expect(await auditCounts(world, bulkJob)).toEqual(await auditCounts(world, oneByOneJob));
      const tokens = async (communityId: string) =>
        Number(
          (
            await world.deps.db
              .selectFrom('claim_tokens')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('community_id', '=', communityId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await tokens(bulk.community.id)).toBe(await tokens(oneByOne.community.id));
    });

    it('spends today’s allowance of new phone accounts and each number’s texts as one by one (R5, R6)', async () => {
      // One phone account came with the first file: the limit of 6 leaves 5 for this one.
      expect(await windowCount(world, `phone_accounts:${bulk.community.id}`)).toBe(6);
      expect(await windowCount(world, `phone_accounts:${oneByOne.community.id}`)).toBe(6);
      for (const i of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
        expect(await windowCount(world, `claim_sms:${bulk.community.id}:${phoneOf(i)}`), `${i}`).toBe(
          await windowCount(world, `claim_sms:${oneByOne.community.id}:${phoneOf(i)}`),
        );
      }
    });

    it('adds the held-back lines the same way once the limit resets (R6)', async () => {
      world.clock.advanceDays(1);
      await runWorker(world, { batchSize: 7 });
      await runWorker(world, { batchSize: 7, lineByLine: true });
      expect(await outcomes(world, bulkJob)).toEqual(await outcomes(world, oneByOneJob));
      expect(await jobOf(world, bulk, bulkJob)).toMatchObject({ state: 'done', waiting: 0 });
      expect(await imported(world, bulk.community.id)).toEqual(await imported(world, oneByOne.community.id));
    });
  },
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '6' } },
);

eachDatabase(
  'import jobs in bulk: a daily limit reached mid-batch (R6, R34)',
  (world) => {
    it('holds back the phone lines over the limit of new phone accounts, not the email lines (R6)', async () => {
      const a = await admin(world);
      const id = await importFile(
        world,
        a,
        toCsv(HEADER, [
          ...[1, 2, 3].map((i) => [phoneOf(100 + i), '', `P${i}`, '', '', '']),
          ['', 'e1@acme.test', 'Email One', '', '', ''],
          ...[4, 5, 6, 7].map((i) => [phoneOf(100 + i), '', `P${i}`, '', '', '']),
          [phoneOf(108), '', '', '', '', ''],
          ['', 'e2@acme.test', 'Email Two', '', '', ''],
        ]),
        { batchSize: 50 },
      );
      expect(await jobOf(world, a, id)).toMatchObject({
        state: 'waiting',
        created: 7,
        waiting: 3,
        failed: 0,
        waitingUntil: '2026-03-03T00:00:00.000Z',
      });
      const held = (await outcomes(world, id)).filter((row) => row[1] === 'pending');
      // A nameless line after the limit waits too: one by one, it is held back before it is read.
      expect(held.map((row) => [row[0], row[2]])).toEqual([
        [8, 'phone_account_daily_limit'],
        [9, 'phone_account_daily_limit'],
        [10, 'phone_account_daily_limit'],
      ]);
      expect(await windowCount(world, `phone_accounts:${a.community.id}`)).toBe(5);
      expect(await countRows(world, 'messages', a.community.id)).toBe(7);
      expect(await countRows(world, 'people', a.community.id)).toBe(8);
    });
  },
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '5' } },
);

eachDatabase(
  'import jobs in bulk: the SMS budget reached mid-batch (R34)',
  (world) => {
    it('holds back the phone lines over the hourly budget, counts only the texts queued, and goes on next hour', async () => {
      const a = await admin(world);
      const id = await importFile(
        world,
        a,
        toCsv(HEADER, [
          ...[1, 2, 3, 4, 5, 6].map((i) => [phoneOf(200 + i), '', `P${i}`, '', '', '']),
          ['', 'e1@acme.test', 'Email One', '', '', ''],
        ]),
        { batchSize: 50 },
      );
      expect(await jobOf(world, a, id)).toMatchObject({ state: 'waiting', created: 5, waiting: 2 });
      const held = (await outcomes(world, id)).filter((row) => row[1] === 'pending');
      expect(held.map((row) => [row[0], row[2]])).toEqual([
        [6, 'sms_capacity_reached'],
        [7, 'sms_capacity_reached'],
      ]);
      expect(await counter(world, 'sms:hour')).toBe(4);
      expect(await counter(world, 'sms:day')).toBe(4);
      // The held-back numbers took nothing of today's allowance of new phone accounts (R6).
      expect(await windowCount(world, `phone_accounts:${a.community.id}`)).toBe(4);

      world.clock.advance(3_600_000);
      await runWorker(world, { batchSize: 50 });
      expect(await jobOf(world, a, id)).toMatchObject({ state: 'done', created: 7, waiting: 0 });
      expect(await counter(world, 'sms:day')).toBe(6);
      expect(await countRows(world, 'messages', a.community.id)).toBe(7);
    });
  },
  { config: { MUSTER_SMS_PER_HOUR: '4' } },
);

eachDatabase('import jobs in bulk: duplicates and clashes (R1, R54)', (world) => {
  let a: Admin;
  beforeAll(async () => {
    a = await admin(world);
  });

  it('adds the first line of a login or employee ID repeated in the same batch, and fails the rest', async () => {
    const id = await importFile(
      world,
      a,
      toCsv(HEADER, [
        ['', 'Dup@Acme.test', 'First', 'D1', '', ''],
        [phoneOf(300), '', 'Phone', 'D2', '', ''],
        ['', 'dup@acme.test', 'Second', 'D3', '', ''],
        [phoneOf(301), '', 'Same ID', 'D2', '', ''],
        [phoneOf(300).replace('+44', '0044'), '', 'Same phone', 'D4', '', ''],
      ]),
      { batchSize: 50 },
    );
    expect((await outcomes(world, id)).map((row) => [row[0], row[1], row[2]])).toEqual([
      [2, 'created', null],
      [3, 'created', null],
      [4, 'failed', 'duplicate_in_file'],
      [5, 'failed', 'duplicate_in_file'],
      [6, 'failed', 'duplicate_in_file'],
    ]);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select('recipient')
      .where('community_id', '=', a.community.id)
      .execute();
    expect(texts.map((t) => t.recipient).sort()).toEqual([phoneOf(300), 'dup@acme.test']);
  });

  it('applies a batch mixing new and known people in file order: creates, updates, unchanged', async () => {
    const first = await importFile(
      world,
      a,
      toCsv(HEADER, [
        [phoneOf(310), '', 'Known Phone', 'M1', '', 'Bakery'],
        ['', 'known@acme.test', 'Known Email', 'M2', '', 'Bakery'],
      ]),
    );
    expect(await jobOf(world, a, first)).toMatchObject({ created: 2 });
    const id = await importFile(
      world,
      a,
      toCsv(HEADER, [
        [phoneOf(311), '', 'New One', 'M3', 'M1', ''],
        [phoneOf(310), '', 'Known Phone', 'M1', '', 'Deli'],
        ['', 'new@acme.test', 'New Two', 'M4', 'M2', ''],
        ['', 'known@acme.test', 'Known Email', 'M2', '', 'Bakery'],
        ['', '', 'New Three', 'M5', 'M3', ''],
        ['', 'known@acme.test', 'Known Email', 'M2', 'M5', 'Deli'],
        [phoneOf(312), '', 'New Four', 'M6', '', ''],
      ]),
      { batchSize: 50 },
    );
    expect(await jobOf(world, a, id)).toMatchObject({
      state: 'done',
      created: 4,
      updated: 1,
      unchanged: 1,
      failed: 1,
    });
    expect((await outcomes(world, id)).map((row) => [row[0], row[1], row[2]])).toEqual([
      [2, 'created', null],
      [3, 'updated', null],
      [4, 'created', null],
      [5, 'unchanged', null],
      [6, 'created', null],
      [7, 'failed', 'duplicate_in_file'],
      [8, 'created', null],
    ]);
    const people = new Map(
      (await peopleProjection(world, a.community.id)).map((p) => [p.externalId, p] as const),
    );
    expect(people.get('M1')).toMatchObject({ department: 'Deli', manager: null });
    expect(people.get('M3')).toMatchObject({ invited: 1, manager: 'M1' });
    expect(people.get('M4')).toMatchObject({ invited: 1, manager: 'M2' });
    expect(people.get('M5')).toMatchObject({ loginKind: 'username', invited: 0, manager: 'M3' });
  });

  it('goes line by line when a login clashes in the database: that line fails, nothing is lost or done twice', async () => {
    // Someone already has the user name that one new line's number would get (as an identity
    // provider may have sent it): the lookups by login cannot see it, the insert can.
    const now = world.clock.now().toISOString();
    await insertPerson(world.deps.db, {
      ...newPerson({
        id: randomUUID(),
        communityId: a.community.id,
        login: { kind: 'email', value: 'taken@acme.test' },
        displayName: 'Taken',
        now,
      }),
      userName: phoneOf(323),
    });
    const smsBefore = await counter(world, 'sms:day');
    const accountsBefore = await windowCount(world, `phone_accounts:${a.community.id}`);
    const messagesBefore = await countRows(world, 'messages', a.community.id);
    const id = await importFile(
      world,
      a,
      toCsv(
        HEADER,
        [320, 321, 322, 323, 324, 325].map((i) => [phoneOf(i), '', `Worker ${i}`, `U${i}`, '', '']),
      ),
      { batchSize: 50 },
    );
    expect(await jobOf(world, a, id)).toMatchObject({ state: 'done', created: 5, failed: 1 });
    expect((await outcomes(world, id)).find((row) => row[1] === 'failed')).toEqual([
      5,
      'failed',
      'phone_taken',
      'Someone in this community already has this mobile number.',
    ]);
    expect(await countRows(world, 'messages', a.community.id)).toBe(messagesBefore + 5);
    expect(await counter(world, 'sms:day')).toBe(smsBefore + 5);
    expect(await windowCount(world, `phone_accounts:${a.community.id}`)).toBe(accountsBefore + 5);
    for (const i of [320, 321, 322, 324, 325]) {
      expect(await windowCount(world, `claim_sms:${a.community.id}:${phoneOf(i)}`), `${i}`).toBe(1);
    }
    expect(await windowCount(world, `claim_sms:${a.community.id}:${phoneOf(323)}`)).toBe(0);
  });
});

eachDatabase('import jobs in bulk: a large file (R54)', (world) => {
  it('has the database read the people table’s statistics again once it is done, for the plans of later pages', async () => {
    const a = await admin(world);
    const rows = Array.from({ length: 1000 }, (_, i) => [
      '',
      `large${i}@acme.test`,
      `Large ${i}`,
      `L${i}`,
      '',
      '',
    ]);
    const id = await importFile(world, a, toCsv(HEADER, rows), { batchSize: 500 });
    expect(await jobOf(world, a, id)).toMatchObject({ state: 'done', created: 1000 });
    if (world.dialect === 'sqlite') {
      const stats = await sql<{
        n: number;
      }>`select count(*) as n from sqlite_stat1 where tbl = 'people'`.execute(world.deps.db);
      expect(Number(stats.rows[0]?.n)).toBeGreaterThan(0);
    } else {
      const stats = await sql<{ analyzed: string | null }>`
        select last_analyze as analyzed from pg_stat_user_tables where relname = 'people'`.execute(
        world.deps.db,
      );
      expect(stats.rows[0]?.analyzed).not.toBeNull();
    }
  });
});
