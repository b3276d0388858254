import { z } from 'zod';

const IMPORT_STATES = ['queued', 'running', 'waiting', 'done', 'failed', 'cancelled'] as const;
const ROW_STATUSES = ['pending', 'created', 'updated', 'unchanged', 'failed', 'waiting'] as const;

/** A query-string flag: `true`/`false` (or 1/0), as curl and forms write them. */
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

export const startImportQuerySchema = z.strictObject({
  sendInvitations: flag(true).describe('Text (or email) each new account its claim link now (R3).'),
  dryRun: flag(false).describe('Check every row as the import would, and change nothing: the preview.'),
  fileName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('The name of the uploaded file, shown in the list.'),
});

export const importJobViewSchema = z.object({
  id: z.string(),
  state: z.enum(IMPORT_STATES),
  dryRun: z.boolean(),
  sendInvitations: z.boolean(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  total: z.number().describe('Rows in the file, not counting the header and blank rows.'),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  waiting: z
    .number()
    .describe('Rows held back until a daily limit resets (R6); a preview counts rows that would wait.'),
  waitingUntil: z.string().nullable().describe('When a waiting job goes on by itself.'),
  unknownColumns: z
    .array(z.string())
    .describe('Columns of the file Muster does not know; their cells are not imported.'),
  error: z.string().nullable().describe('Why a failed job stopped.'),
  startedBy: z.object({ id: z.string(), label: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export type ImportJobView = z.infer<typeof importJobViewSchema>;

export const listImportsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const listRowsQuerySchema = z.strictObject({
  status: z.enum(ROW_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const importRowViewSchema = z.object({
  line: z.number().describe('The row number as a spreadsheet shows it (the header is row 1).'),
  status: z.enum(ROW_STATUSES),
  code: z.string().nullable(),
  message: z.string().nullable(),
  personId: z.string().nullable(),
  cells: z.array(z.string()),
});

export type ImportRowView = z.infer<typeof importRowViewSchema>;
