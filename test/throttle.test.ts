import { expect, it } from 'vitest';
import { LOGIN_RULES } from '../src/throttle/throttle.js';
import { ADMIN_PASSWORD, eachDatabase, seedCommunity } from './harness.js';

eachDatabase('login throttles', (world) => {
  // Each test seeds its own community, so every login names one.
  let community = '';
  const login = (identifier: string, password: string, ip = '198.51.100.7') =>
    world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { identifier, password, community },
    });
  const seed = async () => {
    const seeded = await seedCommunity(world);
    community = seeded.slug;
    return seeded;
  };

  it('lets at most the limit of 50 parallel wrong passwords be checked, then locks the account for a while (R33)', async () => {
    const { admin } = await seed();
    const email = admin.email ?? '';
    const answers = await Promise.all(Array.from({ length: 50 }, () => login(email, 'wrong password!')));
    const checked = answers.filter((a) => a.statusCode === 401);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(checked.length).toBe(LOGIN_RULES.account.limit);
    expect(refused.length).toBe(50 - LOGIN_RULES.account.limit);
    expect(refused[0]?.json().code).toBe('rate_limited');
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThan(0);

    // Locked: even the right password is not checked until the lockout ends.
    expect((await login(email, ADMIN_PASSWORD)).statusCode).toBe(429);
    world.clock.advanceMinutes(LOGIN_RULES.account.firstLockoutMinutes + 1);
    expect((await login(email, ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('grows each lockout and never makes one permanent (R33)', async () => {
    const { admin } = await seed();
    const email = admin.email ?? '';
    const exhaust = async () => {
      for (let i = 0; i < LOGIN_RULES.account.limit; i++)
        expect((await login(email, 'nope nope nope')).statusCode).toBe(401);
      const locked = await login(email, 'nope nope nope');
      expect(locked.statusCode).toBe(429);
      return Number(locked.headers['retry-after']);
    };
    const first = await exhaust();
    world.clock.advance(first * 1000);
    const second = await exhaust();
    expect(second).toBe(first * 2);
    world.clock.advance(second * 1000);
    expect((await login(email, ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('limits one client address across many accounts (R33)', async () => {
    await seed();
    const ip = '203.0.113.9';
    let refused = 0;
    for (let i = 0; i < LOGIN_RULES.client.limit + 5; i++) {
      const answer = await login(`nobody${i}@example.com`, 'guess guess', ip);
      if (answer.statusCode === 429) refused += 1;
      else expect(answer.statusCode).toBe(401);
    }
    expect(refused).toBe(5);
    // Another address is not affected.
    expect((await login('nobody@example.com', 'guess guess', '203.0.113.10')).statusCode).toBe(401);
  });
});
