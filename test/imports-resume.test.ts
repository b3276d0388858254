import { expect, it } from 'vitest';
import { claimRows, writeOutcomes } from '../src/imports/import-rows.store.js';
import { findJob } from '../src/imports/imports.store.js';
import { toImportJobView } from '../src/imports/job.view.js';
import { createImportWorker } from '../src/imports/worker.js';
import { eachDatabase, enablePhoneProfiles, seedCommunity, signIn, type World } from './harness.js';
import { countRows, phoneOf, runWorker, toCsv, upload } from './imports-support.js';

// An import job outlives its worker (R54): a daily limit holds rows back and the job goes on by
// itself when it resets (R6), and a worker that stops mid-way leaves nothing half done.

async function admin(world: World) {
  const seeded = await seedCommunity(world, { timeZone: 'Europe/London' });
  const client = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
  await enablePhoneProfiles(client);
  return { ...seeded, client };
}

/** The job as the API shows it, read without a session: days pass in these tests, and sessions end. */
async function jobView(world: World, communityId: string, id: string) {
  const job = await findJob(world.deps.db, communityId, id);
  if (!job) throw new Error(`no import ${id}`);
  return toImportJobView(job);
}

const phoneFile = (from: number, count: number, extra: string[][] = []) =>
  toCsv(
    ['Phone Number', 'Email', 'First Name'],
    [...Array.from({ length: count }, (_, i) => [phoneOf(from + i), '', `Worker ${from + i}`]), ...extra],
  );

eachDatabase(
  'import jobs wait for the daily limit and go on by themselves (R6, R54)',
  (world) => {
    it('holds back the rows over the limit, loses none, and finishes after midnight', async () => {
      const a = await admin(world);
      const response = await upload(
        world,
        a.client,
        phoneFile(0, 12, [
          ['', 'e1@acme.test', 'Email One'],
          ['', 'e2@acme.test', 'Email Two'],
        ]),
      );
      const id = response.json().id;
      await runWorker(world, { batchSize: 4 });
      const waiting = await jobView(world, a.community.id, id);
      // 09:00 UTC on 2 March is 09:00 in London; the limit resets at local midnight.
      expect(waiting).toMatchObject({
        state: 'waiting',
        created: 7,
        failed: 0,
        waiting: 7,
        waitingUntil: '2026-03-03T00:00:00.000Z',
      });
      const held = (await a.client.get(`/api/v1/imports/${id}/rows?status=pending`)).json().items;
      expect(held).toHaveLength(7);
      expect(held[0]).toMatchObject({ code: 'phone_account_daily_limit' });
      expect(held[0].message).toMatch(/resets at midnight/);
      expect(await countRows(world, 'messages', a.community.id)).toBe(7);

      // Nothing moves before the reset, however often the worker looks.
      world.clock.advance(14 * 3_600_000);
      await runWorker(world, { batchSize: 4 });
      expect(await jobView(world, a.community.id, id)).toMatchObject({
        state: 'waiting',
        created: 7,
      });

      world.clock.advance(2 * 3_600_000);
      await runWorker(world, { batchSize: 4 });
      expect(await jobView(world, a.community.id, id)).toMatchObject({
        state: 'waiting',
        created: 12,
        waiting: 2,
        waitingUntil: '2026-03-04T00:00:00.000Z',
      });

      world.clock.advanceDays(1);
      await runWorker(world, { batchSize: 4 });
      expect(await jobView(world, a.community.id, id)).toMatchObject({
        state: 'done',
        total: 14,
        processed: 14,
        created: 14,
        failed: 0,
        waiting: 0,
        waitingUntil: null,
      });
      expect(await countRows(world, 'messages', a.community.id)).toBe(14);
    });

    it('says in a preview which rows would wait for the limit', async () => {
      const a = await admin(world);
      const response = await upload(world, a.client, phoneFile(100, 8), { query: '?dryRun=true' });
      await runWorker(world, { batchSize: 3 });
      const preview = await jobView(world, a.community.id, response.json().id);
      expect(preview).toMatchObject({ state: 'done', created: 5, waiting: 3, failed: 0 });
      expect(await countRows(world, 'people', a.community.id)).toBe(1);
    });
  },
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '5' } },
);

eachDatabase('import jobs resume where a stopped worker left them (R54, R50)', (world) => {
  it('re-takes the lines of a worker that died holding them, and applies each exactly once', async () => {
    const a = await admin(world);
    const response = await upload(world, a.client, phoneFile(200, 40));
    const id = response.json().id;

    // One worker applies a batch and stops between batches.
    expect(await createImportWorker(world.deps, { batchSize: 10 }).runOnce()).toBe(10);
    // Another dies holding the next ten lines: leased, not applied (its transaction never committed).
    const now = world.clock.now();
    const taken = await claimRows(world.deps.db, {
      jobId: id,
      phase: 'rows',
      owner: 'crashed-worker',
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + 60_000).toISOString(),
      limit: 10,
    });
    expect(taken.map((row) => row.line)).toEqual(Array.from({ length: 10 }, (_, i) => 12 + i));

    // A worker started afterwards does the rest, but cannot finish while the lease holds.
    await runWorker(world, { batchSize: 10 });
    expect(await jobView(world, a.community.id, id)).toMatchObject({
      state: 'running',
      processed: 30,
    });

    world.clock.advance(61_000);
    await runWorker(world, { batchSize: 10 });
    expect(await jobView(world, a.community.id, id)).toMatchObject({
      state: 'done',
      processed: 40,
      created: 40,
      failed: 0,
    });
    expect(await countRows(world, 'people', a.community.id)).toBe(41);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select('recipient')
      .where('community_id', '=', a.community.id)
      .execute();
    expect(texts).toHaveLength(40);
    expect(new Set(texts.map((t) => t.recipient)).size).toBe(40);

    // The crashed worker, coming back to life, cannot record over lines another has done.
    const written = await writeOutcomes(
      world.deps.db,
      { jobId: id, owner: 'crashed-worker', phase: 'rows' },
      taken.map((row) => ({ line: row.line, status: 'failed' })),
    );
    expect(written).toBe(0);
  });
});
