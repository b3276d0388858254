import { expect, it } from 'vitest';
import { eachDatabase, seedCommunity, signIn } from './harness.js';

// The foundation's "done when": an admin signs in and runs a person's lifecycle through the
// API, and every change shows in the audit log (R22, R36).
eachDatabase('admin story', (world) => {
  it('signs in, creates, edits, deactivates and reactivates a person, all audited (R22, R36)', async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '');

    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().person.role).toBe('system_admin');

    const created = await client.post('/api/v1/people', {
      email: 'Maria.Lopez@Example.com',
      givenName: 'Maria',
      familyName: 'Lopez',
      jobTitle: 'Picker',
      department: 'Warehouse',
      frontline: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      email: 'maria.lopez@example.com',
      displayName: 'Maria Lopez',
      // Invited by email as she is added (R20).
      state: 'invited',
      role: 'member',
      loginKind: 'email',
      frontline: true,
    });
    expect(created.headers.location).toBe(`/api/v1/people/${person.id}`);

    const edited = await client.patch(`/api/v1/people/${person.id}`, {
      jobTitle: 'Team lead',
      location: 'Leeds',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ jobTitle: 'Team lead', location: 'Leeds' });

    const deactivated = await client.post(`/api/v1/people/${person.id}/deactivate`);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json().state).toBe('deactivated');

    const reactivated = await client.post(`/api/v1/people/${person.id}/reactivate`);
    expect(reactivated.statusCode, reactivated.body).toBe(200);
    expect(reactivated.json().state).toBe('invited');

    const audit = await client.get(`/api/v1/audit-events?targetId=${person.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const types = audit.json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'Account Reactivated',
      'Account Deactivated',
      'Account Updated',
      'Invitation Sent',
      'Account Created',
    ]);
    for (const event of audit.json().items) {
      expect(event.actor.id).toBe(admin.id);
      expect(event.requestId).toBeTruthy();
    }
    expect(slug).toBeTruthy();

    // The people page's tabs: how many are in each state.
    const other = await client.post('/api/v1/people', { email: 'gone@example.com', givenName: 'Gone' });
    await client.post(`/api/v1/people/${other.json().id}/deactivate`);
    const counts = await client.get('/api/v1/people/counts');
    expect(counts.json()).toEqual({
      total: 3,
      byState: { active: 1, invited: 1, not_invited: 0, deactivated: 1 },
    });
  });
});
