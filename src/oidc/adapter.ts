import { type Adapter, type AdapterPayload, errors } from 'oidc-provider';
import type { Clock } from '../clock.js';
import { hashToken } from '../crypto/random.js';
import type { Secrets } from '../crypto/secrets.js';
import type { Db } from '../storage/db.js';
import { findClientMetadata } from './client-metadata.js';
import {
  consumePayload,
  deletePayload,
  deletePayloadsOfGrant,
  findPayload,
  upsertPayload,
} from './payloads.store.js';

export type AdapterDeps = { db: Db; clock: Clock; secrets: Secrets };

/** Records whose tokens belong to a grant, and go when it is revoked (as the library's own adapter). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** Codes and refresh tokens: used once, which the store decides in one conditional update. */
const SINGLE_USE = new Set(['AuthorizationCode', 'RefreshToken', 'DeviceCode']);

/**
 * Where the provider library keeps its sessions, grants, codes and tokens (R60): Muster's own
 * database, SQLite or PostgreSQL, never memory, so every server process shares them and a restart
 * signs nobody out. The record's key is a bearer secret (a token, a session cookie), so only its
 * SHA-256 is stored (R32), and the payload is sealed with the server key: a copy of the database
 * yields no token and no session. Client apps are not records of the library's: they are read
 * from Muster's own table (client-metadata.ts).
 */
export function createAdapterFactory(deps: AdapterDeps) {
  return (model: string): Adapter => (model === 'Client' ? clientAdapter(deps) : payloadAdapter(model, deps));
}

function payloadAdapter(model: string, { db, clock, secrets }: AdapterDeps): Adapter {
  const now = () => clock.now().toISOString();
  const open = async (found: { sealed: string; consumedAt: string | null } | null) => {
    if (!found) return undefined;
    const payload = JSON.parse(secrets.open(found.sealed)) as AdapterPayload;
    if (found.consumedAt) payload.consumed = Math.floor(Date.parse(found.consumedAt) / 1000);
    return payload;
  };
  return {
    async upsert(id, payload, expiresIn) {
      await upsertPayload(db, {
        model,
        idHash: hashToken(id),
        sealed: secrets.seal(JSON.stringify(payload)),
        grantId: GRANTABLE.has(model) && typeof payload.grantId === 'string' ? payload.grantId : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        userCodeHash: typeof payload.userCode === 'string' ? hashToken(payload.userCode) : null,
        accountId: accountOf(payload),
        expiresAt:
          typeof expiresIn === 'number'
            ? new Date(clock.now().getTime() + expiresIn * 1000).toISOString()
            : null,
      });
    },
    find: async (id) => open(await findPayload(db, model, { column: 'id', value: hashToken(id) }, now())),
    findByUid: async (uid) => open(await findPayload(db, model, { column: 'uid', value: uid }, now())),
    findByUserCode: async (code) =>
      open(await findPayload(db, model, { column: 'user_code', value: hashToken(code) }, now())),
    async consume(id) {
      const first = await consumePayload(db, model, hashToken(id), now());
      if (!first && SINGLE_USE.has(model)) throw new errors.InvalidGrant(`${model} was already used`);
    },
    destroy: (id) => deletePayload(db, model, hashToken(id)),
    revokeByGrantId: (grantId) => deletePayloadsOfGrant(db, grantId),
  };
}

/** The person a record is about: tokens and grants name them, an interaction through its session. */
function accountOf(payload: AdapterPayload): string | null {
  if (typeof payload.accountId === 'string') return payload.accountId;
  const session = payload.session as { accountId?: unknown } | undefined;
  return typeof session?.accountId === 'string' ? session.accountId : null;
}

function clientAdapter(deps: AdapterDeps): Adapter {
  const readOnly = () =>
    Promise.reject(new Error('Client apps are changed through Muster, not the provider.'));
  return {
    find: async (id) => (await findClientMetadata(deps, id)) ?? undefined,
    upsert: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: readOnly,
  };
}
