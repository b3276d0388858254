import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, expect, it } from 'vitest';
import {
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';
import {
  countRows,
  importAndRun,
  peopleProjection,
  toCsv,
  upload,
  workplaceFile,
  XLSX_TYPE,
} from './imports-support.js';

// Export (R24) and actions on people named by key (R22): what goes out comes back in unchanged,
// no cell runs as a formula, and a list of numbers, emails or employee IDs acts on each.

async function communityWithPeople(world: World) {
  const seeded = await seedCommunity(world);
  const client = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
  await enablePhoneProfiles(client);
  await client.patch('/api/v1/settings', { accessCodeProfilesEnabled: true });
  const file = workplaceFile(60, { seed: 3 });
  const tricky = [
    [
      'sly@acme.test',
      '=HYPERLINK("http://evil")',
      'Doe',
      '+SUM(A1)',
      '-3',
      '',
      "'quoted",
      '',
      '',
      '@x',
      'Acme',
      '',
      'X1',
      '',
    ],
  ];
  const job = await importAndRun(world, client, toCsv(file.header, [...file.rows, ...tricky]));
  expect(job).toMatchObject({ state: 'done', failed: 0 });
  return { ...seeded, client, file };
}

async function download(world: World, cookie: string, url: string) {
  const response = await world.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

eachDatabase('export of people (R24)', (world) => {
  let a: Awaited<ReturnType<typeof communityWithPeople>>;
  beforeAll(async () => {
    a = await communityWithPeople(world);
  }, 120_000);

  it("writes everyone in Workplace's columns, with status, dates and manager, formula-safe (R24, R37)", async () => {
    const response = await download(world, a.client.cookie ?? '', '/api/v1/people/export');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const table = Papa.parse<string[]>(response.body.replace(/^\uFEFF/, '').trim(), {
      skipEmptyLines: true,
    }).data;
    const [header, ...rows] = table;
    expect(header?.slice(0, 4)).toEqual(['Email', 'First Name', 'Last Name', 'Display Name']);
    expect(header?.slice(-4)).toEqual(['Status', 'Invited Date', 'Claimed Date', 'Manager']);
    expect(rows).toHaveLength(62);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const sly = rows.find((row) => row[column('Email')] === 'sly@acme.test') ?? [];
    expect(sly[column('First Name')]).toBe('\'=HYPERLINK("http://evil")');
    expect(sly[column('Job Title')]).toBe("'+SUM(A1)");
    expect(sly[column('Department')]).toBe("'-3");
    expect(sly[column('Location')]).toBe("''quoted");
    expect(sly[column('Division')]).toBe("'@x");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=@\t\r]|^[+-](?!\d{6,}$)/);
    const phones = rows.map((row) => row[column('Phone Number')]).filter(Boolean);
    expect(phones.length).toBeGreaterThan(10);
    for (const phone of phones) expect(phone).toMatch(/^\+447400\d{6}$/);
    const withManager = rows.filter((row) => row[column('Manager')] !== '');
    expect(withManager.length).toBe(59);
    const statuses = new Set(rows.map((row) => row[column('Status')]));
    expect([...statuses].sort()).toEqual(['Active', 'Invited', 'Not invited']);
  });

  it('filters as the People list does', async () => {
    const phones = await download(world, a.client.cookie ?? '', '/api/v1/people/export?kind=phone');
    expect(phones.body.trim().split('\r\n')).toHaveLength(1 + 20);
    const search = await download(world, a.client.cookie ?? '', '/api/v1/people/export?q=given1');
    // Given1, Given10…Given19
    expect(search.body.trim().split('\r\n')).toHaveLength(1 + 11);
  });

  it('imports back unchanged, as CSV and as XLSX (R24, R54)', async () => {
    const people = await peopleProjection(world, a.community.id);
    const messages = await countRows(world, 'messages', a.community.id);
    const csv = (await download(world, a.client.cookie ?? '', '/api/v1/people/export')).body;
    const fromCsv = await importAndRun(world, a.client, csv);
    expect(fromCsv).toMatchObject({
      state: 'done',
      total: 62,
      unchanged: 62,
      created: 0,
      updated: 0,
      failed: 0,
    });
    const xlsx = await download(world, a.client.cookie ?? '', '/api/v1/people/export?format=xlsx');
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    const fromXlsx = await importAndRun(world, a.client, xlsx.rawPayload, { type: XLSX_TYPE });
    expect(fromXlsx).toMatchObject({ state: 'done', total: 62, unchanged: 62, failed: 0 });
    expect(fromXlsx.unknownColumns).toEqual([]);
    expect(await peopleProjection(world, a.community.id)).toEqual(people);
    expect(await countRows(world, 'messages', a.community.id)).toBe(messages);
  });

  it('writes an XLSX another reader opens, with the same cells as the CSV', async () => {
    const xlsx = await download(world, a.client.cookie ?? '', '/api/v1/people/export?format=xlsx');
    const sheet = await readXlsxFile(xlsx.rawPayload);
    const csv = (await download(world, a.client.cookie ?? '', '/api/v1/people/export')).body;
    const table = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: true }).data;
    const text = (rows: unknown[][]) =>
      rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    expect(text(sheet[0]?.data ?? [])).toEqual(table);
  });

  it('is audited, and read by analysts too', async () => {
    const events = (await a.client.get('/api/v1/audit-events?type=People%20Exported')).json().items;
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0].details).toMatchObject({ format: expect.stringMatching(/csv|xlsx/) });
  });
});

