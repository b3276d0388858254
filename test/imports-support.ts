import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createImportWorker, type ImportWorkerOptions } from '../src/imports/worker.js';
import type { Client, World } from './harness.js';

// Helpers for the import tests (R54): files as Workplace writes them, uploads, and the worker.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Workplace's template, with the columns of its file for people without email. */
const WORKPLACE_HEADER = [
  'Email',
  'First Name',
  'Last Name',
  'Job Title',
  'Department',
  'Phone Number',
  'Location',
  'Locale',
  'Manager Email',
  'Division',
  'Organization',
  'Start Date',
  'Employee Id',
  'Manager Employee Id',
];

export type Kind = 'email' | 'phone' | 'employee';

export interface WorkplaceFile {
  header: string[];
  rows: string[][];
  kinds: Kind[];
  /** The employee ID of each row's manager, or null. */
  managerOf: (string | null)[];
}

export const phoneOf = (i: number) => `+447400${String(100_000 + i).padStart(6, '0')}`;

/**
 * A file of `n` people, a third each with an email, a mobile number or only an employee ID, in
 * one reporting tree whose managers sit before or after their reports in the file (a heap laid
 * out in a shuffled order), named by Manager Email or Manager Employee Id.
 */
export function workplaceFile(n: number, { seed = 7 }: { seed?: number } = {}): WorkplaceFile {
  const order = shuffled(n, seed);
  const rowOfRank = new Map(order.map((rank, row) => [rank, row]));
  const kinds = Array.from(
    { length: n },
    (_, i): Kind => (['email', 'phone', 'employee'] as const)[i % 3] ?? 'email',
  );
  const managerOf: (string | null)[] = [];
  const rows = Array.from({ length: n }, (_, i) => {
    const rank = order[i] ?? 0;
    const managerRow = rank === 0 ? null : (rowOfRank.get(Math.floor((rank - 1) / 4)) ?? null);
    managerOf.push(managerRow === null ? null : `E${managerRow}`);
    const managerEmail =
      managerRow !== null && kinds[managerRow] === 'email' ? `w${managerRow}@acme.test` : '';
    const managerId = managerRow !== null && managerEmail === '' ? `E${managerRow}` : '';
    return [
      kinds[i] === 'email' ? `w${i}@acme.test` : '',
      `Given${i}`,
      `Family${i}`,
      i % 2 ? 'Picker' : 'Driver',
      `Dept ${i % 5}`,
      kinds[i] === 'phone' ? phoneOf(i).replace(/^\+44(\d{4})/, '+44 $1 ') : '',
      'Leeds',
      i % 2 ? 'en_US' : 'pt_BR',
      managerEmail,
      'Operations',
      'Acme',
      `2024-0${(i % 9) + 1}-01`,
      `E${i}`,
      managerId,
    ];
  });
  return { header: [...WORKPLACE_HEADER], rows, kinds, managerOf };
}

function shuffled(n: number, seed: number): number[] {
  const ranks = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
  }
  return ranks;
}

export function toCsv(header: string[], rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}

export async function toXlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function upload(
  world: World,
  client: Client,
  body: string | Buffer,
  {
    query = '',
    type = 'text/csv',
    path = '/api/v1/imports',
  }: { query?: string; type?: string; path?: string } = {},
): Promise<LightMyRequestResponse> {
  return world.app.inject({
    method: 'POST',
    url: `${path}${query}`,
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': type },
    payload: body,
  });
}

/** Uploads a file and runs the worker until the job has nothing more to do; answers the job. */
export async function importAndRun(
  world: World,
  client: Client,
  body: string | Buffer,
  options: { query?: string; type?: string; worker?: ImportWorkerOptions } = {},
) {
  const response = await upload(world, client, body, options);
  expect(response.statusCode, response.body).toBe(202);
  expect(response.headers.location).toBe(`/api/v1/imports/${response.json().id}`);
  await runWorker(world, options.worker);
  const job = await client.get(response.headers.location as string);
  expect(job.statusCode, job.body).toBe(200);
  return job.json();
}

export function runWorker(world: World, options: ImportWorkerOptions = {}) {
  return createImportWorker(world.deps, {
    batchSize: 50,
    onError: (error) => {
      throw error;
    },
    ...options,
  }).drainAll();
}

export async function countRows(world: World, table: 'messages' | 'people', communityId: string) {
  const row = await world.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everyone of a community as an import would set them, managers named by employee ID: comparable across communities. */
export async function peopleProjection(world: World, communityId: string) {
  const people = await world.deps.db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('external_id')
    .execute();
  const employeeIdOf = new Map(people.map((p) => [p.id, p.external_id]));
  return people.map((p) => ({
    loginKind: p.login_kind,
    email: p.email,
    phone: p.phone,
    givenName: p.given_name,
    familyName: p.family_name,
    displayName: p.display_name,
    jobTitle: p.job_title,
    department: p.department,
    division: p.division,
    organization: p.organization,
    location: p.location,
    locale: p.locale,
    externalId: p.external_id,
    startDate: p.start_date,
    frontline: p.frontline,
    invited: p.invited,
    manager: p.manager_id ? (employeeIdOf.get(p.manager_id) ?? 'someone') : null,
  }));
}
