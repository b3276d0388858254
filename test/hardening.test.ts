import { expect, it } from 'vitest';
import { sweepExpired } from '../src/housekeeping.js';
import { REAUTH_RULES } from '../src/throttle/throttle.js';
import {
  activateWithPassword,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  seedCommunity,
  signIn,
} from './harness.js';

const PASSWORD = 'night shift forklift';

eachDatabase(
  'hardening',
  (world) => {
    const phoneWorker = async () => {
      const seeded = await seedCommunity(world);
      const admin = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
      await enablePhoneProfiles(admin);
      const phone = `+4479112${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
      const created = await admin.post('/api/v1/people', { phone, givenName: 'Lee', sendInvitation: false });
      expect(created.statusCode, created.body).toBe(201);
      await activateWithPassword(world, created.json().id, PASSWORD);
      const worker = await signIn(world.app, phone, PASSWORD, seeded.slug);
      return { ...seeded, adminClient: admin, worker, personId: created.json().id as string };
    };

    it("answers 404 for another community's person on the claim-text allowance (R35)", async () => {
      const a = await phoneWorker();
      const b = await phoneWorker();
      const foreign = await a.adminClient.get(`/api/v1/people/${b.personId}/claim-sms`);
      expect(foreign.statusCode).toBe(404);
      expect((await a.adminClient.get(`/api/v1/people/${a.personId}/claim-sms`)).statusCode).toBe(200);
    });

    it('opens the development inbox only to this machine (R32)', async () => {
      const local = await world.app.inject({
        method: 'GET',
        url: '/api/v1/dev/sms',
        remoteAddress: '127.0.0.1',
      });
      expect(local.statusCode).toBe(200);
      const remote = await world.app.inject({
        method: 'GET',
        url: '/api/v1/dev/sms',
        remoteAddress: '192.0.2.44',
      });
      expect(remote.statusCode).toBe(403);
      expect(remote.json().code).toBe('forbidden');
    });

    it('never keeps a new recovery code in the idempotency store (R32)', async () => {
      const { worker } = await phoneWorker();
      const made = await worker.post(
        '/api/v1/me/recovery-code',
        { password: PASSWORD },
        { 'idempotency-key': 'code-1' },
      );
      expect(made.statusCode, made.body).toBe(200);
      const code = made.json().recoveryCode as string;
      const stored = await world.deps.db.selectFrom('idempotency_keys').select('response_body').execute();
      expect(stored.some((row) => row.response_body?.includes(code))).toBe(false);
    });

    it('caps new recovery codes at 5 a day, and throttles re-entered passwords (R11, R33, R34)', async () => {
      const { worker, personId } = await phoneWorker();
      for (let i = 0; i < 5; i++) {
        const made = await worker.post('/api/v1/me/recovery-code', { password: PASSWORD });
        expect(made.statusCode, made.body).toBe(200);
        // R41: re-entering the password gives the device a new session.
        worker.adopt(made);
      }
      const sixth = await worker.post('/api/v1/me/recovery-code', { password: PASSWORD });
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().code).toBe('rate_limited');
      const notices = await world.deps.db
        .selectFrom('messages')
        .select('id')
        .where('person_id', '=', personId)
        .where('kind', '=', 'recovery_code_changed')
        .execute();
      expect(notices).toHaveLength(5);

      const guesses = await Promise.all(
        Array.from({ length: REAUTH_RULES.account.limit + 5 }, () =>
          worker.post('/api/v1/me/password', {
            currentPassword: 'a wrong guess',
            newPassword: 'whatever it is now',
          }),
        ),
      );
      expect(guesses.filter((g) => g.statusCode === 403)).toHaveLength(REAUTH_RULES.account.limit);
      expect(guesses.filter((g) => g.statusCode === 429)).toHaveLength(5);
    });

    it('sweeps idempotency answers after a day and ended throttles, keeping live ones', async () => {
      const { adminClient } = await phoneWorker();
      await adminClient.post(
        '/api/v1/people',
        { email: `keep-${Date.now()}@example.com`, givenName: 'Kim' },
        { 'idempotency-key': 'k1' },
      );
      const count = async (table: 'idempotency_keys' | 'throttles') =>
        Number(
          (
            await world.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const keys = await count('idempotency_keys');
      expect(keys).toBeGreaterThan(0);
      await sweepExpired(world.deps.db, world.clock, world.deps.config);
      expect(await count('idempotency_keys')).toBe(keys);
      world.clock.advanceDays(2);
      await sweepExpired(world.deps.db, world.clock, world.deps.config);
      expect(await count('idempotency_keys')).toBe(0);
      expect(await count('throttles')).toBe(0);
    });
  },
  { config: { MUSTER_PUBLIC_URL: 'http://localhost:3000' } },
);

eachDatabase('audit log append-only', (world) => {
  it('refuses to rewrite an audit event, at the database itself (R36)', async () => {
    await seedCommunity(world);
    const [event] = await world.deps.db.selectFrom('audit_events').select('id').limit(1).execute();
    expect(event).toBeDefined();
    await expect(
      world.deps.db
        .updateTable('audit_events')
        .set({ type: 'Nothing Happened' })
        .where('id', '=', event?.id ?? '')
        .execute(),
    ).rejects.toThrow(/append-only/);
  });
});

eachDatabase('delete after a reset', (world) => {
  it('refuses to delete an active account that was claimed before a reset to unclaimed (R23)', async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(client);
    const created = await client.post('/api/v1/people', {
      phone: '+447400123001',
      givenName: 'Rae',
      sendInvitation: false,
    });
    await activateWithPassword(world, created.json().id, PASSWORD);
    expect((await client.post(`/api/v1/people/${created.json().id}/unclaim`)).statusCode).toBe(200);
    expectProblem(await client.delete(`/api/v1/people/${created.json().id}`), 409, 'person_not_deletable');
    expect((await client.post(`/api/v1/people/${created.json().id}/deactivate`)).statusCode).toBe(200);
    expect((await client.delete(`/api/v1/people/${created.json().id}`)).statusCode).toBe(204);
  });
});

eachDatabase('idempotency and try-later answers', (world) => {
  it('does not replay a 429: a retry with the same key after the wait can succeed (R5, R29)', async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(client);
    const person = (await client.post('/api/v1/people', { phone: '+447400123777', givenName: 'Wai' })).json();
    for (let i = 0; i < 4; i++)
      expect((await client.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(200);
    const refused = await client.post(`/api/v1/people/${person.id}/invite`, undefined, {
      'idempotency-key': 'invite-6',
    });
    expectProblem(refused, 429, 'claim_sms_daily_limit');
    world.clock.advanceDays(1);
    // An admin session ends after 12 idle hours (R41): the same admin signs in again, and the
    // Idempotency-Key, kept per person, is the same one.
    expectProblem(await client.get('/api/v1/me'), 401, 'unauthenticated');
    const again = await signIn(world.app, admin.email ?? '', undefined, slug);
    const later = await again.post(`/api/v1/people/${person.id}/invite`, undefined, {
      'idempotency-key': 'invite-6',
    });
    expect(later.statusCode).toBe(200);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });
});
