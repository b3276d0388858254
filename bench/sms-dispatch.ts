/**
 * SMS dispatch throughput (SPEC §8): texts drained from the outbox (the messages table) to a
 * local fake Twilio over HTTP, in texts per second, on SQLite and PostgreSQL, beside the goal
 * (2,000/s) and the peer: how many of the same requests per second the fake itself answers to a
 * bare load generator (autocannon, in its own process) at the same concurrency, in the same run.
 * The fake (test/fakes/twilio.ts, which holds every request to Twilio's API description) runs in
 * a process of its own, as Twilio is another machine. A text not sent, or a request the fake
 * finds against Twilio's contract, fails the run.
 *
 *   npm run bench:sms                            20,000 texts, SQLite and PostgreSQL
 *   BENCH_TEXTS=2000 BENCH_DATABASES=sqlite npm run bench:sms
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { newId } from '../src/crypto/random.js';
import type { Deps } from '../src/deps.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { type DatabaseKind, databaseKinds, LABEL, throwAwayDatabase } from './databases.js';
import { describeFailures, load } from './load.js';
import { openMuster } from './muster.js';
import { printTableIfAlone, report } from './report.js';

const TEXTS = Number(process.env.BENCH_TEXTS ?? 20_000);
const CONCURRENCY = 50;
/** Messages claimed per round. */
const BATCH = 500;
const PEER_SECONDS = 3;
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

/** The fake Twilio, in a process of its own (bench/fake-twilio-process.ts). */
interface FakeTwilioProcess {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Messages accepted and contract violations since the last report. */
  report(): Promise<{ accepted: number; violations: string[] }>;
  close(): Promise<void>;
}

async function startFakeTwilioProcess(): Promise<FakeTwilioProcess> {
  const child = fork(new URL('./fake-twilio-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`The fake Twilio stopped (exit ${code}).`)));
    });
  const started = await next<{ baseUrl: string; accountSid: string; authToken: string }>();
  child.removeAllListeners('exit');
  return {
    ...started,
    report: () => {
      const answer = next<{ accepted: number; violations: string[] }>();
      child.send({ op: 'report' });
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ op: 'close' });
      }),
  };
}

/** Peer: the fake alone answering the same request at the same concurrency (autocannon). */
async function fakeAlone(twilio: FakeTwilioProcess): Promise<number> {
  const form = new URLSearchParams({
    To: '+447911000000',
    From: '+15005550006',
    Body: 'Bench invited you to Muster. Tap to set your password: https://muster.example/claim/abc',
    StatusCallback: 'https://muster.example/api/v1/sms/twilio/status',
    ValidityPeriod: '36000',
  });
  const result = await load({
    url: twilio.baseUrl,
    paths: [`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`],
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    bodies: [form.toString()],
    duration: PEER_SECONDS,
    connections: CONCURRENCY,
  });
  const { violations } = await twilio.report();
  if (result.failures > 0 || result.rps === 0 || violations.length > 0) {
    throw new Error(
      `The fake Twilio refused the peer's requests: ${describeFailures(result)}; ${violations.slice(0, 3).join('; ')}`,
    );
  }
  return result.rps;
}

async function dispatch(kind: DatabaseKind, twilio: FakeTwilioProcess, peer: number) {
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
      const dispatcher = createDispatcher(
        deps,
        { sms: deps.sms, email: deps.mail },
        { concurrency: CONCURRENCY, batchSize: BATCH },
      );
      const start = performance.now();
      const handled = await dispatcher.drainAll();
      const rate = handled / ((performance.now() - start) / 1000);
      const sent = await deps.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      const { accepted, violations } = await twilio.report();
      if (Number(sent.n) !== TEXTS || accepted !== TEXTS || violations.length > 0) {
        throw new Error(
          `${LABEL[kind]}: ${Number(sent.n)} of ${TEXTS} texts sent, ${accepted} accepted by the fake; ${violations.slice(0, 3).join('; ')}`,
        );
      }
      report({
        bench: 'sms',
        name: `SMS dispatch to a fake Twilio, ${LABEL[kind]}, ${TEXTS.toLocaleString('en')} texts`,
        value: rate,
        unit: 'texts/s',
        peer: { name: 'the fake alone', value: peer },
        target: `≥ ${GOAL.toLocaleString('en')}/s`,
        met: rate >= GOAL,
        detail: `${TEXTS} of ${TEXTS} sent and accepted, ${CONCURRENCY} at a time, ${BATCH} claimed a round; contract violations: 0; the fake runs in a process of its own`,
      });
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

const twilio = await startFakeTwilioProcess();
try {
  const peer = await fakeAlone(twilio);
  console.log(`The fake Twilio alone: ${peer.toFixed(0)} requests/s at ${CONCURRENCY} connections`);
  for (const kind of databaseKinds()) await dispatch(kind, twilio, peer);
} finally {
  await twilio.close();
}
printTableIfAlone();
