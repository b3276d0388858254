import { csvRow } from '../../../src/csv';
import type { BatchRowResult } from '../api';

/** One row of the list as the API takes it: field name → text. */
export type Row = Record<string, string>;

/**
 * The refused rows as a CSV, with their row number in the list and the reason. Cells are written
 * by the server's own src/csv.ts (plain TypeScript, one source of truth): a cell that would start a
 * spreadsheet formula is defused, a phone number is kept as it is (R37).
 */
export function downloadErrors(preview: BatchRowResult[], rows: Row[]) {
  const bad = preview.filter((r) => r.status === 'error');
  const fields = [...new Set(bad.flatMap((r) => Object.keys(rows[r.index] ?? {})))];
  const csv = [
    csvRow(['row', ...fields, 'error']),
    ...bad.map((r) =>
      csvRow([r.index + 2, ...fields.map((f) => rows[r.index]?.[f] ?? ''), r.message ?? r.code]),
    ),
  ].join('');
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'rows-with-errors.csv';
  link.click();
  URL.revokeObjectURL(url);
}
