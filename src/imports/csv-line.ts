import { stringify } from 'csv-stringify/sync';
import { neutralise } from './spreadsheet-cell.js';

/** One CSV line of cells, each safe to open in a spreadsheet (R37) and readable back exactly. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return stringify(
    [values.map((value) => neutralise(value === null || value === undefined ? '' : String(value)))],
    {
      record_delimiter: '\r\n',
      // A semicolon or tab in a cell is quoted too, so the reader's guess of the delimiter never errs.
      quoted_match: /[;\t]/,
    },
  );
}

/** The byte order mark that tells Excel a CSV file is UTF-8, so accents survive. */
export const UTF8_BOM = '\uFEFF';
