import { parsePhone } from '../phone/phone.js';
import type { ImportRow } from './row.js';

/**
 * What identifies a row's person, written once when the file is stored: its login (`email:…` or
 * `phone:+…`, the way the person would be found), its employee ID, and the manager it names
 * (`email:…` or `ext:…`). A login or employee ID seen on an earlier line makes a later line a
 * repeat, and a manager key finds the manager's own line in any order.
 */
export interface RowKeys {
  loginKey: string | null;
  employeeKey: string | null;
  managerKey: string | null;
}

export function rowKeys(row: ImportRow, defaultCountry: string): RowKeys {
  const { email, phone, externalId } = row.person;
  let loginKey: string | null = null;
  if (typeof email === 'string') loginKey = `email:${email.trim().toLowerCase()}`;
  else if (typeof phone === 'string') {
    const parsed = parsePhone(phone, defaultCountry);
    if (parsed.ok) loginKey = `phone:${parsed.e164}`;
  }
  return {
    loginKey,
    employeeKey: typeof externalId === 'string' ? externalId : null,
    managerKey:
      row.managerEmail !== undefined
        ? `email:${row.managerEmail}`
        : row.managerExternalId !== undefined
          ? `ext:${row.managerExternalId}`
          : null,
  };
}

/** A manager key as a lookup: by email address or by employee ID. */
export function managerLookup(key: string): { email: string } | { externalId: string } {
  return key.startsWith('email:') ? { email: key.slice(6) } : { externalId: key.slice(4) };
}

/** A manager key as a row's own keys would write it, to find the manager's line in the file. */
export function managerAsRowKey(key: string): { column: 'login_key' | 'employee_key'; value: string } {
  return key.startsWith('email:')
    ? { column: 'login_key', value: key }
    : { column: 'employee_key', value: key.slice(4) };
}
