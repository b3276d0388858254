import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { AuditType } from '../src/audit/audit.js';
import type { ActingContext } from '../src/context.js';
import { addPeopleBatch } from '../src/onboarding/add-people-batch.js';
import {
  eachDatabase,
  enablePhoneProfiles,
  seedCommunity,
  signIn,
  spendClaimTexts,
  verifiedElsewhere,
  type World,
} from './harness.js';
import { countRows, peopleProjection, phoneOf } from './imports-support.js';

// POST /api/v1/people/batch adds a chunk of rows at a time with multi-row statements, and must
// answer every row exactly as adding them one by one does (R2, R3, R5, R6, R20, R21, R34, R36).

async function admin(world: World) {
  const seeded = await seedCommunity(world, { timeZone: 'Europe/London' });
  const client = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
  await enablePhoneProfiles(client);
  const on = await client.patch('/api/v1/settings', { accessCodeProfilesEnabled: true });
  expect(on.statusCode, on.body).toBe(200);
  // Already here: a phone person and an email person the batch names again, and a manager.
  for (const person of [
    { phone: phoneOf(900), displayName: 'Olu', externalId: 'E900' },
    { email: 'old@acme.test', displayName: 'Old', externalId: 'E901' },
  ]) {
    const added = await client.post('/api/v1/people', { ...person, sendInvitation: false });
    expect(added.statusCode, added.body).toBe(201);
  }
  const boss = await client.post('/api/v1/people', {
    email: 'boss@acme.test',
    displayName: 'Boss',
    externalId: 'E0',
    sendInvitation: false,
  });
  await spendClaimTexts(world, seeded.community.id, phoneOf(4));
  const ctx: ActingContext = {
    communityId: seeded.community.id,
    actor: { id: seeded.admin.id, label: 'Ada Admin', role: 'system_admin' },
    meta: { ip: '127.0.0.1', requestId: null, userAgent: null },
  };
  return { ...seeded, client, ctx, bossId: boss.json().id as string };
}

type Admin = Awaited<ReturnType<typeof admin>>;

/** Each row's answer, without the ids and times that differ between two communities. */
function answers(result: Awaited<ReturnType<typeof addPeopleBatch>>) {
  return result.results.map((row) => {
    if (row.status !== 'created' || !row.person) return row;
    const { id: _id, createdAt: _c, invitedAt: _i, managerId, ...person } = row.person;
    return { ...row, person: { ...person, managed: managerId !== null } };
  });
}

async function effects(world: World, a: Admin) {
  const audit = await world.deps.db
    .selectFrom('audit_events')
    .select(['type', 'outcome', 'details', 'count'])
    .where('community_id', '=', a.community.id)
    .where('type', 'in', [
      AuditType.accountCreated,
      AuditType.invitationSent,
      AuditType.smsRefused,
      AuditType.emailRefused,
    ])
    .execute();
  const counters = await world.deps.db
    .selectFrom('window_counters')
    .select(['scope', 'count'])
    .where('scope', 'like', `%${a.community.id}%`)
    .orderBy('scope')
    .execute();
  return {
    people: (await peopleProjection(world, a.community.id)).filter((p) => !p.email?.startsWith('admin@')),
    messages: await countRows(world, 'messages', a.community.id),
    audit: audit.map((row) => JSON.stringify(row)).sort(),
    counters: counters.map((row) => ({ scope: row.scope.replace(a.community.id, 'C'), count: row.count })),
  };
}