eachDatabase('actions on people named by key (R22)', (world) => {
  let a: Awaited<ReturnType<typeof communityWithPeople>>;
  beforeAll(async () => {
    a = await communityWithPeople(world);
  }, 120_000);

  const state = async (externalId: string) =>
    (
      await world.deps.db
        .selectFrom('people')
        .select(['active', 'deactivated_at'])
        .where('community_id', '=', a.community.id)
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow()
    ).active;

  it('deactivates people named by mobile number (any format), email or employee ID, each answered', async () => {
    const response = await a.client.post('/api/v1/people/by-key/deactivate', {
      keys: ['0044 7400 100001', 'W0@ACME.TEST', 'E2', 'nobody@acme.test', '+44 7400 999999'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const { done, failed, results } = response.json();
    expect({ done, failed }).toEqual({ done: 3, failed: 2 });
    expect(
      results.map((r: { key: string; status: string; code?: string }) => [r.key, r.status, r.code]),
    ).toEqual([
      ['0044 7400 100001', 'done', undefined],
      ['W0@ACME.TEST', 'done', undefined],
      ['E2', 'done', undefined],
      ['nobody@acme.test', 'error', 'not_found'],
      ['+44 7400 999999', 'error', 'not_found'],
    ]);
    for (const id of ['E0', 'E1', 'E2']) expect(await state(id)).toBe(0);
    const again = (await a.client.post('/api/v1/people/by-key/deactivate', { keys: ['E2'] })).json();
    expect(again.results[0]).toMatchObject({ status: 'done', code: 'already_deactivated' });
  });

  it('takes a leavers file: one column without a header, or Workplace columns', async () => {
    const plain = await upload(world, a.client, '+44 7400 100004\r\nw3@acme.test\r\nE5\r\n', {
      path: '/api/v1/people/by-key/deactivate',
    });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json()).toMatchObject({ done: 3, failed: 0 });
    const withHeader = await upload(
      world,
      a.client,
      toCsv(
        ['Employee Id', 'Last Day'],
        [
          ['E6', '2024-06-30'],
          ['E8', ''],
        ],
      ),
      {
        path: '/api/v1/people/by-key/deactivate',
      },
    );
    expect(withHeader.json()).toMatchObject({ done: 2, failed: 0 });
    for (const id of ['E3', 'E4', 'E5', 'E6', 'E8']) expect(await state(id)).toBe(0);
    expect(await state('E7')).toBe(1);
  });

  it('reactivates, reminds, resets and deletes by key', async () => {
    const back = (await a.client.post('/api/v1/people/by-key/reactivate', { keys: ['E3', 'E7'] })).json();
    expect(back.results.map((r: { status: string; code?: string }) => [r.status, r.code])).toEqual([
      ['done', undefined],
      ['done', 'not_deactivated'],
    ]);
    expect(await state('E3')).toBe(1);
    const before = await countRows(world, 'messages', a.community.id);
    const remind = (
      await a.client.post('/api/v1/people/by-key/remind', { keys: ['+44 7400 100010'], by: 'phone' })
    ).json();
    expect(remind).toMatchObject({ done: 1, failed: 0 });
    expect(await countRows(world, 'messages', a.community.id)).toBe(before + 1);
    const unclaim = (await a.client.post('/api/v1/people/by-key/unclaim', { keys: ['E11'] })).json();
    expect(unclaim.results[0]).toMatchObject({ status: 'error', code: 'no_contact_address' });
    const removed = (
      await a.client.post('/api/v1/people/by-key/delete', { keys: ['E14'], by: 'employeeId' })
    ).json();
    expect(removed).toMatchObject({ done: 1 });
    expect(
      await world.deps.db
        .selectFrom('people')
        .select('id')
        .where('external_id', '=', 'E14')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a list that is too long, and a list of nothing', async () => {
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `E${i}`).join('\r\n');
    expectProblem(
      await upload(world, a.client, tooMany, { path: '/api/v1/people/by-key/remind' }),
      413,
      'too_many_keys',
    );
    expectProblem(await a.client.post('/api/v1/people/by-key/remind', { keys: [] }), 400, 'invalid_request');
  });
});
