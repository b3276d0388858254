import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSecrets } from '../src/crypto/secrets.js';
import type { Deps } from '../src/deps.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { openDatabase, type Storage } from '../src/storage/db.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import {
  attachWorld,
  type Client,
  createTestDatabase,
  enablePhoneProfiles,
  ManualClock,
  seedCommunity,
  signIn,
  type TestDatabase,
  testConfig,
  type World,
} from './harness.js';

// R53: several server processes on one PostgreSQL behave as one. Two apps, each with its own
// connection pool (as two processes would have), share limits, throttles and the outbox.
describe.runIf(inject('postgresUrl'))('two servers on one PostgreSQL (R53)', () => {
  let database: TestDatabase;
  let second: Storage;
  const clock = new ManualClock();
  const apps: FastifyInstance[] = [];
  const deps: Deps[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    second = openDatabase(database.url);
    const config = testConfig();
    const secrets = createSecrets(randomBytes(32));
    for (const storage of [database.storage, second]) {
      const d: Deps = {
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
      };
      deps.push(d);
      const app = await buildApp(d);
      apps.push(app);
      attachWorld(app, { dialect: 'postgres', db: database, deps: d, clock, app });
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await second?.close();
    await database?.destroy();
  });

  const world = () =>
    ({ dialect: 'postgres', db: database, deps: deps[0], clock, app: apps[0] }) as unknown as World;

  it('holds the 5-a-day claim texts exactly across both servers (R5)', async () => {
    const { admin, slug } = await seedCommunity(world());
    // One after the other: the first sign-in sets up the admin's authenticator (R40), the second uses it.
    const a = await signIn(apps[0] as FastifyInstance, admin.email ?? '', undefined, slug);
    const b = await signIn(apps[1] as FastifyInstance, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(a);
    const person = (await a.post('/api/v1/people', { phone: '+447400900001', givenName: 'Kai' })).json();
    const clients: Client[] = [a, b];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => clients[i % 2]?.post(`/api/v1/people/${person.id}/invite`)),
    );
    expect(answers.filter((r) => r?.statusCode === 200)).toHaveLength(4);
    expect(answers.filter((r) => r?.statusCode === 429)).toHaveLength(16);
    const texts = await database.storage.db
      .selectFrom('messages')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(texts).toHaveLength(5);
  });

  it('shares the sign-in throttle across both servers (R33)', async () => {
    const { admin, slug } = await seedCommunity(world());
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        apps[i % 2]?.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { community: slug, identifier: admin.email, password: 'not the password' },
          remoteAddress: `198.51.100.${i}`,
        }),
      ),
    );
    // The account allows 10 checked attempts in all, whichever server takes them.
    expect(answers.filter((r) => r?.statusCode === 401)).toHaveLength(10);
    expect(answers.filter((r) => r?.statusCode === 429)).toHaveLength(20);
  });

  it("shares the outbox: both servers' dispatchers together send each text once (R50)", async () => {
    const { admin, slug, community } = await seedCommunity(world());
    const client = await signIn(apps[0] as FastifyInstance, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(client);
    const people = Array.from({ length: 60 }, (_, i) => ({
      phone: `+4474009${String(10_000 + i).padStart(5, '0')}`,
      givenName: 'P',
    }));
    const batch = await client.post('/api/v1/people/batch', { people, sendInvitations: true });
    expect(batch.json().created).toBe(60);
    const handled = await Promise.all(
      deps.map((d) => createDispatcher(d, { sms: d.sms, email: d.mail }, { batchSize: 7 }).drainAll()),
    );
    expect((handled[0] ?? 0) + (handled[1] ?? 0)).toBeGreaterThanOrEqual(60);
    const attempts = await database.storage.db
      .selectFrom('message_attempts')
      .innerJoin('messages', 'messages.id', 'message_attempts.message_id')
      .select(['message_attempts.message_id'])
      .where('message_attempts.outcome', '=', 'sent')
      .where('messages.community_id', '=', community.id)
      .execute();
    const perMessage = new Map<string, number>();
    for (const a of attempts) perMessage.set(a.message_id, (perMessage.get(a.message_id) ?? 0) + 1);
    expect(perMessage.size).toBe(60);
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
  });
});
