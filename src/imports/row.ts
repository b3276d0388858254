import type { ColumnMap, Field } from './columns.js';
import { restore } from './spreadsheet-cell.js';

/** The fields of a person a row sets, as `POST /api/v1/people` takes them. */
export type PersonFields = Partial<
  Record<Exclude<Field, 'managerEmail' | 'managerExternalId'>, string | boolean>
>;

export interface ImportRow {
  /** Only the cells that hold something: an empty cell leaves that field of an existing person alone. */
  person: PersonFields;
  managerEmail?: string;
  managerExternalId?: string;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export type RowReading = { ok: true; row: ImportRow } | { ok: false; errors: FieldProblem[] };

const FRONTLINE: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  '1': true,
  false: false,
  no: false,
  n: false,
  '0': false,
};

/** `en_US`, `EN-us` and `en-US` are one locale; Muster writes it `en-US`. */
export function normaliseLocale(value: string): string {
  const match = /^([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}))?$/.exec(value);
  if (!match) return value;
  const [, language = '', region] = match;
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

/** The cell as a person meant it: trimmed, and without the apostrophe Muster's export may have added. */
function cellText(raw: string | undefined): string {
  return restore((raw ?? '').trim()).trim();
}

/** Reads one line of a file through its column map, checking what only the file can tell. */
export function readRow(cells: readonly string[], map: ColumnMap): RowReading {
  const row: ImportRow = { person: {} };
  const errors: FieldProblem[] = [];
  map.fields.forEach((field, index) => {
    if (field === null) return;
    const value = cellText(cells[index]);
    if (value === '') return;
    if (value.includes('\u0000')) {
      errors.push({ path: field, message: 'holds the NUL character, which no text may hold' });
      return;
    }
    setField(row, field, value, errors);
  });
  // Workplace's precedence: an email makes an email account, whatever else the row holds.
  if (row.person.email !== undefined) delete row.person.phone;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, row };
}

function setField(row: ImportRow, field: Field, value: string, errors: FieldProblem[]) {
  switch (field) {
    case 'managerEmail':
      row.managerEmail = value.toLowerCase();
      return;
    case 'managerExternalId':
      row.managerExternalId = value;
      return;
    case 'locale':
      row.person.locale = normaliseLocale(value);
      return;
    case 'frontline': {
      const flag = FRONTLINE[value.toLowerCase()];
      if (flag === undefined)
        errors.push({ path: 'frontline', message: 'must be true, false, yes, no, 1 or 0' });
      else row.person.frontline = flag;
      return;
    }
    case 'startDate':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        errors.push({ path: 'startDate', message: 'must be a date written YYYY-MM-DD, such as 2024-03-01' });
      } else row.person.startDate = value;
      return;
    default:
      row.person[field] = value;
  }
}
