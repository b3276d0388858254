import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** True when some string inside a JSON value holds U+0000, looking no deeper than a body could. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : [...Object.keys(value), ...Object.values(value)];
  return items.some((item) => hasNul(item, depth + 1));
}

/**
 * No text Muster keeps may hold the NUL character: PostgreSQL cannot store it (and would fail the
 * whole request), and no person types it. It is refused, in every body, query and path, on both
 * databases alike, before anything runs.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body)) {
      throw new AppError(
        'invalid_request',
        'The request contains the NUL character (U+0000), which no text may hold. Remove it and send again.',
      );
    }
  });
}
