/**
 * The peer for password sign-in: Better Auth (npm `better-auth`) with its phone-number plugin,
 * signing people in by mobile number and password over HTTP on the same kind of database, as its
 * documentation sets it up. Its own rate limiter is turned off (Muster's throttles are kept
 * out of the way by the benchmark's spread of client addresses instead).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { phoneNumber } from 'better-auth/plugins/phone-number';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseKind } from './databases.js';

/** Muster's argon2id parameters (src/crypto/passwords.ts), given to Better Auth as its hasher. */
const MUSTER_ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export type PeerHashing = 'default' | 'argon2id';

export interface BetterAuthPeer {
  url: string;
  /** Where a phone number and password are posted to sign in. */
  signInPath: string;
  close(): Promise<void>;
}

function openDatabase(kind: DatabaseKind, url: string) {
  if (kind === 'sqlite') {
    const database = new SQLite(url.slice('sqlite:'.length));
    database.pragma('journal_mode = WAL');
    return { database, close: async () => database.close() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (its throw-away database dropped as the run finishes) is
  // not the peer's failure; unheard, pg's 'error' event would end the whole benchmark.
  pool.on('error', () => undefined);
  return { database: pool, close: () => pool.end() };
}

/**
 * Starts Better Auth on 127.0.0.1 over an empty database of its own (its tables made by its own
 * migrations) and seeds `people` users with a phone number and the same password, hashed once
 * with the chosen hasher (each sign-in still verifies at full cost).
 */
export async function startBetterAuth(options: {
  kind: DatabaseKind;
  databaseUrl: string;
  hashing: PeerHashing;
  people: number;
  password: string;
  phoneOf: (n: number) => string;
}): Promise<BetterAuthPeer> {
  const { database, close } = openDatabase(options.kind, options.databaseUrl);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = {
    database,
    baseURL: url,
    secret: randomBytes(32).toString('hex'),
    emailAndPassword: {
      enabled: true,
      ...(options.hashing === 'argon2id'
        ? {
            password: {
              hash: (password: string) => hash(password, MUSTER_ARGON2),
              verify: ({ hash: stored, password }: { hash: string; password: string }) =>
                verify(stored, password),
            },
          }
        : {}),
    },
    plugins: [phoneNumber()],
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
  };
  const auth = betterAuth(config);
  const { runMigrations } = await getMigrations(config);
  await runMigrations();
  const context = await auth.$context;
  const passwordHash = await context.password.hash(options.password);
  for (let n = 0; n < options.people; n++) {
    const user = await context.internalAdapter.createUser(
      {
        name: `Worker ${n}`,
        email: `worker${n}@peer.example`,
        emailVerified: false,
        phoneNumber: options.phoneOf(n),
        phoneNumberVerified: true,
      },
      { method: 'phone-number' },
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: passwordHash,
    });
  }
  server.on('request', toNodeHandler(auth));
  const peer: BetterAuthPeer = {
    url,
    signInPath: '/api/auth/sign-in/phone-number',
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
  await checkSignIn(peer, options.phoneOf(0), options.password).catch(async (error: unknown) => {
    await peer.close();
    throw error;
  });
  return peer;
}

/** One seeded person signs in (200 and a session token) before any load: a peer that signs nobody in measures nothing. */
async function checkSignIn(peer: BetterAuthPeer, phoneNumber: string, password: string) {
  const response = await fetch(`${peer.url}${peer.signInPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumber, password }),
  });
  const answer = (await response.json().catch(() => ({}))) as { token?: string };
  if (response.status !== 200 || !answer.token) {
    throw new Error(
      `Better Auth did not sign a seeded person in: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`,
    );
  }
}
