import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { AppError } from '../errors.js';
import { uniqueViolation } from '../storage/db.js';

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
export function registerIdempotency(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.auth) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new AppError(
        'invalid_request',
        'Idempotency-Key must be 1–255 visible ASCII characters, such as a UUID.',
      );
    }
    const scope = `${request.auth.community.id}:${request.auth.person.id}`;
    const fingerprint = fingerprintOf(request);
    const now = deps.clock.now();
    const claim = () =>
      deps.db
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          fingerprint,
          status_code: null,
          response_body: null,
          response_location: null,
          created_at: now.toISOString(),
        })
        .execute();
    try {
      await claim();
      request.idempotency = { scope, key, replay: false };
      return;
    } catch (error) {
      if (uniqueViolation(error) === null) throw error;
    }
    const stored = await deps.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    const age = stored ? now.getTime() - Date.parse(stored.created_at) : Number.POSITIVE_INFINITY;
    const stale = age > KEY_LIFETIME_MS || (stored?.status_code === null && age > ABANDONED_MS);
    if (!stored || stale) {
      // Expired or abandoned: only the row that was seen is deleted, so of two retries taking
      // it over, the second cannot delete the first one's fresh claim.
      let stale = deps.db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key);
      if (stored) stale = stale.where('created_at', '=', stored.created_at);
      await stale.execute();
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
    if (stored.status_code === null) {
      throw new AppError(
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still running. Retry in a moment.',
      );
    }
    request.idempotency = { scope, key, replay: true };
    const type = stored.status_code >= 400 ? 'application/problem+json' : 'application/json';
    if (stored.response_location) reply.header('location', stored.response_location);
    return reply
      .code(stored.status_code)
      .header('idempotent-replayed', 'true')
      .type(type)
      .send(stored.response_body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency;
    if (!state || state.replay) return payload;
    // Not kept, so a retry with the same key simply runs again: a server failure (not an
    // answer), "try later" (429: the retry may well succeed), and answers marked no-store, which
    // hold a secret shown once (a new recovery code).
    const retryable = reply.statusCode >= 500 || reply.statusCode === 429;
    if (retryable || String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
      await deps.db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', state.scope)
        .where('key', '=', state.key)
        .execute();
    } else {
      await deps.db
        .updateTable('idempotency_keys')
        .set({
          status_code: reply.statusCode,
          response_body: typeof payload === 'string' ? payload : '',
          response_location: (reply.getHeader('location') as string | undefined) ?? null,
        })
        .where('scope', '=', state.scope)
        .where('key', '=', state.key)
        .execute();
    }
    return payload;
  });
}
