import { beforeAll, expect, it } from 'vitest';
import { createImportWorker } from '../src/imports/worker.js';
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
  phoneOf,
  runWorker,
  toCsv,
  toXlsx,
  upload,
  workplaceFile,
  XLSX_TYPE,
} from './imports-support.js';

// Import jobs (R54): Workplace's files imported unchanged as a job on the server, idempotent,
// previewed, with per-row errors; R2, R3, R4 and R20 hold through them as through one person.

const ROWS = 300;

async function communityWithAdmin(world: World, { accessCodes = true } = {}) {
  const seeded = await seedCommunity(world);
  const client = await signIn(world.app, seeded.admin.email ?? '', undefined, seeded.slug);
  await enablePhoneProfiles(client);
  if (accessCodes) {
    const on = await client.patch('/api/v1/settings', { accessCodeProfilesEnabled: true });
    expect(on.statusCode, on.body).toBe(200);
  }
  return { ...seeded, client };
}

async function auditCount(world: World, communityId: string, type: string, requestId?: string) {
  let query = world.deps.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('type', '=', type);
  if (requestId) query = query.where('request_id', '=', requestId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

eachDatabase('import jobs: Workplace files (R54)', (world) => {
  const file = workplaceFile(ROWS);
  const csv = toCsv(file.header, file.rows);
  let a: Awaited<ReturnType<typeof communityWithAdmin>>;
  let first: Record<string, unknown> & { id: string };

  beforeAll(async () => {
    a = await communityWithAdmin(world);
    first = await importAndRun(world, a.client, csv, { query: '?fileName=staff.csv' });
  }, 180_000);

  it('imports mixed email, phone and employee-ID rows, with every manager in any order (R54)', async () => {
    expect(first).toMatchObject({
      state: 'done',
      dryRun: false,
      fileName: 'staff.csv',
      total: ROWS,
      processed: ROWS,
      created: ROWS,
      updated: 0,
      unchanged: 0,
      failed: 0,
      unknownColumns: [],
    });
    const people = await peopleProjection(world, a.community.id);
    const byId = new Map(people.map((p) => [p.externalId, p]));
    for (const [i, kind] of file.kinds.entries()) {
      const person = byId.get(`E${i}`);
      expect(person, `row ${i + 2}`).toMatchObject({
        loginKind: { email: 'email', phone: 'phone', employee: 'username' }[kind],
        email: kind === 'email' ? `w${i}@acme.test` : null,
        phone: kind === 'phone' ? phoneOf(i) : null,
        givenName: `Given${i}`,
        familyName: `Family${i}`,
        displayName: `Given${i} Family${i}`,
        department: `Dept ${i % 5}`,
        locale: i % 2 ? 'en-US' : 'pt-BR',
        startDate: `2024-0${(i % 9) + 1}-01`,
        manager: file.managerOf[i],
      });
    }
    const forward = file.managerOf.filter((m, i) => m !== null && Number(m.slice(1)) > i).length;
    const backward = file.managerOf.filter((m, i) => m !== null && Number(m.slice(1)) < i).length;
    expect(forward).toBeGreaterThan(20);
    expect(backward).toBeGreaterThan(20);
  });

  it('queues one invitation per phone and email account, in the same transactions (R3, R20, R50)', async () => {
    const invited = file.kinds.filter((kind) => kind !== 'employee').length;
    expect(await countRows(world, 'messages', a.community.id)).toBe(invited);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select(['recipient', 'medium', 'channel'])
      .where('community_id', '=', a.community.id)
      .execute();
    expect(new Set(texts.map((t) => t.recipient)).size).toBe(invited);
    expect(texts.every((t) => t.channel === 'import')).toBe(true);
    expect(texts.filter((t) => t.medium === 'sms')).toHaveLength(
      file.kinds.filter((k) => k === 'phone').length,
    );
  });

  it('audits the job and every change it makes, tied to the job (R36)', async () => {
    const requestId = `import:${first.id}`;
    expect(await auditCount(world, a.community.id, 'Import Started')).toBeGreaterThanOrEqual(1);
    expect(await auditCount(world, a.community.id, 'Import Finished', requestId)).toBe(1);
    expect(await auditCount(world, a.community.id, 'Account Created', requestId)).toBe(ROWS);
    expect(await auditCount(world, a.community.id, 'Invitation Sent', requestId)).toBe(
      file.kinds.filter((kind) => kind !== 'employee').length,
    );
    const finished = await world.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('request_id', '=', requestId)
      .where('type', '=', 'Import Finished')
      .executeTakeFirstOrThrow();
    expect(finished.actor_id).toBe(a.admin.id);
    expect(JSON.parse(finished.details)).toMatchObject({ importId: first.id, created: ROWS, failed: 0 });
  });

  it('re-running the file creates nobody and sends nothing (R54)', async () => {
    const people = await countRows(world, 'people', a.community.id);
    const messages = await countRows(world, 'messages', a.community.id);
    const again = await importAndRun(world, a.client, csv);
    expect(again).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: ROWS, failed: 0 });
    expect(await countRows(world, 'people', a.community.id)).toBe(people);
    expect(await countRows(world, 'messages', a.community.id)).toBe(messages);
  });

  it('imports an XLSX of the same rows exactly as the CSV (R54)', async () => {
    const b = await communityWithAdmin(world);
    const job = await importAndRun(world, b.client, await toXlsx(file.header, file.rows), {
      type: XLSX_TYPE,
    });
    expect(job).toMatchObject({ state: 'done', format: 'xlsx', created: ROWS, failed: 0 });
    const strip = (people: Awaited<ReturnType<typeof peopleProjection>>) =>
      people.filter((p) => p.externalId !== null);
    expect(strip(await peopleProjection(world, b.community.id))).toEqual(
      strip(await peopleProjection(world, a.community.id)),
    );
  }, 180_000);

  it('previews every row without writing anything (dryRun)', async () => {
    const c = await communityWithAdmin(world);
    const people = await countRows(world, 'people', c.community.id);
    const withExtras = toCsv(
      [...file.header, 'Shoe Size'],
      [
        ...file.rows.map((row) => [...row, '42']),
        ['bad-email', 'Bad', 'Row', '', '', '', '', '', '', '', '', '', 'X1', ''],
        ['', 'No', 'Boss', '', '', '', '', '', 'nobody@acme.test', '', '', '', 'X2', ''],
      ],
    );
    const preview = await importAndRun(world, c.client, withExtras, { query: '?dryRun=true' });
    expect(preview).toMatchObject({
      state: 'done',
      dryRun: true,
      total: ROWS + 2,
      created: ROWS,
      failed: 2,
      unknownColumns: ['Shoe Size'],
    });
    const failed = (await c.client.get(`/api/v1/imports/${preview.id}/rows?status=failed`)).json().items;
    expect(failed.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [ROWS + 2, 'invalid_request'],
      [ROWS + 3, 'manager_not_found'],
    ]);
    expect(failed[0].message).toMatch(/email/);
    expect(failed[1].message).toMatch(/nobody@acme.test/);
    expect(await countRows(world, 'people', c.community.id)).toBe(people);
    expect(await countRows(world, 'messages', c.community.id)).toBe(0);
  });
});

