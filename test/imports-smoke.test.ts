import { expect, it } from 'vitest';
import { createImportWorker } from '../src/imports/worker.js';
import { eachDatabase, enablePhoneProfiles, seedCommunity, signIn } from './harness.js';

eachDatabase('imports smoke', (world) => {
  it('imports a small file', async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', undefined, slug);
    await enablePhoneProfiles(client);
    const csv = [
      'Email,First Name,Last Name,Phone Number,Manager Email,Locale,Frontline,Start Date,Shoe Size',
      'ana@example.com,Ana,Silva,,boss@example.com,pt_BR,yes,2024-03-01,38',
      ',Kai,Lee,+44 7400 900123,ana@example.com,en_GB,no,,40',
      'boss@example.com,Bo,Boss,,,,,,',
      'ana@example.com,Dup,Licate,,,,,,',
    ].join('\n');
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/imports?fileName=staff.csv',
      headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': 'text/csv' },
      payload: csv,
    });
    console.log(response.statusCode, response.body);
    const worker = createImportWorker(world.deps, { batchSize: 2, onError: (e) => console.error(e) });
    console.log(await worker.drainAll());
    const job = await client.get(response.headers.location as string);
    console.log(job.body);
    const rows = await client.get(`${response.headers.location}/rows`);
    console.log(rows.body);
    const errors = await client.get(`${response.headers.location}/errors.csv`);
    console.log(errors.body);
    const people = await client.get('/api/v1/people?limit=20');
    console.log(people.json().items.map((p: { displayName: string; managerId: string | null; id: string; locale: string }) => [p.displayName, p.id, p.managerId, p.locale]));
    const again = await world.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': 'text/csv' },
      payload: csv,
    });
    await worker.drainAll();
    console.log((await client.get(again.headers.location as string)).body);
    const exp = await client.get('/api/v1/people/export');
    console.log(exp.statusCode, exp.body);
    expect(response.statusCode).toBe(202);
  });
});
