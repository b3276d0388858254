import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key.js';

describe('the embedded default secret key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'muster-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is made at first start beside a database whose folder does not exist yet, then kept', () => {
    const databaseUrl = `sqlite:${join(dir, 'data', 'muster.db')}`;
    const made = loadSecretKey({ secretKey: null, databaseUrl });
    expect(made).toHaveLength(32);
    const file = join(dir, 'data', 'secret.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(made.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ secretKey: null, databaseUrl })).toEqual(made);
  });

  it('is required with PostgreSQL', () => {
    expect(() => loadSecretKey({ secretKey: null, databaseUrl: 'postgres://127.0.0.1/muster' })).toThrow(
      /MUSTER_SECRET_KEY/,
    );
  });
});
