import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id at OWASP's minimum (19 MiB, t=2, p=1). @node-rs/argon2 runs
 * on libuv's thread pool, so a burst of logins never blocks the event loop.
 */
const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Algorithm is an ambient const enum, which verbatimModuleSyntax cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const options = { algorithm: ARGON2ID, ...ARGON2_PARAMS };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/**
 * True when a stored hash is weaker than today's parameters (or not argon2id); login then
 * rehashes it (R30). A stronger hash is kept: rehashing it would weaken it.
 */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < ARGON2_PARAMS.memoryCost || t < ARGON2_PARAMS.timeCost || p < ARGON2_PARAMS.parallelism;
}

/**
 * Verifying against this when no account matches keeps a miss as slow as a hit, so response
 * time does not tell an attacker which numbers have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('muster-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
