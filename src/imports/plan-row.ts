import type { z } from 'zod';
import {
  type CreatePersonInput,
  createPersonSchema,
  type UpdatePersonInput,
  updatePersonSchema,
} from '../people/people.schemas.js';
import type { Person } from '../people/person.js';
import type { ColumnMap } from './columns.js';
import type { ClaimedRow, RowOutcome } from './job.js';
import { type ImportRow, readRow } from './row.js';
import { changesFor } from './row-changes.js';

/** What the batch knows before applying its lines, read in a few statements. */
export interface Lookups {
  /** People by login key (`email:…`, `phone:+…`) and by employee ID. */
  byLogin: ReadonlyMap<string, Person>;
  byEmployee: ReadonlyMap<string, Person>;
  /** Managers already in Muster, by the row's manager key. */
  managers: ReadonlyMap<string, Person>;
  /** Where each manager key stands in the file: its first line and that line's status. */
  managersInFile: ReadonlyMap<string, { line: number; status: string }>;
  /** The first line of the file with each login key and employee ID. */
  firstLogin: ReadonlyMap<string, number>;
  firstEmployee: ReadonlyMap<string, number>;
}

export type Plan =
  | { kind: 'done'; outcome: RowOutcome }
  | {
      kind: 'create';
      input: CreatePersonInput;
      phone: boolean;
      managerState: 'pending' | null;
    }
  | {
      kind: 'update';
      target: Person;
      input: UpdatePersonInput;
      managerState: 'pending' | null;
    };

const failed = (line: number, code: string, message: string): Plan => ({
  kind: 'done',
  outcome: { line, status: 'failed', code, message },
});

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`).join('; ');
}

/**
 * Decides what one line of the file asks for, without writing: a repeat or an unreadable line
 * fails; a line whose person exists updates them (or changes nothing); any other line adds a
 * person. A manager named by a later line of the file is linked once every line is in.
 */
export function planRow(row: ClaimedRow, map: ColumnMap, lookups: Lookups, sendInvitations: boolean): Plan {
  const reading = readRow(row.cells, map);
  if (!reading.ok)
    return failed(
      row.line,
      'invalid_request',
      describeIssues(reading.errors.map((e) => ({ path: [e.path], message: e.message }))),
    );
  const repeat = repeatOf(row, lookups);
  if (repeat) return repeat;
  const byLogin = row.loginKey ? lookups.byLogin.get(row.loginKey) : undefined;
  const byEmployee = row.employeeKey ? lookups.byEmployee.get(row.employeeKey) : undefined;
  if (byLogin && byEmployee && byLogin.id !== byEmployee.id) {
    return failed(
      row.line,
      'identity_conflict',
      `This row's ${row.loginKey?.startsWith('email:') ? 'email address' : 'mobile number'} belongs to ${byLogin.displayName}, but its employee ID belongs to ${byEmployee.displayName}. Correct the row so both name the same person.`,
    );
  }
  const manager = resolveManager(row, lookups);
  if (manager.kind === 'failed') return manager.plan;
  const fields = { ...reading.row.person, ...(manager.id ? { managerId: manager.id } : {}) };
  const target = byLogin ?? byEmployee;
  if (!target) return planCreate(row, reading.row, fields, manager.state, sendInvitations);
  const parsed = updatePersonSchema.safeParse(fields);
  if (!parsed.success) return invalid(row.line, parsed.error);
  const input = changesFor(target, parsed.data, row.loginKey);
  if (input === null) {
    return {
      kind: 'done',
      outcome: { line: row.line, status: 'unchanged', personId: target.id, managerState: manager.state },
    };
  }
  return { kind: 'update', target, input, managerState: manager.state };
}

function invalid(line: number, error: z.ZodError): Plan {
  return failed(line, 'invalid_request', describeIssues(error.issues));
}

function planCreate(
  row: ClaimedRow,
  importRow: ImportRow,
  fields: Record<string, unknown>,
  managerState: 'pending' | null,
  sendInvitations: boolean,
): Plan {
  const parsed = createPersonSchema.safeParse({ ...fields, sendInvitation: sendInvitations });
  if (!parsed.success) return invalid(row.line, parsed.error);
  const phone = importRow.person.email === undefined && importRow.person.phone !== undefined;
  return { kind: 'create', input: parsed.data, phone, managerState };
}

/** A login or employee ID that an earlier line of the file already has: the first line wins. */
function repeatOf(row: ClaimedRow, lookups: Lookups): Plan | null {
  const firstLogin = row.loginKey ? lookups.firstLogin.get(row.loginKey) : undefined;
  if (firstLogin !== undefined && firstLogin < row.line) {
    const what = row.loginKey?.startsWith('email:') ? 'email address' : 'mobile number';
    return failed(
      row.line,
      'duplicate_in_file',
      `This ${what} is also on row ${firstLogin}; the first row with it is the one imported. Remove one of the two rows.`,
    );
  }
  const firstEmployee = row.employeeKey ? lookups.firstEmployee.get(row.employeeKey) : undefined;
  if (firstEmployee !== undefined && firstEmployee < row.line) {
    return failed(
      row.line,
      'duplicate_in_file',
      `This employee ID is also on row ${firstEmployee}; the first row with it is the one imported. Remove one of the two rows.`,
    );
  }
  return null;
}

type ManagerResolution =
  | { kind: 'ok'; id: string | null; state: 'pending' | null }
  | { kind: 'failed'; plan: Plan };

/** A manager is someone in Muster already, or a line of this file (before or after this one). */
function resolveManager(row: ClaimedRow, lookups: Lookups): ManagerResolution {
  if (!row.managerKey) return { kind: 'ok', id: null, state: null };
  const known = lookups.managers.get(row.managerKey);
  if (known) return { kind: 'ok', id: known.id, state: null };
  const named = row.managerKey.startsWith('email:')
    ? `with the email ${row.managerKey.slice(6)}`
    : `with the employee ID ${row.managerKey.slice(4)}`;
  const inFile = lookups.managersInFile.get(row.managerKey);
  if (inFile?.line === row.line) {
    return {
      kind: 'failed',
      plan: failed(row.line, 'manager_cycle', 'A person cannot be their own manager.'),
    };
  }
  if (inFile && inFile.status !== 'failed') return { kind: 'ok', id: null, state: 'pending' };
  return {
    kind: 'failed',
    plan: failed(
      row.line,
      'manager_not_found',
      inFile
        ? `The manager ${named} is on row ${inFile.line}, which could not be imported. Fix that row and import the file again.`
        : `There is no manager ${named} in this file or in Muster. Check the manager column, or add the manager first.`,
    ),
  };
}
