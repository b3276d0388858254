import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  eachDatabase,
  insertEmailPeople,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// Some requests work through many people: a batch to add, a list of ids or a leavers file to
// deactivate. On SQLite every statement is synchronous, so one that never let the event loop
// turn answered nothing else, not a sign-in and not a health check, until its last person.
// These tests run on the server's own event loop: they look at the database only when it turns.
eachDatabase('the server answers while one request works through many people', (world) => {
  const ROWS = 300;
  const BATCH_ROWS = 1000;
  let listening: string | undefined;

  async function setUp() {
    const seeded = await seedCommunity(world);
    const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
    const made = await admin.post('/api/v1/tokens', { name: 'script', scopes: ['rest'] });
    expect(made.statusCode, made.body).toBe(201);
    listening ??= await world.app.listen({ port: 0, host: '127.0.0.1' });
    const url = listening;
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${made.json().token}` },
        body: JSON.stringify(body),
      });
    return { communityId: seeded.community.id, post };
  }

  /** Watches `progress` from the server's own loop: it must move before the request is over. */
  async function answeredMidway(request: Promise<Response>, progress: () => Promise<number>, rows = ROWS) {
    let over = false;
    void request.finally(() => {
      over = true;
    });
    let seen = 0;
    while (seen === 0 && !over) {
      await sleep(2);
      seen = await progress();
    }
    expect(seen, 'the request was over before anything could look').toBeGreaterThan(0);
    expect(seen, 'the request held the event loop until its last person').toBeLessThan(rows);
    const answer = await request;
    expect(answer.status, await answer.clone().text()).toBe(200);
    return (await answer.json()) as { created?: number; done?: number };
  }

  it('adds a batch of people (R2)', async () => {
    const { post } = await setUp();
    // The most a batch may hold: more than the rows added in one transaction, on either database.
    const people = Array.from({ length: BATCH_ROWS }, (_, i) => ({
      email: `row${i}@batch-responsive.example`,
      displayName: `Row ${i}`,
    }));
    const request = post('/api/v1/people/batch', { people, sendInvitations: false });
    const added = () => countPeople(world, 'batch-responsive.example');
    expect((await answeredMidway(request, added, BATCH_ROWS)).created).toBe(BATCH_ROWS);
  });

  it('deactivates a list of people by id, and by key (R14)', async () => {
    const { communityId, post } = await setUp();
    type Inserted = { ids: string[]; emails: string[] };
    for (const [domain, send] of [
      ['by-id.example', ({ ids }: Inserted) => post('/api/v1/people/deactivate', { ids })],
      [
        'by-key.example',
        ({ emails }: Inserted) => post('/api/v1/people/by-key/deactivate', { keys: emails, by: 'email' }),
      ],
    ] as const) {
      const request = send(await insertEmailPeople(world, communityId, ROWS, domain));
      const deactivated = () => countPeople(world, domain, { deactivated: true });
      expect((await answeredMidway(request, deactivated)).done, domain).toBe(ROWS);
    }
  });
});

/** People whose email address is at the domain (only the deactivated ones, if asked). */
function countPeople(world: World, domain: string, { deactivated = false } = {}): Promise<number> {
  let query = world.deps.db.selectFrom('people').where('email', 'like', `%@${domain}`);
  if (deactivated) query = query.where('active', '=', 0);
  return query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}
