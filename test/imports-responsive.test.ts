import { expect, it } from 'vitest';
import { createImportWorker } from '../src/imports/worker.js';
import { ADMIN_PASSWORD, eachDatabase, seedCommunity, signIn } from './harness.js';
import { toCsv, upload } from './imports-support.js';

// An import runs inside the server (R54), so the server must go on answering while it does. On
// SQLite every statement is synchronous: a worker that went from batch to batch without letting
// the event loop turn answered no request, not even for its own progress, until it was done.
eachDatabase('the server answers while an import runs (R54)', (world) => {
  it('a request over real HTTP is answered mid-import, before the job is done', async () => {
    const seeded = await seedCommunity(world);
    const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
    const lines = 2000;
    const file = toCsv(
      ['Email', 'Full Name'],
      Array.from({ length: lines }, (_, i) => [`busy${i}@responsive.example`, `Busy ${i}`]),
    );
    const uploaded = await upload(world, admin, file, { query: '?sendInvitations=false' });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    const made = await admin.post('/api/v1/tokens', { name: 'progress', scopes: ['rest'] });
    expect(made.statusCode, made.body).toBe(201);

    const url = await world.app.listen({ port: 0, host: '127.0.0.1' });
    const worker = createImportWorker(world.deps, { batchSize: 20, pollMs: 10 });
    worker.start();
    try {
      const progress = await fetch(`${url}/api/v1/imports/${uploaded.json().id}`, {
        headers: { authorization: `Bearer ${made.json().token}` },
      });
      const job = (await progress.json()) as { state: string; processed: number; total: number };
      // Queued if the request came before the worker's first batch; never done yet.
      expect(['queued', 'running']).toContain(job.state);
      expect(job.processed).toBeLessThan(lines);
    } finally {
      await worker.stop();
    }
  });
});
