import { neutralise } from './spreadsheet-cell.js';

/**
 * A cell that must be quoted: a comma, a quote or a line break in it, or a semicolon or tab, so
 * that a reader's guess of the delimiter never errs (what csv-stringify does with quoted_match).
 */
const NEEDS_QUOTES = /[",\r\n;\t]/;

function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV line of cells, each safe to open in a spreadsheet (R37) and readable back exactly.
 * Written by hand rather than through a CSV library: an export writes one per person, and a
 * library's stringifier built for every line was most of the export's time.
 */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (const [i, value] of values.entries()) {
    if (i > 0) line += ',';
    line += csvCell(neutralise(value === null || value === undefined ? '' : String(value)));
  }
  return `${line}\r\n`;
}

/** The byte order mark that tells Excel a CSV file is UTF-8, so accents survive. */
export const UTF8_BOM = '\uFEFF';
