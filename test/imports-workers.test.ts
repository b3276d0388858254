import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSecrets } from '../src/crypto/secrets.js';
import type { Deps } from '../src/deps.js';
import { createImportWorker } from '../src/imports/worker.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { openDatabase, type Storage } from '../src/storage/db.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import {
  attachWorld,
  createTestDatabase,
  enablePhoneProfiles,
  ManualClock,
  seedCommunity,
  signIn,
  type TestDatabase,
  testConfig,
  type World,
} from './harness.js';
import { countRows, phoneOf, toCsv, upload } from './imports-support.js';

// R53 for imports: two server processes on one PostgreSQL share one job's lines, each line done
// once, each invitation queued once. (Each worker has its own connection pool, as a process would.)
describe.runIf(inject('postgresUrl'))('two import workers on one PostgreSQL (R53, R54)', () => {
  let database: TestDatabase;
  let second: Storage;
  const clock = new ManualClock();
  const deps: Deps[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    second = openDatabase(database.url);
    const config = testConfig({ MUSTER_PHONE_ACCOUNTS_PER_DAY: '10000' });
    const secrets = createSecrets(randomBytes(32));
    for (const storage of [database.storage, second]) {
      deps.push({
        db: storage.db,
        clock,
        config,
        sms: createSmsProvider(
          config,
          () => clock.now(),
          () => undefined,
        ),
        mail: createMailer(
          config.mail,
          () => clock.now(),
          () => undefined,
        ),
        outbox: createOutboxSignal(),
        throttle: createThrottle({ db: storage.db, clock }),
        secrets,
      });
    }
    app = await buildApp(deps[0] as Deps);
    attachWorld(app, world());
  });

  afterAll(async () => {
    await app?.close();
    await second?.close();
    await database?.destroy();
  });

  const world = () => ({ dialect: 'postgres', db: database, deps: deps[0], clock, app }) as unknown as World;

  it('shares the lines of one job without doing a line twice', async () => {
    const { admin, slug, community } = await seedCommunity(world());
    const client = await signIn(app, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(client);
    const rows = Array.from({ length: 300 }, (_, i) => [phoneOf(5000 + i), `Worker ${i}`, `W${i}`]);
    const response = await upload(
      world(),
      client,
      toCsv(['Phone Number', 'First Name', 'Employee Id'], rows),
    );
    expect(response.statusCode, response.body).toBe(202);
    const workers = deps.map((d) =>
      createImportWorker(d, {
        batchSize: 10,
        onError: (error) => {
          throw error;
        },
      }),
    );
    const handled = await Promise.all(workers.map((worker) => worker.drainAll()));
    expect(handled[0]).toBeGreaterThan(0);
    expect(handled[1]).toBeGreaterThan(0);
    expect((handled[0] ?? 0) + (handled[1] ?? 0)).toBe(300);

    const job = (await client.get(`/api/v1/imports/${response.json().id}`)).json();
    expect(job).toMatchObject({ state: 'done', processed: 300, created: 300, failed: 0 });
    expect(await countRows(world(), 'people', community.id)).toBe(301);
    const texts = await deps[0]?.db
      .selectFrom('messages')
      .select('recipient')
      .where('community_id', '=', community.id)
      .execute();
    expect(texts).toHaveLength(300);
    expect(new Set(texts?.map((t) => t.recipient)).size).toBe(300);
    const created = await deps[0]?.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', `import:${job.id}`)
      .where('type', '=', 'Account Created')
      .executeTakeFirstOrThrow();
    expect(Number(created?.n)).toBe(300);
    const finished = await deps[0]?.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', `import:${job.id}`)
      .where('type', '=', 'Import Finished')
      .executeTakeFirstOrThrow();
    expect(Number(finished?.n)).toBe(1);
  }, 120_000);
});
