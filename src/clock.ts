/** Time comes from here, never from `new Date()` in domain code, so tests can jump days ahead. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
