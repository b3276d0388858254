import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { ADMIN_PASSWORD, eachDatabase, seedCommunity, signIn } from './harness.js';

// A batch of people is added inside the request (R2), row after row. On SQLite every statement
// is synchronous: a batch that never let the event loop turn answered nothing else, not a sign-in
// and not a health check, until its last row was in.
eachDatabase('the server answers while a batch of people is added (R2)', (world) => {
  it('a request over real HTTP is answered mid-batch, before its last row is added', async () => {
    const seeded = await seedCommunity(world);
    const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
    const made = await admin.post('/api/v1/tokens', { name: 'script', scopes: ['rest'] });
    expect(made.statusCode, made.body).toBe(201);
    const rows = 300;
    const people = Array.from({ length: rows }, (_, i) => ({
      email: `row${i}@batch-responsive.example`,
      displayName: `Row ${i}`,
    }));
    const added = () =>
      world.deps.db
        .selectFrom('people')
        .where('email', 'like', '%@batch-responsive.example')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.n));

    const url = await world.app.listen({ port: 0, host: '127.0.0.1' });
    const batch = fetch(`${url}/api/v1/people/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${made.json().token}` },
      body: JSON.stringify({ people, sendInvitations: false }),
    });
    // This test runs on the server's own event loop: it looks again only when the loop turns.
    let seen = 0;
    while (seen === 0) {
      await sleep(2);
      seen = await added();
    }
    expect(seen, 'the batch held the event loop until its last row').toBeLessThan(rows);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const answer = (await (await batch).json()) as { created: number };
    expect(answer.created).toBe(rows);
  });
});
