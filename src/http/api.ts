import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The app as route modules see it: request and response types come from the zod schemas. */
export type Api = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const idParams = z.strictObject({ id: z.uuid('must be an id as returned by the API') });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details; `code` is stable, `detail` is for people.');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });

export const idsBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) });

export const bulkResultSchema = z.object({
  done: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['done', 'error']),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});
