import { z } from 'zod';
import { personViewSchema } from '../people/people.schemas.js';

const MAX_BATCH = 1000;

export const batchCreateSchema = z.strictObject({
  people: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH)
    .describe('Each row is checked on its own, as for POST /api/v1/people; a bad row loses nothing else.'),
  sendInvitations: z.boolean().default(true),
  dryRun: z
    .boolean()
    .default(false)
    .describe('Check every row as if adding it, and add nothing: the preview before sending.'),
});

export const batchResultSchema = z.object({
  created: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      index: z.number(),
      status: z.enum(['created', 'error']),
      person: personViewSchema.optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  ),
});

export type BatchResult = z.infer<typeof batchResultSchema>;
