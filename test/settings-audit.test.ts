import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  type Client,
  eachDatabase,
  expectProblem,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// Community settings (R25) and the audit log (R36).

type Role = 'system_admin' | 'account_manager' | 'analyst' | 'member';

interface AuditEvent {
  id: string;
  occurredAt: string;
  type: string;
  outcome: 'success' | 'failure';
  actor: { id: string | null; label: string | null };
  target: { id: string | null; label: string | null };
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

async function seedAndSignIn(world: World, options: { country?: string; timeZone?: string } = {}) {
  const seeded = await seedCommunity(world, options);
  const client = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
  return { ...seeded, client };
}

/** A signed-in person with the given role, added through the API. */
async function personWithRole(world: World, admin: Client, slug: string, role: Role, email: string) {
  const created = await admin.post('/api/v1/people', {
    email,
    displayName: `A ${role}`,
    sendInvitation: false,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (role !== 'member') {
    const changed = await admin.put(`/api/v1/people/${id}/role`, { role });
    expect(changed.statusCode, changed.body).toBe(200);
  }
  const password = `${role} password ok`;
  await activateWithPassword(world, id, password);
  const client = await signIn(world.app, email, password, slug);
  return { id, client };
}

function auditUrl(query: Record<string, string | number>): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `/api/v1/audit-events?${params}`;
}

async function auditPage(client: Client, query: Record<string, string | number> = {}): Promise<AuditPage> {
  const response = await client.get(auditUrl({ limit: 500, ...query }));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
}

async function auditEvents(client: Client, query: Record<string, string | number> = {}) {
  return (await auditPage(client, query)).items;
}

const DEFAULTS = {
  phoneProfilesEnabled: false,
  accessCodeProfilesEnabled: false,
  smsCountries: [],
  claimLinkLifetimeDays: 14,
  remindersEnabled: true,
  reminderDays: [3, 5],
  passwordMinLength: 8,
  sessionIdleMinutes: 14 * 24 * 60,
  sessionAbsoluteHours: 90 * 24,
  // R41: admins get short sessions; R40: account managers need no second factor unless asked.
  adminSessionIdleMinutes: 12 * 60,
  adminSessionAbsoluteHours: 7 * 24,
  secondFactorForAccountManagers: false,
};

eachDatabase('settings and audit log', (world) => {
  describe('settings (R25)', () => {
    it('shows the defaults to a system admin (R25)', async () => {
      const { client, slug } = await seedAndSignIn(world, { country: 'GB', timeZone: 'Europe/London' });
      const response = await client.get('/api/v1/settings');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        ...DEFAULTS,
        name: `Community ${slug}`,
        slug,
        plan: 'essentials',
        domainVerified: false,
        timeZone: 'Europe/London',
        defaultLocale: 'en',
        defaultCountry: 'GB',
      });
    });

    it('changes settings at once and audits each change with from and to (R25, R36, R1)', async () => {
      const { client, community } = await seedAndSignIn(world, { country: 'GB' });
      // R1: off by default, and on takes effect without signing in again.
      expectProblem(
        await client.post('/api/v1/people', { phone: '+44 7911 123456', displayName: 'Pat' }),
        403,
        'phone_profiles_disabled',
      );

      const patch = {
        phoneProfilesEnabled: true,
        accessCodeProfilesEnabled: true,
        claimLinkLifetimeDays: 7,
        remindersEnabled: false,
        reminderDays: [2],
        passwordMinLength: 10,
        sessionIdleMinutes: 60,
        sessionAbsoluteHours: 12,
        timeZone: 'America/Chicago',
        defaultCountry: 'us',
        defaultLocale: 'en-US',
        name: '  Acme Foods  ',
      };
      const response = await client.patch('/api/v1/settings', patch);
      expect(response.statusCode, response.body).toBe(200);
      const expected = {
        ...patch,
        defaultCountry: 'US',
        name: 'Acme Foods',
      };
      expect(response.json()).toMatchObject(expected);
      expect((await client.get('/api/v1/settings')).json()).toMatchObject(expected);

      // The default country is now the US, so only US numbers may be texted (R34).
      expectProblem(
        await client.post('/api/v1/people', { phone: '+44 7911 123456', displayName: 'Pat' }),
        400,
        'phone_country_not_allowed',
      );
      const phone = await client.post('/api/v1/people', { phone: '(201) 555-0123', displayName: 'Pat' });
      expect(phone.statusCode, phone.body).toBe(201);
      expect(phone.json().phone).toBe('+12015550123');

      const events = await auditEvents(client, { type: 'Settings Changed' });
      expect(events).toHaveLength(1);
      const event = events[0];
      expect(event?.target.id).toBe(community.id);
      expect(event?.outcome).toBe('success');
      expect(event?.requestId).toBeTruthy();
      expect(event?.details).toEqual({
        phoneProfilesEnabled: { from: false, to: true },
        accessCodeProfilesEnabled: { from: false, to: true },
        claimLinkLifetimeDays: { from: 14, to: 7 },
        remindersEnabled: { from: true, to: false },
        reminderDays: { from: [3, 5], to: [2] },
        passwordMinLength: { from: 8, to: 10 },
        sessionIdleMinutes: { from: 20160, to: 60 },
        sessionAbsoluteHours: { from: 2160, to: 12 },
        timeZone: { from: 'Europe/London', to: 'America/Chicago' },
        defaultCountry: { from: 'GB', to: 'US' },
        defaultLocale: { from: 'en', to: 'en-US' },
        name: { from: community.name, to: 'Acme Foods' },
      });

      // A change of one field records that field only; a patch that changes nothing records nothing.
      const one = await client.patch('/api/v1/settings', { passwordMinLength: 9, remindersEnabled: false });
      expect(one.statusCode, one.body).toBe(200);
      const same = await client.patch('/api/v1/settings', { passwordMinLength: 9 });
      expect(same.statusCode, same.body).toBe(200);
      const after = await auditEvents(client, { type: 'Settings Changed' });
      expect(after).toHaveLength(2);
      expect(after[0]?.details).toEqual({ passwordMinLength: { from: 10, to: 9 } });
    });

    it('stores and shows allowed SMS countries in upper case (R25, R34)', async () => {
      const { client, community } = await seedAndSignIn(world, { country: 'GB' });
      const response = await client.patch('/api/v1/settings', { smsCountries: ['gb', 'IE'] });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().smsCountries).toEqual(['GB', 'IE']);
      const read = await client.get('/api/v1/settings');
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().smsCountries).toEqual(['GB', 'IE']);
      const events = await auditEvents(client, { type: 'Settings Changed' });
      expect(events).toHaveLength(1);
      expect(events[0]?.target.id).toBe(community.id);
      expect(events[0]?.details).toEqual({ smsCountries: { from: [], to: ['GB', 'IE'] } });
    });

    it('refuses each bad value and unknown or read-only fields with 400, changing nothing (R25, R35)', async () => {
      const { client } = await seedAndSignIn(world);
      const before = (await client.get('/api/v1/settings')).json();
      const bad: Record<string, unknown>[] = [
        { timeZone: 'Mars/Olympus_Mons' },
        { timeZone: '' },
        { defaultCountry: 'XX' },
        { defaultCountry: 'GBR' },
        { smsCountries: ['GB', 'ZZ'] },
        { smsCountries: 'GB' },
        { passwordMinLength: 7 },
        { passwordMinLength: 8.5 },
        { passwordMinLength: 65 },
        { passwordMinLength: '12' },
        { sessionIdleMinutes: 4 },
        { sessionAbsoluteHours: 0 },
        { sessionAbsoluteHours: 8761 },
        { claimLinkLifetimeDays: 0 },
        { claimLinkLifetimeDays: 91 },
        { reminderDays: [0] },
        { reminderDays: [1, 2, 3, 4, 5, 6] },
        { remindersEnabled: 'yes' },
        { phoneProfilesEnabled: 1 },
        { phoneProfilesEnabled: null },
        { defaultLocale: 'English' },
        { name: '   ' },
        { colour: 'blue' },
        { slug: 'taken-over' },
        { plan: 'core' },
        { domainVerified: true },
        // One bad field spoils the whole patch.
        { phoneProfilesEnabled: true, passwordMinLength: 7 },
      ];
      for (const body of bad) {
        const response = await client.patch('/api/v1/settings', body);
        expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(400);
        expect(response.json().code, JSON.stringify(body)).toBe('invalid_request');
      }
      expect((await client.get('/api/v1/settings')).json()).toEqual(before);
      expect(await auditEvents(client, { type: 'Settings Changed' })).toHaveLength(0);
    });

    it('lets only a system admin read or change settings (R25, R35)', async () => {
      const { client: admin, slug } = await seedAndSignIn(world);
      const before = (await admin.get('/api/v1/settings')).json();
      for (const role of ['account_manager', 'analyst', 'member'] as const) {
        const { client } = await personWithRole(world, admin, slug, role, `${role}@example.test`);
        expectProblem(await client.get('/api/v1/settings'), 403, 'forbidden');
        expectProblem(
          await client.patch('/api/v1/settings', { phoneProfilesEnabled: true }),
          403,
          'forbidden',
        );
        expectProblem(await client.patch('/api/v1/settings', { passwordMinLength: 64 }), 403, 'forbidden');
      }
      expect((await admin.get('/api/v1/settings')).json()).toEqual(before);
      expect(await auditEvents(admin, { type: 'Settings Changed' })).toHaveLength(0);
      // Not signed in at all.
      const anonymous = await world.app.inject({ method: 'GET', url: '/api/v1/settings' });
      expectProblem(anonymous, 401, 'unauthenticated');
    });

    it('holds new passwords to a raised minimum length (R25, R30)', async () => {
      const { client, slug, admin } = await seedAndSignIn(world);
      const raised = await client.patch('/api/v1/settings', { passwordMinLength: 12 });
      expect(raised.statusCode, raised.body).toBe(200);

      const ten = await client.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'ten chars!',
      });
      expectProblem(ten, 400, 'password_too_short');
      expect(ten.json().detail).toContain('12');
      const eleven = await client.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'eleven char',
      });
      expectProblem(eleven, 400, 'password_too_short');
      // The old password still works.
      await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);

      const twelve = await client.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'twelve chars',
      });
      expect(twelve.statusCode, twelve.body).toBe(200);
      await signIn(world.app, admin.email ?? '', 'twelve chars', slug);
    });
  });

  describe('audit log (R36)', () => {
    it('filters by type, actor, target and time, newest first (R36)', async () => {
      const { client: admin, admin: adminView, slug } = await seedAndSignIn(world);
      const manager = await personWithRole(world, admin, slug, 'account_manager', 'manager@example.test');

      world.clock.advanceMinutes(10);
      const t1 = world.clock.now().toISOString();
      const first = await admin.post('/api/v1/people', {
        email: 'first@example.test',
        displayName: 'First',
        sendInvitation: false,
      });
      expect(first.statusCode).toBe(201);
      const firstId = first.json().id as string;

      world.clock.advanceMinutes(10);
      const t2 = world.clock.now().toISOString();
      expect((await admin.patch(`/api/v1/people/${firstId}`, { jobTitle: 'Picker' })).statusCode).toBe(200);

      world.clock.advanceMinutes(10);
      const t3 = world.clock.now().toISOString();
      const second = await manager.client.post('/api/v1/people', {
        email: 'second@example.test',
        displayName: 'Second',
        sendInvitation: false,
      });
      expect(second.statusCode).toBe(201);
      const secondId = second.json().id as string;

      world.clock.advanceMinutes(10);
      const t4 = world.clock.now().toISOString();
      expect((await manager.client.post(`/api/v1/people/${secondId}/deactivate`)).statusCode).toBe(200);
      world.clock.advanceMinutes(10);

      const all = await auditEvents(admin);
      // Newest first: ids and times never go up.
      for (let i = 1; i < all.length; i++) {
        expect((all[i - 1]?.id ?? '') > (all[i]?.id ?? '')).toBe(true);
        expect((all[i - 1]?.occurredAt ?? '') >= (all[i]?.occurredAt ?? '')).toBe(true);
      }
      expect(all.slice(0, 4).map((e) => e.type)).toEqual([
        'Account Deactivated',
        'Account Created',
        'Account Updated',
        'Account Created',
      ]);
      expect(all.at(-1)?.type).toBe('Community Created');

      const created = await auditEvents(admin, { type: 'Account Created' });
      // The admin (at setup), the manager, first, second.
      expect(created).toHaveLength(4);
      expect(created.every((e) => e.type === 'Account Created')).toBe(true);
      expect(created.map((e) => e.target.id).slice(0, 2)).toEqual([secondId, firstId]);
      expect(await auditEvents(admin, { type: 'No Such Event' })).toHaveLength(0);

      const byManager = await auditEvents(admin, { actorId: manager.id });
      expect(byManager.map((e) => e.type)).toEqual(['Account Deactivated', 'Account Created', 'Logged in']);
      expect(byManager.every((e) => e.actor.id === manager.id)).toBe(true);

      const aboutFirst = await auditEvents(admin, { targetId: firstId });
      expect(aboutFirst.map((e) => e.type)).toEqual(['Account Updated', 'Account Created']);
      expect(aboutFirst.every((e) => e.actor.id === adminView.id)).toBe(true);

      const combined = await auditEvents(admin, { actorId: manager.id, type: 'Account Created' });
      expect(combined.map((e) => e.target.id)).toEqual([secondId]);

      // from is inclusive, to exclusive.
      const window = await auditEvents(admin, { from: t1, to: t3 });
      expect(window.map((e) => [e.type, e.target.id])).toEqual([
        ['Account Updated', firstId],
        ['Account Created', firstId],
      ]);
      expect(window.map((e) => e.occurredAt)).toEqual([t2, t1]);
      const fromT3 = await auditEvents(admin, { from: t3 });
      expect(fromT3.map((e) => e.type)).toEqual(['Account Deactivated', 'Account Created']);
      expect(fromT3.map((e) => e.occurredAt)).toEqual([t4, t3]);
      const untilT1 = await auditEvents(admin, { to: t1 });
      expect(untilT1.every((e) => e.occurredAt < t1)).toBe(true);
      expect(untilT1.length + (await auditEvents(admin, { from: t1 })).length).toBe(all.length);
      // The same instant written with an offset.
      const t2Offset = new Date(Date.parse(t2) + 3_600_000).toISOString().replace('Z', '+01:00');
      const fromOffset = await auditEvents(admin, { from: t2Offset, to: t3 });
      expect(fromOffset.map((e) => e.occurredAt)).toEqual([t2]);
      expect(await auditEvents(admin, { from: t4, to: t1 })).toHaveLength(0);

      expectProblem(await admin.get(auditUrl({ from: 'yesterday' })), 400, 'invalid_request');
      expectProblem(await admin.get(auditUrl({ actorId: 'not-a-uuid' })), 400, 'invalid_request');
      expectProblem(await admin.get(auditUrl({ limit: 0 })), 400, 'invalid_request');
      expectProblem(await admin.get(auditUrl({ limit: 501 })), 400, 'invalid_request');
      expectProblem(await admin.get(auditUrl({ sort: 'asc' })), 400, 'invalid_request');
    });

    it('pages with a cursor, newest first, and refuses a bad cursor (R36, R29)', async () => {
      const { client: admin } = await seedAndSignIn(world);
      for (let i = 0; i < 6; i++) {
        world.clock.advanceMinutes(1);
        const created = await admin.post('/api/v1/people', {
          email: `page${i}@example.test`,
          displayName: `Page ${i}`,
          sendInvitation: false,
        });
        expect(created.statusCode).toBe(201);
      }
      const all = await auditEvents(admin);
      // Community Created, Account Created (admin), Logged in, the admin's authenticator set up
      // (R40: Two-Factor Setup Started, Two-Factor Authentication Enabled), six Account Created.
      expect(all.map((e) => e.type).reverse()).toEqual([
        'Community Created',
        'Account Created',
        'Logged in',
        'Two-Factor Setup Started',
        'Two-Factor Authentication Enabled',
        ...Array.from({ length: 6 }, () => 'Account Created'),
      ]);
      expect(all).toHaveLength(11);

      const seen: AuditEvent[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: AuditPage = await auditPage(admin, { limit: 2, ...(cursor ? { cursor } : {}) });
        pages += 1;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (pages < 6) expect(cursor).not.toBeNull();
      } while (cursor && pages < 20);
      expect(pages).toBe(6);
      expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));

      // Exactly one full page: no further cursor.
      const exact = await auditPage(admin, { limit: 11 });
      expect(exact.items).toHaveLength(11);
      expect(exact.nextCursor).toBeNull();

      // Paging through a filter keeps the filter.
      const firstCreated = await auditPage(admin, { type: 'Account Created', limit: 4 });
      expect(firstCreated.items).toHaveLength(4);
      const restCreated = await auditPage(admin, {
        type: 'Account Created',
        limit: 4,
        cursor: firstCreated.nextCursor ?? '',
      });
      expect(restCreated.items).toHaveLength(3);
      expect(restCreated.nextCursor).toBeNull();
      expect([...firstCreated.items, ...restCreated.items].every((e) => e.type === 'Account Created')).toBe(
        true,
      );

      for (const cursor of [
        'not-a-cursor',
        '!!!',
        Buffer.from('{"after":42}').toString('base64url'),
        Buffer.from('[]').toString('base64url'),
        Buffer.from(JSON.stringify({ after: 'x'.repeat(65) })).toString('base64url'),
      ]) {
        expectProblem(await admin.get(auditUrl({ cursor })), 400, 'cursor_invalid');
      }
    });

    it('lets analysts and account managers read the log, not members or strangers (R36, R35)', async () => {
      const { client: admin, slug } = await seedAndSignIn(world);
      const analyst = await personWithRole(world, admin, slug, 'analyst', 'analyst@example.test');
      const manager = await personWithRole(world, admin, slug, 'account_manager', 'am@example.test');
      const member = await personWithRole(world, admin, slug, 'member', 'member@example.test');

      const full = await auditEvents(admin);
      const asAnalyst = await auditEvents(analyst.client);
      const asManager = await auditEvents(manager.client);
      expect(asAnalyst.map((e) => e.id)).toEqual(full.map((e) => e.id));
      expect(asManager.map((e) => e.id)).toEqual(full.map((e) => e.id));

      expectProblem(await member.client.get('/api/v1/audit-events'), 403, 'forbidden');
      expectProblem(await member.client.get(auditUrl({ actorId: member.id })), 403, 'forbidden');
      const anonymous = await world.app.inject({ method: 'GET', url: '/api/v1/audit-events' });
      expectProblem(anonymous, 401, 'unauthenticated');
    });

    it('never shows events of another community (R36, R35)', async () => {
      const a = await seedAndSignIn(world);
      const b = await seedAndSignIn(world);
      const bPerson = await b.client.post('/api/v1/people', { email: 'b@example.test', displayName: 'Bee' });
      expect(bPerson.statusCode).toBe(201);
      const bPersonId = bPerson.json().id as string;
      expect((await b.client.patch('/api/v1/settings', { phoneProfilesEnabled: true })).statusCode).toBe(200);
      const aPerson = await a.client.post('/api/v1/people', { email: 'b@example.test', displayName: 'Ay' });
      expect(aPerson.statusCode).toBe(201);

      const allB = await auditEvents(b.client);
      const bIds = new Set(allB.map((e) => e.id));
      expect(bIds.size).toBeGreaterThanOrEqual(5);

      const allA = await auditEvents(a.client);
      expect(allA.length).toBeGreaterThanOrEqual(4);
      for (const event of allA) {
        expect(bIds.has(event.id)).toBe(false);
        expect(event.actor.id).not.toBe(b.admin.id);
        expect([b.admin.id, bPersonId, b.community.id]).not.toContain(event.target.id);
      }
      expect(await auditEvents(a.client, { targetId: bPersonId })).toHaveLength(0);
      expect(await auditEvents(a.client, { actorId: b.admin.id })).toHaveLength(0);
      expect(await auditEvents(a.client, { targetId: b.community.id })).toHaveLength(0);
      expect(await auditEvents(a.client, { type: 'Settings Changed' })).toHaveLength(0);

      // A cursor from B's log pages A's log only.
      const bPage = await auditPage(b.client, { limit: 1 });
      expect(bPage.nextCursor).not.toBeNull();
      const viaCursor = await auditEvents(a.client, { cursor: bPage.nextCursor ?? '' });
      for (const event of viaCursor) expect(bIds.has(event.id)).toBe(false);

      // A sees exactly what is in the table for A.
      const rowsA = await world.deps.db
        .selectFrom('audit_events')
        .select('id')
        .where('community_id', '=', a.community.id)
        .execute();
      expect(allA.map((e) => e.id).sort()).toEqual(rowsA.map((r) => r.id).sort());
    });
  });
});

eachDatabase('audit log export', (world) => {
  it('exports the filtered audit log as CSV that is safe to open in a spreadsheet (R36)', async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', undefined, slug);
    // A name that a spreadsheet would run as a formula.
    await client.post('/api/v1/people', {
      email: 'evil@example.com',
      displayName: '=HYPERLINK("http://x","y")',
    });
    const response = await client.get('/api/v1/audit-events/export?type=Account%20Created');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="audit-log-/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,type,outcome,actorId,actor,targetId,target,ip,requestId,details');
    // The admin's own account and the new person: only the filtered type.
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(',Account Created,'))).toBe(true);
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});
