import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { startImport } from '../src/imports/start-import.js';
import { eachDatabase, seedCommunity } from './harness.js';

// Bounded memory is a property of the design (R54): the file is stored as it streams in, a few
// hundred lines at a time, never held whole. (The benchmark measures the resident memory itself.)

eachDatabase('import uploads stream (R54)', (world) => {
  it('stores lines while the file is still arriving', async () => {
    const { community, admin } = await seedCommunity(world);
    const total = 6000;
    const storedMidway: number[] = [];
    async function* file() {
      yield Buffer.from('Email,First Name\r\n');
      for (let i = 0; i < total; i++) {
        if (i === total / 2) {
          const row = await world.deps.db
            .selectFrom('import_rows')
            .innerJoin('import_jobs', 'import_jobs.id', 'import_rows.job_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('import_jobs.community_id', '=', community.id)
            .where('import_jobs.state', '=', 'receiving')
            .executeTakeFirstOrThrow();
          storedMidway.push(Number(row.n));
        }
        yield Buffer.from(`streamed${i}@acme.test,Name ${i}\r\n`);
      }
    }
    const job = await startImport({
      deps: world.deps,
      ctx: {
        communityId: community.id,
        actor: { id: admin.id, label: admin.displayName, role: 'system_admin' },
        meta: { ip: null, requestId: null, userAgent: null },
      },
      body: Readable.from(file(), { objectMode: false }),
      format: 'csv',
      fileName: 'stream.csv',
      sendInvitations: false,
      dryRun: false,
    });
    expect(job).toMatchObject({ state: 'queued', total });
    // Half the file had been read: all but the last few hundred of those lines were already stored.
    expect(storedMidway[0]).toBeGreaterThanOrEqual(total / 2 - 1000);
  });
});
