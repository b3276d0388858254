import type { Person } from '../people/person.js';
import type { Executor } from '../storage/db.js';
import { firstLinesOf, linesWithKeys } from './import-rows.store.js';
import type { ClaimedRow } from './job.js';
import { findPeopleByKeys } from './people-keys.store.js';
import type { Lookups } from './plan-row.js';
import { managerAsRowKey, managerLookup } from './row-keys.js';

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/**
 * Everything a batch of lines needs to know before applying them: who already exists (by
 * login, employee ID, or as a manager), and which keys earlier lines of the file hold.
 */
export async function loadLookups(
  db: Executor,
  { jobId, communityId }: { jobId: string; communityId: string },
  rows: readonly ClaimedRow[],
): Promise<Lookups> {
  const loginKeys = unique(rows.map((row) => row.loginKey));
  const employeeKeys = unique(rows.map((row) => row.employeeKey));
  const managerKeys = unique(rows.map((row) => row.managerKey));
  const managerEmails = managerKeys.flatMap((key) => {
    const lookup = managerLookup(key);
    return 'email' in lookup ? [lookup.email] : [];
  });
  const managerIds = managerKeys.flatMap((key) => {
    const lookup = managerLookup(key);
    return 'externalId' in lookup ? [lookup.externalId] : [];
  });
  const people = await findPeopleByKeys(db, communityId, {
    emails: unique([
      ...loginKeys.filter((k) => k.startsWith('email:')).map((k) => k.slice(6)),
      ...managerEmails,
    ]),
    phones: loginKeys.filter((k) => k.startsWith('phone:')).map((k) => k.slice(6)),
    externalIds: unique([...employeeKeys, ...managerIds]),
  });
  const byLogin = new Map<string, Person>();
  const byEmployee = new Map<string, Person>();
  for (const person of people) {
    if (person.email) byLogin.set(`email:${person.email.toLowerCase()}`, person);
    if (person.phone) byLogin.set(`phone:${person.phone}`, person);
    if (person.externalId) byEmployee.set(person.externalId, person);
  }
  const managers = new Map<string, Person>();
  for (const key of managerKeys) {
    const found = key.startsWith('email:') ? byLogin.get(key) : byEmployee.get(key.slice(4));
    if (found) managers.set(key, found);
  }
  return {
    byLogin,
    byEmployee,
    managers,
    managersInFile: await managerLines(
      db,
      jobId,
      managerKeys.filter((key) => !managers.has(key)),
    ),
    firstLogin: await firstLinesOf(db, jobId, 'login_key', loginKeys),
    firstEmployee: await firstLinesOf(db, jobId, 'employee_key', employeeKeys),
  };
}

/** For each manager key not in Muster yet, the first line of the file that is that manager. */
async function managerLines(db: Executor, jobId: string, keys: readonly string[]) {
  const lines = new Map<string, { line: number; status: string }>();
  const byColumn = { login_key: [] as string[], employee_key: [] as string[] };
  for (const key of keys) {
    const { column, value } = managerAsRowKey(key);
    byColumn[column].push(value);
  }
  for (const column of ['login_key', 'employee_key'] as const) {
    for (const found of await linesWithKeys(db, jobId, column, byColumn[column])) {
      const key = column === 'login_key' ? found.key : `ext:${found.key}`;
      const known = lines.get(key);
      if (!known || found.line < known.line) lines.set(key, { line: found.line, status: found.status });
    }
  }
  return lines;
}
