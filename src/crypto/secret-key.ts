import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Config, ConfigError } from '../config.js';

/**
 * The server's secret key. Set MUSTER_SECRET_KEY to 32 random bytes in hex. The embedded
 * default, whose database is a file that only this server opens, makes one at first start and
 * keeps it beside the database (readable by this user only); losing it only means admins enrol
 * their authenticator again. A PostgreSQL deployment, where several servers must agree on the
 * key and none has the database's folder, must set it.
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'databaseUrl'>): Buffer {
  if (config.secretKey) return config.secretKey;
  if (!config.databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError([
      'MUSTER_SECRET_KEY: required with PostgreSQL (generate one with `openssl rand -hex 32`, and give every server the same)',
    ]);
  }
  const databasePath = config.databaseUrl.slice('sqlite:'.length);
  if (databasePath === ':memory:') return randomBytes(32);
  const file = join(dirname(databasePath), 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const key = randomBytes(32);
  // At first start on a fresh clone the database's folder does not exist yet.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
