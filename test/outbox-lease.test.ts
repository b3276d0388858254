import { expect, it } from 'vitest';
import { newId } from '../src/crypto/random.js';
import { claimDueMessages, insertMessage } from '../src/outbox/outbox.store.js';
import { eachDatabase, seedCommunity } from './harness.js';

// The dispatcher's lease (R50, R53): a round takes at most its batch, whatever the database
// plans, and parallel rounds never take one message twice.
eachDatabase('outbox leases', (world) => {
  it('leases exactly the batch asked for, and parallel claims take disjoint messages', async () => {
    const { community } = await seedCommunity(world);
    const now = world.clock.now().toISOString();
    for (let i = 0; i < 60; i++) {
      await insertMessage(world.deps.db, {
        id: newId(world.clock.now()),
        communityId: community.id,
        personId: null,
        medium: i % 2 === 0 ? 'sms' : 'email',
        to: i % 2 === 0 ? `+4474000${String(i).padStart(5, '0')}` : `lease${i}@example.com`,
        kind: 'claim_invitation',
        channel: 'test',
        subject: null,
        locale: 'en',
        body: 'body',
        preview: 'body',
        now,
        expiresAt: new Date(world.clock.now().getTime() + 3_600_000).toISOString(),
      });
    }
    const claim = () =>
      claimDueMessages(world.deps.db, {
        now,
        leaseUntil: new Date(world.clock.now().getTime() + 60_000).toISOString(),
        providers: { sms: 'console', email: 'smtp' },
        limit: 10,
      });
    const batches = await Promise.all([claim(), claim(), claim()]);
    for (const batch of batches) expect(batch).toHaveLength(10);
    const ids = batches.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(30);
    for (const message of batches.flat()) {
      expect(
        message.medium === 'email' ? message.to.endsWith('@example.com') : message.to.startsWith('+44'),
      ).toBe(true);
    }
  });
});
