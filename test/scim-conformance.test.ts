import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDatabase, seedCommunity, signIn } from './harness.js';
import { ROOT } from './processes.js';

/**
 * Microsoft's SCIM test collection (the one its Entra provisioning team publishes) run unedited
 * under newman against a real listening server (R28). The collection is third-party material that
 * is not part of this repository: it is read from MUSTER_PEERS_DIR, or from a `shared/peers` folder
 * beside the checkout. Where it is absent this suite is skipped with a notice; CI runs it from a
 * checkout that has it, and fails if it was skipped there (MUSTER_REQUIRE_PEERS=1).
 *
 * A few of its expectations hold only for Microsoft's own reference server; each is listed in
 * scim-conformance.allowlist.json with the reason it does not apply to Muster.
 */
const PEERS = process.env.MUSTER_PEERS_DIR ?? resolve(ROOT, '..', 'shared', 'peers');
const COLLECTION = resolve(PEERS, 'microsoft-scim', 'PostmanCollection.json');
const present = existsSync(COLLECTION);

if (!present) {
  if (process.env.MUSTER_REQUIRE_PEERS === '1') {
    throw new Error(`Microsoft's SCIM collection must run here, but ${COLLECTION} is missing.`);
  }
  process.stdout.write(
    `Microsoft SCIM conformance: SKIPPED (no collection at ${COLLECTION}; set MUSTER_PEERS_DIR)\n`,
  );
}

interface Allowed {
  request: string;
  assertion: string;
  reason: string;
}

const allowList = JSON.parse(
  readFileSync(new URL('./scim-conformance.allowlist.json', import.meta.url), 'utf8'),
) as Allowed[];

interface Failure {
  request: string;
  assertion: string;
  message: string;
}

/** Runs every folder but "Get Token" (Muster's tokens come from an admin, not from the API). */
function runCollection(port: number, token: string): Promise<Failure[]> {
  const collection = JSON.parse(readFileSync(COLLECTION, 'utf8')) as { item: { name: string }[] };
  const folders = collection.item.map((item) => item.name).filter((name) => name !== 'Get Token');
  return new Promise((resolvePromise, reject) => {
    newman.run(
      {
        collection,
        folder: folders,
        envVar: [
          { key: 'Protocol', value: 'http' },
          { key: 'Server', value: '127.0.0.1' },
          { key: 'Port', value: `:${port}` },
          { key: 'Api', value: 'scim/v2' },
          { key: 'token', value: token },
        ],
        reporters: [],
      },
      (error, summary) => {
        if (error) return reject(error);
        resolvePromise(
          summary.run.failures.map((failure) => ({
            request: failure.source?.name ?? '(unknown request)',
            assertion: (failure.error as { test?: string }).test ?? failure.error.name,
            message: failure.error.message,
          })),
        );
      },
    );
  });
}

describe.runIf(present)('Microsoft SCIM collection under newman (R28)', () => {
  eachDatabase('conformance', (world) => {
    let port = 0;
    beforeAll(async () => {
      await world.app.listen({ port: 0, host: '127.0.0.1' });
      port = (world.app.server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await world.app.close();
    });

    it('passes every request, apart from the allow-listed Microsoft-specific expectations', async () => {
      const { admin } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '');
      const made = await client.post('/api/v1/tokens', {
        name: 'Microsoft SCIM collection',
        scopes: ['scim'],
      });
      expect(made.statusCode, made.body).toBe(201);
      const failures = await runCollection(port, made.json().token);
      if (process.env.MUSTER_PRINT_SCIM_FAILURES)
        process.stdout.write(`${JSON.stringify(failures, null, 1)}\n`);
      const isAllowed = (f: Failure) =>
        allowList.some((a) => a.request === f.request && a.assertion === f.assertion);
      expect(failures.filter((f) => !isAllowed(f))).toEqual([]);
      // An entry that no longer fails is stale: the list names only what really differs.
      const stale = allowList.filter(
        (a) => !failures.some((f) => f.request === a.request && f.assertion === a.assertion),
      );
      expect(stale).toEqual([]);
    }, 120_000);
  });
});
