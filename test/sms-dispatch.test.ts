import { randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs } from '../src/outbox/attempt.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import type { SendResult, SmsProvider } from '../src/sms/providers/provider.js';
import { createTwilioProvider } from '../src/sms/providers/twilio.js';
import type { MessagesTable } from '../src/storage/schema.js';
import { type FakeTwilioMessage, signTwilioRequest, startFakeTwilio } from './fakes/twilio.js';
import {
  type Client,
  eachDatabase,
  enablePhoneProfiles,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// The SMS outbox and dispatcher (R50) against a fake Twilio that checks every request against
// Twilio's own API description (R51), on SQLite and PostgreSQL.

const twilio = await startFakeTwilio({
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
});
afterAll(() => twilio.close());

const FROM = '+15005550006';
const CALLBACK_URL = 'http://muster.test/api/v1/sms/twilio/status';
const E164 = /^\+[1-9]\d{1,14}$/;
const CLAIM_LINK = /http:\/\/muster\.test\/claim\/([A-Za-z0-9_-]{22,})/;

const twilioConfig = {
  MUSTER_SMS_PROVIDER: 'twilio',
  MUSTER_TWILIO_API_BASE: twilio.baseUrl,
  MUSTER_TWILIO_ACCOUNT_SID: twilio.accountSid,
  MUSTER_TWILIO_AUTH_TOKEN: twilio.authToken,
  MUSTER_TWILIO_FROM: FROM,
  MUSTER_PHONE_ACCOUNTS_PER_DAY: '1000',
};

/** `count` distinct UK mobile numbers; blocks 0, 1, 2, 7 and 8 are valid mobile ranges. */
function ukMobiles(count: number, block = 1): string[] {
  return Array.from({ length: count }, (_, i) => `+447911${block}${String(i).padStart(5, '0')}`);
}

describe('R50 backoff', () => {
  it('R50: retries back off exponentially, capped at five minutes, with jitter', () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const ceiling = Math.min(300_000, 2_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 20; i++) {
        const delay = backoffMs(attempt);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    const samples = new Set(Array.from({ length: 50 }, () => backoffMs(12)));
    expect(samples.size).toBeGreaterThan(1);
  });
});

describe('R51 Twilio adapter at the transport level', () => {
  const settings = {
    apiBase: twilio.baseUrl,
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: FROM,
    messagingServiceSid: undefined,
    statusCallbackUrl: CALLBACK_URL,
  };
  const sms = { id: 'message-1', to: '+447911123456', body: 'Hello from Muster', validForSeconds: 3600 };

  beforeEach(() => twilio.reset());

  // SEND_TIMEOUT_MS is 10 s and runs on real time, so this one test waits that long; it runs once,
  // not per database. The dispatcher's handling of transient results is covered per database below.
  it('R50: a request Twilio never answers times out and is transient, not permanent', async () => {
    twilio.hangNext(1);
    const result = await createTwilioProvider(settings).send(sms);
    expect(result).toEqual<SendResult>({
      ok: false,
      permanent: false,
      code: 'timeout',
      message: 'The provider did not answer in time.',
    });
    expect(twilio.counters.hung).toBe(1);
    expect(twilio.messages).toHaveLength(0);
    expect(twilio.violations).toEqual([]);
  });

  it('R51: wrong credentials get Twilio 401/20003, which keeps the text for a retry after the operator fixes them', async () => {
    const result = await createTwilioProvider({ ...settings, authToken: 'not-the-token' }).send(sms);
    expect(result).toEqual<SendResult>({
      ok: false,
      permanent: false,
      code: 'twilio_20003',
      message: 'Authenticate',
    });
    expect(twilio.counters.authFailures).toBe(1);
    expect(twilio.messages).toHaveLength(0);
    expect(twilio.violations).toEqual([]);
  });
});

eachDatabase(
  'SMS dispatch through Twilio',
  (world: World) => {
    beforeEach(async () => {
      // Whatever an earlier test left queued is now past every TTL and lease, and is settled
      // without reaching Twilio; then the fake starts clean.
      world.clock.advanceDays(2);
      await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll();
      twilio.reset();
    });

    const dispatcher = (options: Parameters<typeof createDispatcher>[2] = {}) =>
      createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }, options);

    async function phoneCommunity() {
      const { admin, slug, community } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '', undefined, slug);
      await enablePhoneProfiles(client);
      // An admin session ends after 12 idle hours (R41): tests that let days pass sign in again.
      const signInAgain = () => signIn(world.app, admin.email ?? '', undefined, slug);
      return { client, slug, community, signInAgain };
    }

    async function addPhonePerson(client: Client, phone: string): Promise<{ id: string; phone: string }> {
      const created = await client.post('/api/v1/people', { phone, givenName: 'Sam', familyName: 'Okafor' });
      expect(created.statusCode, created.body).toBe(201);
      return created.json();
    }

    async function textsTo(personId: string): Promise<MessagesTable[]> {
      return world.deps.db
        .selectFrom('messages')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('id')
        .execute();
    }

    async function onlyTextTo(personId: string): Promise<MessagesTable> {
      const texts = await textsTo(personId);
      expect(texts).toHaveLength(1);
      return texts[0] as MessagesTable;
    }

    function attemptsOf(messageId: string) {
      return world.deps.db
        .selectFrom('message_attempts')
        .selectAll()
        .where('message_id', '=', messageId)
        .orderBy('attempt')
        .execute();
    }

    /** Moves the clock to the moment a queued retry becomes due, and returns how far that was. */
    function advanceToRetry(row: MessagesTable): number {
      const wait = Date.parse(row.next_attempt_at) - world.clock.now().getTime();
      world.clock.advance(Math.max(0, wait));
      return wait;
    }

    function callback(message: FakeTwilioMessage, status: string, errorCode?: number, contentType?: string) {
      const request = twilio.statusCallback(message, status, errorCode);
      return world.app.inject({
        method: 'POST',
        url: request.path,
        headers: { ...request.headers, ...(contentType ? { 'content-type': contentType } : {}) },
        payload: request.payload,
      });
    }

    it('R51: a claim text reaches Twilio as a valid CreateMessage request, and the row keeps Twilio’s sid and no body (R32)', async () => {
      const { client, slug } = await phoneCommunity();
      const person = await addPhonePerson(client, '07911 123456');
      const queued = await onlyTextTo(person.id);
      expect(queued.status).toBe('queued');
      expect(queued.body).toContain('/claim/');

      expect(await dispatcher().drainAll()).toBe(1);

      expect(twilio.violations).toEqual([]);
      expect(twilio.counters.authFailures).toBe(0);
      expect(twilio.counters.requests).toBe(1);
      expect(twilio.messages).toHaveLength(1);
      const sent = twilio.messages[0] as FakeTwilioMessage;
      expect(sent.to).toBe('+447911123456');
      expect(sent.to).toMatch(E164);
      expect(sent.from).toBe(FROM);
      expect(sent.messagingServiceSid).toBeNull();
      expect(sent.body).toContain(`Community ${slug}`);
      expect(sent.statusCallback).toBe(CALLBACK_URL);
      const remainingSeconds = (Date.parse(queued.expires_at) - world.clock.now().getTime()) / 1000;
      expect(sent.validityPeriod).not.toBeNull();
      expect(sent.validityPeriod).toBeGreaterThanOrEqual(1);
      expect(sent.validityPeriod).toBeLessThanOrEqual(Math.min(36_000, remainingSeconds));

      // The link in the text is a working claim link (and opening it changes nothing, R7).
      const token = sent.body.match(CLAIM_LINK)?.[1];
      expect(token, sent.body).toBeTruthy();
      const page = await world.app.inject({ method: 'GET', url: `/api/v1/claim/${token}` });
      expect(page.statusCode, page.body).toBe(200);

      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({
        status: 'sent',
        provider: 'twilio',
        provider_message_id: sent.sid,
        attempts: 1,
        body: null,
        error_code: null,
        lease_expires_at: null,
      });
      expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
      expect(row.sent_at).toBe(world.clock.now().toISOString());
      expect(row.preview).not.toContain(token);
      const attempts = await attemptsOf(row.id);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({
        attempt: 1,
        outcome: 'sent',
        provider_message_id: sent.sid,
        error_code: null,
      });

      const detail = await client.get(`/api/v1/sms-messages/${row.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json()).toMatchObject({
        status: 'sent',
        provider: 'twilio',
        providerMessageId: sent.sid,
        attempts: 1,
      });
      expect(detail.json().attemptLog).toHaveLength(1);
      expect(JSON.stringify(detail.json())).not.toContain(token);
    });

    it('R50: Twilio 500s are retried with growing backoff; the text is delivered exactly once after three attempts', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123457');
      twilio.failNext(2, { status: 500, code: 20500, message: 'Internal Server Error' });

      expect(await dispatcher().drainAll()).toBe(1);
      let row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error_code: 'twilio_20500' });
      expect(row.body).not.toBeNull(); // still needed for the retry
      // Not due yet: a second drain right away sends nothing.
      expect(await dispatcher().drainAll()).toBe(0);
      expect(twilio.counters.sendRequests).toBe(1);
      const firstWait = advanceToRetry(row);

      expect(await dispatcher().drainAll()).toBe(1);
      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 2, error_code: 'twilio_20500' });
      const secondWait = advanceToRetry(row);
      expect(firstWait).toBeGreaterThan(0);
      expect(secondWait).toBeGreaterThanOrEqual(firstWait);

      expect(await dispatcher().drainAll()).toBe(1);
      expect(await dispatcher().drainAll()).toBe(0);
      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 3, body: null, error_code: null });
      expect(twilio.sendLog.map((entry) => entry.answer)).toEqual([500, 500, 201]);
      expect(twilio.messages).toHaveLength(1);
      expect(twilio.countByTo().get('+447911123457')).toBe(1);
      expect(row.provider_message_id).toBe(twilio.messages[0]?.sid);
      const attempts = await attemptsOf(row.id);
      expect(attempts.map((a) => [a.attempt, a.outcome, a.error_code])).toEqual([
        [1, 'transient_error', 'twilio_20500'],
        [2, 'transient_error', 'twilio_20500'],
        [3, 'sent', null],
      ]);
      expect(twilio.violations).toEqual([]);
    });

    it('R50: Twilio 429 (code 20429) is transient: the text waits and then goes out', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123458');
      twilio.failNext(1, { status: 429, code: 20429, message: 'Too Many Requests' });

      expect(await dispatcher().drainAll()).toBe(1);
      let row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error_code: 'twilio_20429' });
      advanceToRetry(row);
      expect(await dispatcher().drainAll()).toBe(1);
      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      expect((await attemptsOf(row.id)).map((a) => a.outcome)).toEqual(['transient_error', 'sent']);
      expect(twilio.countByTo().get('+447911123458')).toBe(1);
      expect(twilio.violations).toEqual([]);
    });

    it('R50: Twilio\'s full-queue error 21611 ("slow down") is transient, not a permanent failure', async () => {
      // Twilio answers 400/21611 when a From number already has hours of texts queued: a bulk
      // invitation run hits it, and each of those texts must wait and go out, not fail.
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123470');
      twilio.failNext(1, {
        status: 400,
        code: 21611,
        message: "This 'From' number has exceeded the maximum number of queued messages",
      });

      expect(await dispatcher().drainAll()).toBe(1);
      let row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error_code: 'twilio_21611' });
      advanceToRetry(row);
      expect(await dispatcher().drainAll()).toBe(1);
      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      expect(twilio.countByTo().get('+447911123470')).toBe(1);
    });

    // The time-out itself is proven once above (it takes SEND_TIMEOUT_MS of real time); here a
    // connection Twilio drops without answering stands in for it in the dispatcher.
    it('R50: a connection lost before Twilio answers is transient and retried', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123459');
      twilio.dropNext(1);

      expect(await dispatcher().drainAll()).toBe(1);
      let row = await onlyTextTo(person.id);
      expect(row.status).toBe('queued');
      expect(row.error_code).not.toBeNull();
      expect((await attemptsOf(row.id)).map((a) => a.outcome)).toEqual(['transient_error']);
      advanceToRetry(row);
      expect(await dispatcher().drainAll()).toBe(1);
      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, body: null });
      expect(twilio.sendLog.map((entry) => entry.answer)).toEqual(['dropped', 201]);
      expect(twilio.messages).toHaveLength(1);
    });

    it('R50: a permanent Twilio error (21211) fails at once, is never retried, and admins can resend it', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123460');
      twilio.failNext(1, {
        status: 400,
        code: 21211,
        message: "The 'To' number +447911123460 is not a valid phone number.",
      });

      expect(await dispatcher().drainAll()).toBe(1);
      const failed = await onlyTextTo(person.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, error_code: 'twilio_21211', body: null });
      expect((await attemptsOf(failed.id)).map((a) => [a.outcome, a.error_code])).toEqual([
        ['permanent_error', 'twilio_21211'],
      ]);
      world.clock.advanceMinutes(30);
      expect(await dispatcher().drainAll()).toBe(0);
      expect(twilio.counters.sendRequests).toBe(1);
      expect(twilio.messages).toHaveLength(0);

      const log = await client.get(`/api/v1/sms-messages?personId=${person.id}`);
      expect(log.statusCode, log.body).toBe(200);
      expect(log.json().items).toHaveLength(1);
      expect(log.json().items[0]).toMatchObject({
        id: failed.id,
        status: 'failed',
        resendable: true,
        error: { code: 'twilio_21211' },
      });
      const failedOnly = await client.get('/api/v1/sms-messages?status=failed');
      expect(failedOnly.json().items.map((m: { id: string }) => m.id)).toContain(failed.id);

      const resent = await client.post(`/api/v1/sms-messages/${failed.id}/resend`);
      expect(resent.statusCode, resent.body).toBe(200);
      const texts = await textsTo(person.id);
      expect(texts).toHaveLength(2);
      const fresh = texts.find((t) => t.id !== failed.id);
      expect(fresh).toMatchObject({ kind: 'claim_invitation', channel: 'resend', status: 'queued' });

      expect(await dispatcher().drainAll()).toBe(1);
      expect(twilio.messages).toHaveLength(1);
      expect(twilio.messages[0]?.to).toBe('+447911123460');
      expect(twilio.messages[0]?.body).toMatch(CLAIM_LINK);
      const after = await textsTo(person.id);
      expect(after.find((t) => t.id === failed.id)?.status).toBe('failed');
      expect(after.find((t) => t.id === fresh?.id)?.status).toBe('sent');
      // The resend is done: it is not resendable a second time.
      const again = await client.post(`/api/v1/sms-messages/${fresh?.id}/resend`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('sms_not_resendable');
      expect(twilio.violations).toEqual([]);
    });

    it('R50: Twilio is told to drop a text when its TTL ends: ValidityPeriod is never more than the time left', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123461');
      const queued = await onlyTextTo(person.id);
      world.clock.advanceMinutes(23 * 60 + 30);
      expect(await dispatcher().drainAll()).toBe(1);
      const left = (Date.parse(queued.expires_at) - world.clock.now().getTime()) / 1000;
      expect(left).toBe(30 * 60);
      expect(twilio.messages[0]?.validityPeriod).toBeGreaterThanOrEqual(1);
      expect(twilio.messages[0]?.validityPeriod).toBeLessThanOrEqual(left);
      expect(twilio.violations).toEqual([]);
    });

    it('R50: a text Twilio keeps refusing expires at its TTL and is never delivered', async () => {
      const { client, signInAgain } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123462');
      twilio.alwaysFail = { status: 503, code: 20503, message: 'Service Unavailable' };

      let row = await onlyTextTo(person.id);
      const expiresAt = Date.parse(row.expires_at);
      // Thirty minutes is past the five-minute backoff cap: each round retries once. A day's TTL
      // takes about 48 rounds; 100 bounds the loop.
      for (let round = 0; round < 100 && row.status === 'queued'; round++) {
        expect(await dispatcher().drainAll()).toBe(1);
        row = await onlyTextTo(person.id);
        if (row.status === 'queued') {
          expect(Date.parse(row.next_attempt_at)).toBeLessThan(expiresAt);
          world.clock.advanceMinutes(30);
        }
      }
      expect(row.status).toBe('expired');
      expect(row.body).toBeNull();
      expect(world.clock.now().getTime()).toBeLessThanOrEqual(expiresAt);
      expect(twilio.messages).toHaveLength(0);
      const attempts = await attemptsOf(row.id);
      expect(attempts).toHaveLength(row.attempts);
      expect(attempts.filter((a) => a.outcome === 'sent')).toHaveLength(0);
      // Every attempt that reached Twilio was a transient error; one more may have found the TTL over.
      expect(attempts.filter((a) => a.outcome === 'transient_error')).toHaveLength(
        twilio.counters.sendRequests,
      );
      expect(twilio.counters.sendRequests).toBeGreaterThan(40);

      // Twilio recovers, time moves on: the expired text stays undelivered.
      twilio.alwaysFail = null;
      world.clock.advanceMinutes(60);
      expect(await dispatcher().drainAll()).toBe(0);
      expect(twilio.messages).toHaveLength(0);
      const listed = await (await signInAgain()).get(`/api/v1/sms-messages?personId=${person.id}`);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().items[0]).toMatchObject({ status: 'expired', resendable: true });
      expect(twilio.violations).toEqual([]);
    });

    it('R50: a text whose TTL passed while it waited in the outbox is never sent', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123463');
      world.clock.advanceMinutes(24 * 60 + 1);

      expect(await dispatcher().drainAll()).toBe(1);
      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'expired', body: null, sent_at: null });
      expect((await attemptsOf(row.id)).map((a) => a.outcome)).toEqual(['expired']);
      expect(twilio.counters.requests).toBe(0);
    });

    it('R50: a crash after Twilio accepted a text but before it was recorded sends it once more after the lease: at most one duplicate, nothing lost', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123464');

      // A dispatcher that dies right after Twilio answered: its result is never recorded.
      let accepted: () => void = () => undefined;
      const twilioAnswered = new Promise<void>((resolve) => {
        accepted = resolve;
      });
      const real = world.deps.sms;
      const dying: SmsProvider = {
        name: real.name,
        async send(sms) {
          const result = await real.send(sms);
          expect(result.ok).toBe(true);
          accepted();
          return new Promise<never>(() => undefined);
        },
      };
      void createDispatcher(world.deps, { sms: dying, email: world.deps.mail }).drainOnce();
      await twilioAnswered;
      expect(twilio.messages).toHaveLength(1);
      let row = await onlyTextTo(person.id);
      expect(row.status).toBe('sending');

      // Another dispatcher leaves it alone while the lease (60 s) holds…
      expect(await dispatcher().drainAll()).toBe(0);
      world.clock.advance(30_000);
      expect(await dispatcher().drainAll()).toBe(0);
      // …and takes it over once the lease has lapsed.
      world.clock.advance(30_000);
      expect(await dispatcher().drainAll()).toBe(1);
      expect(await dispatcher().drainAll()).toBe(0);

      row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, body: null, lease_expires_at: null });
      expect(twilio.countByTo().get('+447911123464')).toBe(2);
      expect(row.provider_message_id).toBe(twilio.messages[1]?.sid);
      expect(twilio.violations).toEqual([]);
    });

    it('R50: a crash after claiming a text but before sending it loses nothing: it goes out once, after the lease', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123465');
      let claimed: () => void = () => undefined;
      const wasClaimed = new Promise<void>((resolve) => {
        claimed = resolve;
      });
      const dead: SmsProvider = {
        name: 'twilio',
        send() {
          claimed();
          return new Promise<never>(() => undefined);
        },
      };
      void createDispatcher(world.deps, { sms: dead, email: world.deps.mail }).drainOnce();
      await wasClaimed;
      expect((await onlyTextTo(person.id)).status).toBe('sending');
      expect(await dispatcher().drainAll()).toBe(0);

      world.clock.advance(60_000);
      expect(await dispatcher().drainAll()).toBe(1);
      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', body: null });
      expect(twilio.countByTo().get('+447911123465')).toBe(1);
      expect(twilio.messages).toHaveLength(1);
    });

    it('R50, R53: 200 texts queued in one burst are each delivered exactly once', async () => {
      const { client, community } = await phoneCommunity();
      const phones = ukMobiles(200, 2);
      const batch = await client.post('/api/v1/people/batch', {
        people: phones.map((phone, i) => ({ phone, givenName: `Worker ${i}` })),
        sendInvitations: true,
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json(), JSON.stringify(batch.json().results[0])).toMatchObject({
        created: 200,
        failed: 0,
      });

      expect(await dispatcher().drainAll()).toBe(200);
      expect(await dispatcher().drainAll()).toBe(0);

      expect(twilio.violations).toEqual([]);
      expect(twilio.messages).toHaveLength(200);
      const counts = twilio.countByTo();
      expect([...counts.keys()].sort()).toEqual([...phones].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const rows = await world.deps.db
        .selectFrom('messages')
        .select(['id', 'status', 'body', 'provider_message_id'])
        .where('community_id', '=', community.id)
        .execute();
      expect(rows).toHaveLength(200);
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(200);
      expect(rows.every((r) => r.body === null)).toBe(true);
      expect(new Set(rows.map((r) => r.provider_message_id))).toEqual(
        new Set(twilio.messages.map((m) => m.sid)),
      );
      const attempts = await world.deps.db
        .selectFrom('message_attempts')
        .select('message_id')
        .where(
          'message_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      expect(attempts).toHaveLength(200);
    });

    it('R53: two dispatchers draining the same outbox at once share the work and never send a text twice', async () => {
      const { client, community } = await phoneCommunity();
      const phones = ukMobiles(40, 7);
      const batch = await client.post('/api/v1/people/batch', {
        people: phones.map((phone, i) => ({ phone, displayName: `Picker ${i}` })),
        sendInvitations: true,
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json(), JSON.stringify(batch.json().results[0])).toMatchObject({ created: 40, failed: 0 });

      const d1 = dispatcher({ batchSize: 5, concurrency: 3 });
      const d2 = dispatcher({ batchSize: 5, concurrency: 3 });
      const [handled1, handled2] = await Promise.all([d1.drainAll(), d2.drainAll()]);
      expect(handled1 + handled2).toBe(40);
      expect(handled1).toBeGreaterThan(0);
      expect(handled2).toBeGreaterThan(0);

      expect(twilio.messages).toHaveLength(40);
      expect([...twilio.countByTo().values()].every((n) => n === 1)).toBe(true);
      expect(twilio.countByTo().size).toBe(40);
      const rows = await world.deps.db
        .selectFrom('messages')
        .select(['id', 'status', 'attempts'])
        .where('community_id', '=', community.id)
        .execute();
      expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['sent', 1]));
      expect(twilio.violations).toEqual([]);
    });

    it('R51: a signed "delivered" status callback marks the text delivered; intermediate statuses change nothing', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123466');
      expect(await dispatcher().drainAll()).toBe(1);
      const sent = twilio.messages[0] as FakeTwilioMessage;

      const sending = await callback(sent, 'sent');
      expect(sending.statusCode, sending.body).toBe(204);
      expect((await onlyTextTo(person.id)).status).toBe('sent');

      world.clock.advanceMinutes(1);
      const delivered = await callback(
        sent,
        'delivered',
        undefined,
        'application/x-www-form-urlencoded; charset=utf-8',
      );
      expect(delivered.statusCode, delivered.body).toBe(204);
      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'delivered', delivered_at: world.clock.now().toISOString() });
      const view = await client.get(`/api/v1/sms-messages/${row.id}`);
      expect(view.json()).toMatchObject({
        status: 'delivered',
        deliveredAt: world.clock.now().toISOString(),
      });
    });

    it('R51: an "undelivered" callback with ErrorCode 30003 marks the text failed and resendable', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123467');
      expect(await dispatcher().drainAll()).toBe(1);
      const sent = twilio.messages[0] as FakeTwilioMessage;

      const undelivered = await callback(sent, 'undelivered', 30003);
      expect(undelivered.statusCode, undelivered.body).toBe(204);
      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'failed', error_code: 'twilio_30003', delivered_at: null });
      const listed = await client.get(`/api/v1/sms-messages?personId=${person.id}`);
      expect(listed.json().items[0]).toMatchObject({
        status: 'failed',
        resendable: true,
        error: { code: 'twilio_30003' },
      });
    });

    it('R50, R51: a delivery report that arrives before the dispatcher has recorded the send is not lost', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123469');
      const real = world.deps.sms;
      // Twilio reports delivery while the dispatcher is still busy with the rest of its batch
      // (it records a whole batch at once, after the slowest send, up to SEND_TIMEOUT_MS later).
      const quickCarrier: SmsProvider = {
        name: real.name,
        async send(sms) {
          const result = await real.send(sms);
          const accepted = twilio.messages.at(-1);
          if (accepted) {
            const report = await callback(accepted, 'delivered');
            expect(report.statusCode, report.body).toBe(204);
          }
          return result;
        },
      };
      expect(
        await createDispatcher(world.deps, { sms: quickCarrier, email: world.deps.mail }).drainAll(),
      ).toBe(1);
      expect(twilio.messages).toHaveLength(1);
      const row = await onlyTextTo(person.id);
      expect(row.provider_message_id).toBe(twilio.messages[0]?.sid);
      expect(row.status).toBe('delivered');
    });

    it('R51: a status callback with a wrong or missing signature is refused with 403 signature_invalid and changes nothing', async () => {
      const { client } = await phoneCommunity();
      const person = await addPhonePerson(client, '+447911123468');
      expect(await dispatcher().drainAll()).toBe(1);
      const sent = twilio.messages[0] as FakeTwilioMessage;
      const genuine = twilio.statusCallback(sent, 'delivered');
      const other = twilio.statusCallback(sent, 'sent');

      const forgeries: { name: string; headers: Record<string, string>; payload: string }[] = [
        {
          name: 'signed with another auth token',
          headers: {
            ...genuine.headers,
            'x-twilio-signature': signTwilioRequest('not-the-token', genuine.url, genuine.params),
          },
          payload: genuine.payload,
        },
        {
          name: 'a signature of other parameters',
          headers: { ...genuine.headers, 'x-twilio-signature': other.headers['x-twilio-signature'] ?? '' },
          payload: genuine.payload,
        },
        {
          name: 'signed for another URL',
          headers: {
            ...genuine.headers,
            'x-twilio-signature': signTwilioRequest(
              twilio.authToken,
              'https://muster.test/api/v1/sms/twilio/status',
              genuine.params,
            ),
          },
          payload: genuine.payload,
        },
        {
          name: 'no signature',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: genuine.payload,
        },
        {
          name: 'an empty signature',
          headers: { ...genuine.headers, 'x-twilio-signature': '' },
          payload: genuine.payload,
        },
      ];
      for (const forgery of forgeries) {
        const response = await world.app.inject({
          method: 'POST',
          url: genuine.path,
          headers: forgery.headers,
          payload: forgery.payload,
        });
        expect(response.statusCode, forgery.name).toBe(403);
        expect(response.json().code, forgery.name).toBe('signature_invalid');
      }
      const row = await onlyTextTo(person.id);
      expect(row).toMatchObject({ status: 'sent', delivered_at: null, error_code: null });

      // The genuine report still works afterwards.
      const accepted = await world.app.inject({
        method: 'POST',
        url: genuine.path,
        headers: genuine.headers,
        payload: genuine.payload,
      });
      expect(accepted.statusCode, accepted.body).toBe(204);
      expect((await onlyTextTo(person.id)).status).toBe('delivered');
    });
  },
  { config: twilioConfig },
);
