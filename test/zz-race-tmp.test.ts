import { it } from 'vitest';
import { newId } from '../src/crypto/random.js';
import { newPersonRow } from '../src/people/person.row.js';
import { eachDatabase, seedCommunity } from './harness.js';
eachDatabase('race', (world) => {
  it('parallel 400 targets at a locked address', async () => {
    const { slug, community } = await seedCommunity(world);
    const now = world.clock.now().toISOString();
    const rows = Array.from({ length: 400 }, (_, i) => ({ ...newPersonRow({ id: newId(world.clock.now()), communityId: community.id, login: { kind: 'email', value: `r${i}@x.test` }, displayName: `R${i}`, now }) }));
    for (let i = 0; i < 400; i += 100) await world.deps.db.insertInto('people').values(rows.slice(i, i + 100)).execute();
    const ip = `10.1.3.1`;
    const until = new Date(world.clock.now().getTime() + 3600_000).toISOString();
    await world.deps.db.insertInto('throttles').values({ key: `login:client:${ip}`, attempts: 0, window_ends_at: until, locked_until: until, lockouts: 1 }).execute();
    await Promise.all(rows.map((r) => world.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { community: slug, identifier: r.email, password: 'wrong wrong' } })));
    const n = await world.deps.db.selectFrom('audit_events').select(['count', 'target_label']).where('ip', '=', ip).execute();
    console.log(world.dialect, 'rows', n.length, 'sum', n.reduce((s, x) => s + x.count, 0));
  }, 120_000);
});
