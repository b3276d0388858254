/**
 * SMS dispatch throughput (SPEC §8): texts drained from the outbox (the messages table) to a
 * local fake Twilio over HTTP, in texts per second, on SQLite and PostgreSQL, beside the goal
 * (2,000/s) and the peer: how many of the same requests per second the fake itself answers to a
 * bare client at the same concurrency, in the same run.
 *
 *   npm run bench:sms                            20,000 texts, SQLite and PostgreSQL
 *   BENCH_TEXTS=2000 BENCH_DATABASES=sqlite npm run bench:sms
 */
import { randomBytes } from 'node:crypto';
import { newId } from '../src/crypto/random.js';
import type { Deps } from '../src/deps.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { type FakeTwilio, startFakeTwilio } from '../test/fakes/twilio.js';
import { type DatabaseKind, databaseKinds, LABEL, throwAwayDatabase } from './databases.js';
import { openMuster } from './muster.js';
import { printTableIfAlone, report } from './report.js';

const TEXTS = Number(process.env.BENCH_TEXTS ?? 20_000);
const CONCURRENCY = 50;
const GOAL = 2_000;

async function queueTexts(deps: Deps) {
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
}

/** Peer: the fake alone, same request, same concurrency, no database. */
async function fakeAlone(twilio: FakeTwilio): Promise<number> {
  const requests = Math.min(TEXTS, 10_000);
  const form = new URLSearchParams({ To: '+447911000000', From: '+15005550006', Body: 'peer' });
  const auth = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`;
  const url = `${twilio.baseUrl}/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < requests) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        });
        await response.arrayBuffer();
      }
    }),
  );
  twilio.reset();
  return requests / ((performance.now() - start) / 1000);
}

async function dispatch(kind: DatabaseKind, twilio: FakeTwilio) {
  const database = await throwAwayDatabase(kind);
  if (!database) return;
  try {
    const { deps, close } = await openMuster(database.url, {
      MUSTER_SMS_PROVIDER: 'twilio',
      MUSTER_TWILIO_API_BASE: twilio.baseUrl,
      MUSTER_TWILIO_ACCOUNT_SID: twilio.accountSid,
      MUSTER_TWILIO_AUTH_TOKEN: twilio.authToken,
      MUSTER_TWILIO_FROM: '+15005550006',
    });
    try {
      await queueTexts(deps);
      const peer = await fakeAlone(twilio);
      const dispatcher = createDispatcher(
        deps,
        { sms: deps.sms, email: deps.mail },
        { concurrency: CONCURRENCY, batchSize: 500 },
      );
      const start = performance.now();
      const handled = await dispatcher.drainAll();
      const rate = handled / ((performance.now() - start) / 1000);
      const sent = await deps.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      report({
        bench: 'sms',
        name: `SMS dispatch to a fake Twilio, ${LABEL[kind]}, ${TEXTS.toLocaleString('en')} texts`,
        value: rate,
        unit: 'texts/s',
        peer: { name: 'the fake alone', value: peer },
        target: `≥ ${GOAL.toLocaleString('en')}/s`,
        met: rate >= GOAL && Number(sent.n) === TEXTS && twilio.violations.length === 0,
        detail: `${Number(sent.n)} of ${TEXTS} sent, ${CONCURRENCY} at a time; contract violations: ${twilio.violations.length}`,
      });
      twilio.reset();
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

const twilio = await startFakeTwilio({
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
});
try {
  for (const kind of databaseKinds()) await dispatch(kind, twilio);
} finally {
  await twilio.close();
}
printTableIfAlone();
