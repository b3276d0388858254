import { generateKeyPair, type JsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';
import type { Clock } from '../clock.js';
import { randomToken } from '../crypto/random.js';
import type { Secrets } from '../crypto/secrets.js';
import type { Db } from '../storage/db.js';
import { insertCurrentKey, listPublishedKeys, retireCurrentKey } from './signing-keys.store.js';

/**
 * How long a retired key stays in the JWKS: the longest life of a token it signed (an ID token,
 * an hour) and the time other servers take to notice the rotation, with room to spare. Apps
 * verifying a token signed just before a rotation still find its key (R60).
 */
export const RETIRED_KEY_PUBLISHED_MS = 2 * 3_600_000;

export type SigningJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

type KeyDeps = { db: Db; clock: Clock; secrets: Pick<Secrets, 'seal' | 'open'> };

const generateRsa = promisify(generateKeyPair);

/** A new RS256 key (what every OpenID Connect app can verify), its private half sealed. */
async function newSealedKey(secrets: Pick<Secrets, 'seal'>, createdAt: string) {
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const jwk: SigningJwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomToken(16),
    alg: 'RS256',
    use: 'sig',
  };
  return { id: jwk.kid, keySealed: secrets.seal(JSON.stringify(jwk)), createdAt };
}

/**
 * The keys the provider signs with (the first) and publishes (all): made at first start, kept
 * sealed with the server key (MUSTER_SECRET_KEY), so a copy of the database cannot sign tokens.
 */
export async function loadSigningKeys({ db, clock, secrets }: KeyDeps): Promise<SigningJwk[]> {
  const now = clock.now();
  const since = new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS).toISOString();
  let stored = await listPublishedKeys(db, since);
  if (!stored.some((key) => key.current)) {
    // Two servers starting at once: one key wins the unique slot, both read it back.
    await insertCurrentKey(db, await newSealedKey(secrets, now.toISOString()));
    stored = await listPublishedKeys(db, since);
  }
  return stored.map((key) => JSON.parse(secrets.open(key.keySealed)) as SigningJwk);
}

/** The ids of the published keys, current first: what tells a server its keys changed. */
export async function publishedKeyIds({ db, clock }: Pick<KeyDeps, 'db' | 'clock'>): Promise<string> {
  const since = new Date(clock.now().getTime() - RETIRED_KEY_PUBLISHED_MS).toISOString();
  return (await listPublishedKeys(db, since)).map((key) => key.id).join(' ');
}

/**
 * `muster oidc rotate-keys`: a new key signs from now on; the old one stays published for
 * RETIRED_KEY_PUBLISHED_MS, so tokens it signed still verify until they expire.
 */
export async function rotateSigningKeys(
  deps: KeyDeps,
): Promise<{ newKeyId: string; retiredKeyId: string | null }> {
  const now = deps.clock.now().toISOString();
  const fresh = await newSealedKey(deps.secrets, now);
  return deps.db.transaction().execute(async (tx) => {
    const retiredKeyId = await retireCurrentKey(tx, now);
    if (!(await insertCurrentKey(tx, fresh))) throw new Error('Another rotation is running; try again.');
    return { newKeyId: fresh.id, retiredKeyId };
  });
}