eachDatabase('import jobs: rows that fail, alone (R54, R2, R4)', (world) => {
  let a: Awaited<ReturnType<typeof communityWithAdmin>>;
  beforeAll(async () => {
    a = await communityWithAdmin(world);
  });

  it('fails a login repeated within the file on the later row; the first wins', async () => {
    const job = await importAndRun(
      world,
      a.client,
      toCsv(
        ['Phone Number', 'First Name'],
        [
          ['+44 7400 200001', 'First'],
          ['447400200001', 'Second'],
          ['0044 7400 200001', 'Third'],
        ],
      ),
    );
    expect(job).toMatchObject({ created: 1, failed: 2 });
    const rows = (await a.client.get(`/api/v1/imports/${job.id}/rows`)).json().items;
    expect(rows.map((r: { status: string; code: string | null }) => [r.status, r.code])).toEqual([
      ['created', null],
      ['failed', 'duplicate_in_file'],
      ['failed', 'duplicate_in_file'],
    ]);
    expect(rows[1].message).toMatch(/also on row 2/);
  });

  it('updates a person found by employee ID, but never their mobile number (R4)', async () => {
    await importAndRun(
      world,
      a.client,
      toCsv(
        ['Employee Id', 'Phone Number', 'First Name', 'Department'],
        [['H1', '+44 7400 300001', 'Hana', 'Bakery']],
      ),
    );
    const moved = await importAndRun(
      world,
      a.client,
      toCsv(
        ['Employee Id', 'Phone Number', 'First Name', 'Department'],
        [['H1', '+44 7400 300001', 'Hana', 'Deli']],
      ),
    );
    expect(moved).toMatchObject({ updated: 1, failed: 0 });
    const renumbered = await importAndRun(
      world,
      a.client,
      toCsv(['Employee Id', 'Phone Number', 'First Name'], [['H1', '+44 7400 399999', 'Hana']]),
    );
    expect(renumbered).toMatchObject({ updated: 0, failed: 1 });
    const rows = (await a.client.get(`/api/v1/imports/${renumbered.id}/rows`)).json().items;
    expect(rows[0]).toMatchObject({ status: 'failed', code: 'phone_immutable' });
    const person = await world.deps.db
      .selectFrom('people')
      .select(['phone', 'department', 'display_name'])
      .where('community_id', '=', a.community.id)
      .where('external_id', '=', 'H1')
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ phone: '+447400300001', department: 'Deli', display_name: 'Hana' });
  });

  it('refuses each bad row with its reason and loses nothing else (R2)', async () => {
    const job = await importAndRun(
      world,
      a.client,
      toCsv(
        ['Phone Number', 'First Name', 'Frontline', 'Start Date', 'Locale'],
        [
          ['+44 7400 400001', 'Good', 'yes', '2024-01-02', 'en_GB'],
          ['12', 'Short', '', '', ''],
          ['+44 20 7946 0000', 'Landline', '', '', ''],
          ['+44 7400 400002', 'Bad flag', 'maybe', '', ''],
          ['+44 7400 400003', 'Bad date', '', '02/01/2024', ''],
          ['+44 7400 400004', '', '', '', ''],
          ['+44 7400 400005', 'Also good', 'no', '', ''],
        ],
      ),
    );
    expect(job).toMatchObject({ created: 2, failed: 5 });
    const errors = await a.client.get(`/api/v1/imports/${job.id}/errors.csv`);
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-type']).toMatch(/^text\/csv/);
    const lines = errors.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Phone Number,First Name,Frontline,Start Date,Locale,Error');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['3', '4', '5', '6', '7']);
    expect(lines.join('\n')).toMatch(/frontline: must be true, false, yes, no, 1 or 0/);
    expect(lines.join('\n')).toMatch(/YYYY-MM-DD/);
  });

  it('makes employee-ID-only rows access-code accounts only while the community allows them (R21)', async () => {
    const b = await communityWithAdmin(world, { accessCodes: false });
    const job = await importAndRun(world, b.client, toCsv(['Employee Id', 'First Name'], [['Z1', 'Zoe']]));
    expect(job).toMatchObject({ created: 0, failed: 1 });
    const rows = (await b.client.get(`/api/v1/imports/${job.id}/rows`)).json().items;
    expect(rows[0]).toMatchObject({ code: 'access_code_profiles_disabled' });
    expect(rows[0].message).toMatch(/access codes/);
  });

  it('writes the errors file formula-safe, phone numbers intact (R37)', async () => {
    const job = await importAndRun(
      world,
      a.client,
      toCsv(
        ['Phone Number', 'First Name', 'Job Title'],
        [['+44 7400 500001', '=HYPERLINK("http://x")', 'x'.repeat(300)]],
      ),
    );
    expect(job.failed).toBe(1);
    const body = (await a.client.get(`/api/v1/imports/${job.id}/errors.csv`)).body;
    expect(body).toContain(`+44 7400 500001,"'=HYPERLINK(""http://x"")"`);
  });
});

