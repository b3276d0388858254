import { expect, it } from 'vitest';
import { eachDatabase, enablePhoneProfiles, seedCommunity, signIn } from './harness.js';

eachDatabase(
  'add multiple people: preview',
  (world) => {
    it('R1: refuses rows with two logins, and phone rows while mobile profiles are off, adding the rest', async () => {
      const { admin, slug, community } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '', undefined, slug);
      const rows = [
        { email: 'gus@example.com', phone: '+44 7911 100009', givenName: 'Gus' },
        { phone: '+44 7911 100010', givenName: 'Hal' },
        { email: 'ida@example.com', givenName: 'Ida' },
      ];
      const added = await client.post('/api/v1/people/batch', { people: rows, sendInvitations: false });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
        'login_identifier_conflict',
        'phone_profiles_disabled',
        'created',
      ]);
      const people = await world.deps.db
        .selectFrom('people')
        .select('given_name')
        .where('community_id', '=', community.id)
        .where('given_name', 'in', ['Gus', 'Hal', 'Ida'])
        .execute();
      expect(people.map((p) => p.given_name)).toEqual(['Ida']);
    });

    it('previews every row with the real rules, including the daily limit, and adds nothing (R2, R6)', async () => {
      const { admin, slug, community } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '', undefined, slug);
      await enablePhoneProfiles(client);
      const rows = [
        { phone: '+44 7911 100001', givenName: 'Ana' },
        { phone: 'not a number', givenName: 'Bo' },
        { phone: '07911 100001', givenName: 'Cy' },
        { phone: '+44 7911 100002', givenName: 'Di' },
        { phone: '+44 7911 100003', givenName: 'Ed' },
        { email: 'fay@example.com', givenName: 'Fay' },
      ];
      const count = async (table: 'people' | 'messages' | 'daily_counters' | 'audit_events') =>
        Number(
          (
            await world.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await Promise.all([
        count('people'),
        count('messages'),
        count('daily_counters'),
        count('audit_events'),
      ]);

      const preview = await client.post('/api/v1/people/batch', {
        people: rows,
        sendInvitations: true,
        dryRun: true,
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(
        preview.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status),
      ).toEqual([
        'created',
        'phone_invalid',
        'phone_taken',
        'created',
        'phone_account_daily_limit',
        'created',
      ]);
      expect(
        await Promise.all([
          count('people'),
          count('messages'),
          count('daily_counters'),
          count('audit_events'),
        ]),
      ).toEqual(before);

      // Sending for real gives the same answers.
      const sent = await client.post('/api/v1/people/batch', { people: rows, sendInvitations: true });
      expect(sent.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual(
        preview.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status),
      );
      expect(community.id).toBeTruthy();
    });
  },
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '2' } },
);
