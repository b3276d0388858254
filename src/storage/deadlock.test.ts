import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from './deadlock.js';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryOnDeadlock', () => {
  it("runs a deadlock's victim again, up to three times in all", async () => {
    let runs = 0;
    const answer = await retryOnDeadlock(async () => {
      runs += 1;
      if (runs < 3) throw deadlock();
      return 'written';
    });
    expect({ answer, runs }).toEqual({ answer: 'written', runs: 3 });

    let hopeless = 0;
    await expect(
      retryOnDeadlock(async () => {
        hopeless += 1;
        throw deadlock();
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(hopeless).toBe(3);
  });

  it('never runs again a write that failed for any other reason', async () => {
    let runs = 0;
    await expect(
      retryOnDeadlock(async () => {
        runs += 1;
        throw Object.assign(new Error('duplicate key'), { code: '23505' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
  });
});