eachDatabase(
  'import uploads: limits and forms (R54)',
  (world) => {
    let a: Awaited<ReturnType<typeof communityWithAdmin>>;
    beforeAll(async () => {
      a = await communityWithAdmin(world);
    });

    it('takes files past the JSON body limit, up to MUSTER_IMPORT_MAX_BYTES', async () => {
      const rows = Array.from({ length: 60 }, (_, i) => [`big${i}@acme.test`, `Name ${i}`]);
      const csv = toCsv(['Email', 'First Name'], rows);
      expect(csv.length).toBeGreaterThan(1024);
      expect(csv.length).toBeLessThan(4096);
      const job = await importAndRun(world, a.client, csv);
      expect(job).toMatchObject({ state: 'done', created: 60 });
      const big = await upload(world, a.client, `${csv}\r\n${'x,y\r\n'.repeat(1000)}`);
      expectProblem(big, 413, 'payload_too_large');
    });

    it('refuses a request without a file, or a file without column names, saying what to send', async () => {
      const bare = await world.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { cookie: a.client.cookie ?? '', 'x-csrf-token': a.client.csrfToken ?? '' },
      });
      expectProblem(bare, 400, 'import_file_required');
      expectProblem(await a.client.post('/api/v1/imports', { people: [] }), 400, 'import_file_required');
      expectProblem(await upload(world, a.client, ''), 400, 'import_file_required');
      const nameless = await upload(world, a.client, 'Ana,Silva\r\nKai,Lee\r\n');
      expectProblem(nameless, 400, 'import_header_invalid');
      const list = (await a.client.get('/api/v1/imports')).json().items;
      expect(list[0]).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/first row must name the columns/),
      });
    });

    it('takes the file from a multipart form, with its name', async () => {
      const body = [
        '--xyz',
        'Content-Disposition: form-data; name="file"; filename="june.csv"',
        'Content-Type: text/csv',
        '',
        'Email,First Name\r\nform@acme.test,Form',
        '--xyz--',
        '',
      ].join('\r\n');
      const job = await importAndRun(world, a.client, body, { type: 'multipart/form-data; boundary=xyz' });
      expect(job).toMatchObject({ state: 'done', created: 1, fileName: 'june.csv' });
    });

    it('cancels a job: what was applied stays, the rest is not done', async () => {
      const rows = Array.from({ length: 30 }, (_, i) => [`cancel${i}@acme.test`, `C${i}`]);
      const response = await upload(world, a.client, toCsv(['Email', 'First Name'], rows));
      const id = response.json().id;
      const worker = createImportWorker(world.deps, { batchSize: 10 });
      expect(await worker.runOnce()).toBe(10);
      const cancelled = await a.client.post(`/api/v1/imports/${id}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({ state: 'cancelled', processed: 10, created: 10 });
      await runWorker(world);
      expect((await a.client.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
        state: 'cancelled',
        processed: 10,
      });
      expectProblem(await a.client.post(`/api/v1/imports/${id}/cancel`), 409, 'import_finished');
      expect(await auditCount(world, a.community.id, 'Import Cancelled')).toBe(1);
    });

    it('lists imports newest first, a page at a time', async () => {
      const page = (await a.client.get('/api/v1/imports?limit=2')).json();
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toEqual(expect.any(String));
      const next = (await a.client.get(`/api/v1/imports?limit=2&cursor=${page.nextCursor}`)).json();
      expect(next.items[0].createdAt <= page.items[1].createdAt).toBe(true);
      expect(next.items[0].id < page.items[1].id).toBe(true);
    });
  },
  { config: { MUSTER_BODY_LIMIT_BYTES: '1024', MUSTER_IMPORT_MAX_BYTES: '4096' } },
);

eachDatabase('import jobs: sendInvitations (R3, R54)', (world) => {
  it('adds people without inviting them with sendInvitations=false, and invites them by default', async () => {
    const a = await communityWithAdmin(world);
    const file = (n: number) =>
      toCsv(
        ['Full Name', 'Email', 'Phone Number'],
        [
          [`Quiet Phone ${n}`, '', phoneOf(900 + n)],
          [`Quiet Mail ${n}`, `quiet${n}@acme.test`, ''],
        ],
      );
    const quiet = await importAndRun(world, a.client, file(1), { query: '?sendInvitations=false' });
    expect(quiet).toMatchObject({ state: 'done', created: 2, failed: 0, sendInvitations: false });
    expect(await countRows(world, 'messages', a.community.id)).toBe(0);
    const states = await a.client.get('/api/v1/people?state=not_invited');
    expect(states.statusCode, states.body).toBe(200);
    expect(states.json().items).toHaveLength(2);

    const loud = await importAndRun(world, a.client, file(2));
    expect(loud).toMatchObject({ state: 'done', created: 2, failed: 0, sendInvitations: true });
    expect(await countRows(world, 'messages', a.community.id)).toBe(2);
  });
});
