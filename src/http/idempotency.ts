import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { type Db, uniqueViolation } from '../storage/db.js';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
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

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST (R29): the first request with a key runs and its answer is kept;
 * a retry with the same key and body gets that answer again instead of acting twice. Keys are
 * scoped to the signed-in person, so nobody can replay someone else's answer.
 */
export function registerIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.principal) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new AppError(
        'invalid_request',
        'Idempotency-Key must be 1–255 visible ASCII characters, such as a UUID.',
      );
    }
    const scope = `${request.principal.communityId}:${request.principal.actor.id}`;
    const fingerprint = fingerprintOf(request);
    const now = deps.clock.now();
    const claim = () =>
      claimIdempotencyKey(deps.db, { scope, key, fingerprint, createdAt: now.toISOString() });
    try {
      await claim();
      request.idempotency = { scope, key, replay: false };
      return;
    } catch (error) {
      if (uniqueViolation(error) === null) throw error;
    }
    const stored = await findIdempotencyKey(deps.db, scope, key);
    const age = stored ? now.getTime() - Date.parse(stored.createdAt) : Number.POSITIVE_INFINITY;
    const stale = age > KEY_LIFETIME_MS || (stored?.statusCode === null && age > ABANDONED_MS);
    if (!stored || stale) {
      // Expired or abandoned: only the row that was seen is deleted, so of two retries taking
      // it over, the second cannot delete the first one's fresh claim.
      await releaseIdempotencyKey(deps.db, scope, key, stored?.createdAt);
      try {
        await claim();
        request.idempotency = { scope, key, replay: false };
        return;
      } catch (error) {
        if (uniqueViolation(error) === null) throw error;
        throw new AppError(
          'idempotency_key_in_progress',
          'A request with this Idempotency-Key is still running. Retry in a moment.',
        );
      }
    }
    if (stored.fingerprint !== fingerprint) {
      throw new AppError(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request. Use a new key for each new request.',
      );
    }
    if (stored.statusCode === null) {
      throw new AppError(
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still running. Retry in a moment.',
      );
    }
    request.idempotency = { scope, key, replay: true };
    const type = stored.statusCode >= 400 ? 'application/problem+json' : 'application/json';
    if (stored.location) reply.header('location', stored.location);
    return reply
      .code(stored.statusCode)
      .header('idempotent-replayed', 'true')
      .type(type)
      .send(stored.body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency;
    if (!state || state.replay) return payload;
    // Not kept, so a retry with the same key simply runs again: a server failure (not an
    // answer), "try later" (429: the retry may well succeed), and answers marked no-store, which
    // hold a secret shown once (a new recovery code).
    const retryable = reply.statusCode >= 500 || reply.statusCode === 429;
    if (retryable || String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
      await releaseIdempotencyKey(deps.db, state.scope, state.key);
    } else {
      await storeIdempotentAnswer(deps.db, state.scope, state.key, {
        statusCode: reply.statusCode,
        body: typeof payload === 'string' ? payload : '',
        location: (reply.getHeader('location') as string | undefined) ?? null,
      });
    }
    return payload;
  });
}