eachDatabase(
  'batch add: rows added in bulk, row for row as one by one (R2, R6)',
  (world) => {
    let bulk: Admin;
    let oneByOne: Admin;

    beforeAll(async () => {
      await verifiedElsewhere(world, 'rival-foods.co.uk');
      bulk = await admin(world);
      oneByOne = await admin(world);
    });

    /** The same rows through the API (in bulk) and one by one; answers the two results. */
    /** The same rows in bulk and one by one (each in its own community); answers the two results. */
    async function both(rows: (a: Admin) => object[], { dryRun = false } = {}) {
      let wentOneByOne = 0;
      const inBulk = await addPeopleBatch({
        deps: world.deps,
        ctx: bulk.ctx,
        rows: rows(bulk),
        sendInvitations: true,
        dryRun,
        onOneByOne: (count) => {
          wentOneByOne += count;
        },
      });
      const expected = await addPeopleBatch({
        deps: world.deps,
        ctx: oneByOne.ctx,
        rows: rows(oneByOne),
        sendInvitations: true,
        dryRun,
        oneByOne: true,
      });
      return { inBulk, expected, wentOneByOne };
    }

    /** A preview both ways: the same answers, and nothing changed in either community. */
    async function previewBoth(rows: (a: Admin) => object[], wentOneByOne: number) {
      const before = [await effects(world, bulk), await effects(world, oneByOne)];
      const previewed = await both(rows, { dryRun: true });
      expect(previewed.wentOneByOne).toBe(wentOneByOne);
      expect(answers(previewed.inBulk)).toEqual(answers(previewed.expected));
      expect([await effects(world, bulk), await effects(world, oneByOne)]).toEqual(before);
      return previewed.expected.results.map((row) => (row.status === 'error' ? row.code : row.status));
    }

    it('answers every row as one by one, refusals of every rule alike, and adds the same', async () => {
      const { inBulk, expected, wentOneByOne } = await both((a) => [
        { phone: phoneOf(1), displayName: 'Ann', managerId: a.bossId },
        { email: 'new1@acme.test', givenName: 'Nia' },
        { phone: phoneOf(2) },
        { phone: '12', displayName: 'Short' },
        { phone: phoneOf(1).replace('+44', '0'), displayName: 'Ann again' },
        { phone: phoneOf(900), displayName: 'Olu again' },
        { email: 'OLD@acme.test', displayName: 'Old again' },
        { email: 'new1@acme.test', displayName: 'Nia again' },
        { displayName: 'Zed' },
        { displayName: 'Yan', externalId: 'E17' },
        { phone: phoneOf(3), displayName: 'Nobody Boss', managerId: randomUUID() },
        { phone: phoneOf(4), displayName: 'Texted out' },
        { email: 'ana@depot.rival-foods.co.uk', displayName: 'Rival' },
        { phone: '+1 202 555 0100', displayName: 'Abroad' },
        { phone: phoneOf(5), email: 'two@acme.test', displayName: 'Two logins' },
        { phone: phoneOf(6), displayName: 'Six', jobTitle: 'Baker' },
        // Half a character (a lone surrogate), as any JSON string may carry: refused either way.
        { email: 'half@acme.test', displayName: 'Half \udfff' },
        { nonsense: true },
      ]);
      expect(wentOneByOne, 'the bulk path vouched for every row').toBe(0);
      expect(answers(inBulk)).toEqual(answers(expected));
      expect(inBulk.created).toBeGreaterThan(0);
      const codes = expected.results.map((row) => (row.status === 'error' ? row.code : row.status));
      for (const code of [
        'name_required',
        'phone_invalid',
        'phone_taken',
        'email_taken',
        'login_identifier_required',
        'manager_not_found',
        'claim_sms_daily_limit',
        'email_domain_verified_elsewhere',
        'phone_country_not_allowed',
        'login_identifier_conflict',
        'invalid_request',
      ]) {
        expect(codes, code).toContain(code);
      }
      expect(await effects(world, bulk)).toEqual(await effects(world, oneByOne));
    });

    it('previews in bulk as one by one, and changes nothing (R2)', async () => {
      const codes = await previewBoth(
        (a) => [
          ...Array.from({ length: 3 }, (_, i) => ({ phone: phoneOf(200 + i), displayName: `P${i}` })),
          { email: 'preview@acme.test', displayName: 'Preview', managerId: a.bossId },
          { phone: phoneOf(1), displayName: 'Ann, taken' },
          { phone: '12', displayName: 'Short' },
        ],
        0,
      );
      expect(codes).toEqual([...Array(4).fill('created'), 'phone_taken', 'phone_invalid']);
    });

    it('goes one by one where a daily limit stops some rows, and answers them as one by one (R6)', async () => {
      const rows = () =>
        Array.from({ length: 8 }, (_, i) => ({ phone: phoneOf(100 + i), displayName: `Worker ${i}` }));
      const { inBulk, expected, wentOneByOne } = await both(rows);
      expect(wentOneByOne).toBe(8);
      expect(answers(inBulk)).toEqual(answers(expected));
      const codes = expected.results.map((row) => (row.status === 'error' ? row.code : row.status));
      expect(codes).toContain('created');
      expect(codes).toContain('phone_account_daily_limit');
      expect(await effects(world, bulk)).toEqual(await effects(world, oneByOne));
    });

    it('previews one by one once a daily limit stops some rows, with the same answers (R6)', async () => {
      const codes = await previewBoth(
        () => [
          { email: 'later@acme.test', displayName: 'Later' },
          { phone: phoneOf(300), displayName: 'Over the limit' },
        ],
        2,
      );
      expect(codes).toEqual(['created', 'phone_account_daily_limit']);
    });

    it('answers over HTTP as the use case does', async () => {
      const rows = [
        { email: 'http1@acme.test', displayName: 'First' },
        { email: 'http1@acme.test', displayName: 'Second' },
      ];
      const sent = await bulk.client.post('/api/v1/people/batch', { people: rows, sendInvitations: false });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({
        created: 1,
        failed: 1,
        results: [
          { index: 0, status: 'created', person: { email: 'http1@acme.test' } },
          { index: 1, status: 'error', code: 'email_taken' },
        ],
      });
    });
  },
  // One phone account before the batches and two from the first leave seven for today: the
  // second batch (eight numbers) meets the limit.
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '10' } },
);
