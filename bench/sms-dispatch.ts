/**
 * SMS dispatch throughput (SPEC §7): texts drained from the outbox to a local fake Twilio, in
 * texts per second, beside the goal (2,000/s) and beside the peer: how many of the same
 * requests per second the fake itself answers to a bare client at the same concurrency.
 *
 *   npm run bench:sms            (SQLite)
 *   MUSTER_DATABASE_URL=postgres://… npm run bench:sms
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/crypto/random.js';
import { openDeps } from '../src/main.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { capabilitiesOf } from '../src/storage/db.js';
import { startFakeTwilio } from '../test/fakes/twilio.js';

const TEXTS = Number(process.env.BENCH_TEXTS ?? 20_000);
const CONCURRENCY = 50;
const GOAL = 2_000;

const dir = mkdtempSync(join(tmpdir(), 'muster-bench-'));
const databaseUrl = process.env.MUSTER_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
const twilio = await startFakeTwilio({
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
});

try {
  const config = loadConfig({
    MUSTER_LOG_LEVEL: 'silent',
    MUSTER_DATABASE_URL: databaseUrl,
    // A throw-away key: the benchmark's database is thrown away too.
    MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
    MUSTER_SMS_PROVIDER: 'twilio',
    MUSTER_TWILIO_API_BASE: twilio.baseUrl,
    MUSTER_TWILIO_ACCOUNT_SID: twilio.accountSid,
    MUSTER_TWILIO_AUTH_TOKEN: twilio.authToken,
    MUSTER_TWILIO_FROM: '+15005550006',
    MUSTER_PUBLIC_URL: 'https://muster.example',
  });
  const { deps, close } = await openDeps(config, () => undefined);

  // The outbox as a burst of invitations leaves it: one community, many queued texts.
  const now = new Date();
  const communityId = newId(now);
  await deps.db
    .insertInto('communities')
    .values({
      id: communityId,
      name: 'Bench',
      slug: `bench-${randomBytes(3).toString('hex')}`,
      plan: 'core',
      time_zone: 'UTC',
      default_locale: 'en',
      default_country: 'GB',
      domain_verified: 1,
      settings: '{}',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  const rows = Array.from({ length: TEXTS }, (_, i) => ({
    id: newId(now),
    community_id: communityId,
    person_id: null,
    medium: 'sms' as const,
    subject: null,
    locale: 'en',
    recipient: `+447911${String(i).padStart(6, '0')}`,
    kind: 'claim_invitation' as const,
    channel: 'bench',
    body: `Bench invited you to Muster. Tap to set your password: https://muster.example/claim/${randomBytes(18).toString('base64url')}`,
    preview: 'Bench invited you to Muster. Tap to set your password: https://muster.example/claim/[hidden]',
    status: 'queued' as const,
    attempts: 0,
    next_attempt_at: now.toISOString(),
    lease_expires_at: null,
    expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    provider: null,
    provider_message_id: null,
    error_code: null,
    error_message: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    sent_at: null,
    delivered_at: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await deps.db
      .insertInto('messages')
      .values(rows.slice(i, i + 500))
      .execute();

  // Peer: the fake alone, same request, same concurrency, no database.
  const peerRequests = Math.min(TEXTS, 10_000);
  const form = new URLSearchParams({ To: '+447911000000', From: '+15005550006', Body: 'peer' });
  const auth = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`;
  const url = `${twilio.baseUrl}/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`;
  let next = 0;
  const peerStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < peerRequests) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        });
        await response.arrayBuffer();
      }
    }),
  );
  const peerRate = peerRequests / ((performance.now() - peerStart) / 1000);
  twilio.reset();

  const dispatcher = createDispatcher(deps, { sms: deps.sms, email: deps.mail }, { concurrency: CONCURRENCY, batchSize: 500 });
  const start = performance.now();
  const handled = await dispatcher.drainAll();
  const seconds = (performance.now() - start) / 1000;
  const rate = handled / seconds;
  const sent = await deps.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();

  console.log(`SMS dispatch on ${capabilitiesOf(deps.db).name}: ${TEXTS} texts, concurrency ${CONCURRENCY}`);
  console.log(
    `  dispatched      ${rate.toFixed(0).padStart(7)} texts/s   (goal ≥ ${GOAL}/s: ${rate >= GOAL ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  peer: the fake  ${peerRate.toFixed(0).padStart(7)} requests/s (same requests, no database): ${((rate / peerRate) * 100).toFixed(0)}% of it`,
  );
  console.log(`  sent ${Number(sent.n)} of ${TEXTS}; contract violations: ${twilio.violations.length}`);
  await close();
} finally {
  await twilio.close();
  rmSync(dir, { recursive: true, force: true });
}
