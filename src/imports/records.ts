import type { Readable } from 'node:stream';
import { readCsvRecords } from './read-csv.js';
import { readXlsxRecords } from './read-xlsx.js';

export type FileFormat = 'csv' | 'xlsx';

/** One line of an uploaded file: its row number as a spreadsheet shows it, and its cells. */
export interface FileRecord {
  line: number;
  cells: string[];
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function readRecords(input: Readable, format: FileFormat): AsyncGenerator<FileRecord> {
  return format === 'xlsx' ? readXlsxRecords(input) : readCsvRecords(input);
}

export const isBlank = (record: FileRecord) => record.cells.every((cell) => cell.trim() === '');
