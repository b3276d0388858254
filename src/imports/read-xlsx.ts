import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { loadExcelJs } from './exceljs.js';
import type { FileRecord } from './records.js';

/**
 * A cell of a spreadsheet as the text a person sees, so an XLSX and a CSV of the same rows read
 * the same: dates as YYYY-MM-DD, numbers without exponent or grouping, true/false for booleans,
 * a formula as its last result, rich text and links as their text.
 */
function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return xlsxCellText(cell.result);
    if (cell.text !== undefined) return xlsxCellText(cell.text);
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

/**
 * The rows of the first worksheet of an XLSX file, read as the file streams in: sheets that come
 * before the shared strings wait in a temporary file, never in memory.
 */
export async function* readXlsxRecords(input: Readable): AsyncGenerator<FileRecord> {
  const { default: ExcelJS } = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Dates are numbers with a date format: the formats are needed to tell them apart.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { line: row.number, cells: Array.from(values, xlsxCellText) };
      }
      // The first worksheet is the list; the others (notes, lookups) are not people.
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'import_file_unreadable',
      `The file cannot be read as an Excel workbook (.xlsx): ${(error as Error).message}. Save it again from your spreadsheet as "Excel Workbook (.xlsx)" or as "CSV UTF-8".`,
    );
  }
}
