import { expect, it } from 'vitest';
import { eachDatabase, enablePhoneProfiles, expectProblem, seedCommunity, signIn } from './harness.js';

// R34: deployment-wide SMS budgets and a velocity cap per number range, which fail closed.
eachDatabase(
  'SMS caps',
  (world) => {
    it('refuses a text over the per-range cap per hour, changing nothing, and allows it the next hour (R34)', async () => {
      const { admin, slug } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '', undefined, slug);
      await enablePhoneProfiles(client);
      // Three numbers that differ only in their last four digits: one range.
      for (const phone of ['+447400550001', '+447400550002']) {
        expect((await client.post('/api/v1/people', { phone, givenName: 'Ok' })).statusCode).toBe(201);
      }
      const third = await client.post('/api/v1/people', { phone: '+447400550003', givenName: 'Over' });
      const problem = expectProblem(third, 429, 'sms_capacity_reached');
      expect(problem.detail).toContain('+4474005');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Failing closed refuses the whole change: no person, no text.
      const people = await world.deps.db
        .selectFrom('people')
        .select('id')
        .where('phone', '=', '+447400550003')
        .execute();
      expect(people).toHaveLength(0);

      // Another range is not affected; the same range is open again the next hour.
      expect(
        (await client.post('/api/v1/people', { phone: '+447400660001', givenName: 'Other' })).statusCode,
      ).toBe(201);
      world.clock.advanceMinutes(61);
      expect(
        (await client.post('/api/v1/people', { phone: '+447400550003', givenName: 'Later' })).statusCode,
      ).toBe(201);
    });

    it('caps all texts of the deployment per hour, across communities (R34)', async () => {
      world.clock.advanceMinutes(61);
      const sent: number[] = [];
      for (const n of [1, 2]) {
        const { admin, slug } = await seedCommunity(world);
        const client = await signIn(world.app, admin.email ?? '', undefined, slug);
        await enablePhoneProfiles(client);
        for (const digit of ['1', '2', '3']) {
          const response = await client.post('/api/v1/people', {
            phone: `+447400${n}${digit}0000`,
            givenName: 'P',
          });
          sent.push(response.statusCode);
        }
      }
      // 4 texts an hour: the fifth and sixth are refused, whatever the community.
      expect(sent).toEqual([201, 201, 201, 201, 429, 429]);
    });
  },
  { config: { MUSTER_SMS_PER_PREFIX_PER_HOUR: '2', MUSTER_SMS_PER_HOUR: '4' } },
);
