import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { hasIdentityColumn, mapHeader } from './columns.js';
import { type FileFormat, isBlank, readRecords } from './records.js';
import { readRow } from './row.js';
import { restore } from './spreadsheet-cell.js';

export type KeyKind = 'auto' | 'email' | 'phone' | 'employeeId';

export interface PersonKey {
  value: string;
  by: KeyKind;
  /** The row of a file it came from. */
  line?: number;
}

export const MAX_KEYS = 10_000;

const tooMany = () =>
  new AppError(
    'too_many_keys',
    `A list may name at most ${MAX_KEYS.toLocaleString('en')} people. Split it into smaller lists.`,
  );

export function checkKeyCount(count: number) {
  if (count > MAX_KEYS) throw tooMany();
}

/**
 * The people a file names (a leavers list): with a header Muster knows (Email, Phone Number,
 * Employee Id…, as in Workplace's files) each row names its person by login or employee ID; a
 * file without one is a single column of keys, each told apart by its look.
 */
export async function readKeysFile(body: Readable, format: FileFormat): Promise<PersonKey[]> {
  const keys: PersonKey[] = [];
  let header: ReturnType<typeof mapHeader> | null | undefined;
  for await (const record of readRecords(body, format)) {
    if (isBlank(record)) continue;
    if (header === undefined) {
      const map = mapHeader(record.cells);
      header = hasIdentityColumn(map) ? map : null;
      if (header) continue;
    }
    keys.push(
      header
        ? { ...keyOfRow(record.cells, header), line: record.line }
        : { value: firstCell(record.cells), by: 'auto', line: record.line },
    );
    checkKeyCount(keys.length);
  }
  return keys;
}

function firstCell(cells: readonly string[]): string {
  return restore((cells.find((cell) => cell.trim() !== '') ?? '').trim());
}

/** A row's login, else its employee ID; '' for a row that names no one. */
function keyOfRow(cells: readonly string[], map: ReturnType<typeof mapHeader>): PersonKey {
  const reading = readRow(cells, map);
  const person = reading.ok ? reading.row.person : {};
  if (typeof person.email === 'string') return { value: person.email, by: 'email' };
  if (typeof person.phone === 'string') return { value: person.phone, by: 'phone' };
  if (typeof person.externalId === 'string') return { value: person.externalId, by: 'employeeId' };
  return { value: '', by: 'auto' };
}
