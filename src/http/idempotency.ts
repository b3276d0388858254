import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { type Db, uniqueViolation } from '../storage/db.js';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  type StoredAnswer,
  storeIdempotentAnswer,
} from './idempotency.store.js';

/** How long a key is remembered; a retry after that is a new request. */
const KEY_LIFETIME_MS = 24 * 3_600_000;
/** A claim older than this was left by a crashed request and may be taken over. */
const ABANDONED_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string; replay: boolean } | null;
  }
}

type Deps = { db: Db; clock: Clock };

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

function keyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (request.method !== 'POST' || header === undefined || !request.principal) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError(
      'invalid_request',
      'Idempotency-Key must be 1–255 visible ASCII characters, such as a UUID.',
    );
  }
  return key;
}

const inProgress = () =>
  new AppError(
    'idempotency_key_in_progress',
    'A request with this Idempotency-Key is still running. Retry in a moment.',
  );

/** Claims the key for this request; false when another request holds it (or held it). */
async function tryClaim(deps: Deps, claim: Parameters<typeof claimIdempotencyKey>[1]): Promise<boolean> {
  try {
    await claimIdempotencyKey(deps.db, claim);
    return true;
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
    return false;
  }
}

function isStale(stored: StoredAnswer | undefined, now: Date): boolean {
  const age = stored ? now.getTime() - Date.parse(stored.createdAt) : Number.POSITIVE_INFINITY;
  return age > KEY_LIFETIME_MS || (stored?.statusCode === null && age > ABANDONED_MS);
}

function replay(reply: FastifyReply, stored: StoredAnswer & { statusCode: number }) {
  const type = stored.statusCode >= 400 ? 'application/problem+json' : 'application/json';
  if (stored.location) reply.header('location', stored.location);
  return reply
    .code(stored.statusCode)
    .header('idempotent-replayed', 'true')
    .type(type)
    .send(stored.body ?? '');
}

/** Before the handler: run the request for the first time, or answer a retry from the store. */
async function beforeHandler(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const key = keyOf(request);
  if (key === null || !request.principal) return;
  const scope = `${request.principal.communityId}:${request.principal.actor.id}`;
  const now = deps.clock.now();
  const claim = { scope, key, fingerprint: fingerprintOf(request), createdAt: now.toISOString() };
  if (await tryClaim(deps, claim)) {
    request.idempotency = { scope, key, replay: false };
    return;
  }
  const stored = await findIdempotencyKey(deps.db, scope, key);
  if (!stored || isStale(stored, now)) {
    // Expired or abandoned: only the row that was seen is deleted, so of two retries taking
    // it over, the second cannot delete the first one's fresh claim.
    await releaseIdempotencyKey(deps.db, scope, key, stored?.createdAt);
    if (!(await tryClaim(deps, claim))) throw inProgress();
    request.idempotency = { scope, key, replay: false };
    return;
  }
  if (stored.fingerprint !== claim.fingerprint) {
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different request. Use a new key for each new request.',
    );
  }
  if (stored.statusCode === null) throw inProgress();
  request.idempotency = { scope, key, replay: true };
  return replay(reply, { ...stored, statusCode: stored.statusCode });
}

/** After the handler: keep the answer for retries, unless a retry should simply run again. */
async function beforeSend(deps: Deps, request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const state = request.idempotency;
  if (!state || state.replay) return;
  // Not kept, so a retry with the same key simply runs again: a server failure (not an
  // answer), "try later" (429: the retry may well succeed), and answers marked no-store, which
  // hold a secret shown once (a new recovery code).
  const retryable = reply.statusCode >= 500 || reply.statusCode === 429;
  if (retryable || String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
    await releaseIdempotencyKey(deps.db, state.scope, state.key);
    return;
  }
  await storeIdempotentAnswer(deps.db, state.scope, state.key, {
    statusCode: reply.statusCode,
    body: typeof payload === 'string' ? payload : '',
    location: (reply.getHeader('location') as string | undefined) ?? null,
  });
}

/**
 * `Idempotency-Key` on POST (R29): the first request with a key runs and its answer is kept;
 * a retry with the same key and body gets that answer again instead of acting twice. Keys are
 * scoped to the signed-in person, so nobody can replay someone else's answer.
 */
export function registerIdempotency(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', (request, reply) => beforeHandler(deps, request, reply));
  app.addHook('onSend', async (request, reply, payload) => {
    await beforeSend(deps, request, reply, payload);
    return payload;
  });
}
