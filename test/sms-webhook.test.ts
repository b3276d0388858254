import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import type { MessagesTable } from '../src/storage/schema.js';
import {
  type Client,
  devInbox,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// The generic signed-webhook SMS provider (R51) against a real HTTP gateway on 127.0.0.1 that
// checks the signature with its own HMAC code, and the console provider's development inbox.

interface GatewayText {
  id: string;
  to: string;
  body: string;
  validForSeconds: number;
  timestamp: number;
  idempotencyKey: string | undefined;
}

interface GatewayAnswer {
  status: number;
  body?: unknown;
}

/**
 * An operator's SMS gateway: verifies `Muster-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret,
 * t + "." + raw body)>` and the JSON shape, then answers as told (202 with an id by default).
 * Anything it cannot accept is answered 401/400 and recorded in `violations`.
 */
async function startGateway(secret: string) {
  const texts: GatewayText[] = [];
  const violations: string[] = [];
  const answers: GatewayAnswer[] = [];
  let requests = 0;

  function reply(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function refuse(res: ServerResponse, status: number, problem: string) {
    violations.push(problem);
    reply(res, status, { error: 'refused_by_test_gateway', message: problem });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method !== 'POST' || req.url !== '/sms') return refuse(res, 404, `${req.method} ${req.url}`);
    if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== 'application/json') {
      return refuse(res, 400, `content-type ${req.headers['content-type']}`);
    }
    const header = req.headers['muster-signature'];
    const parts = typeof header === 'string' ? /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) : null;
    if (!parts?.[1] || !parts[2]) return refuse(res, 401, `malformed signature header ${String(header)}`);
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.concat([Buffer.from(`${parts[1]}.`, 'utf8'), raw]))
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(parts[2], 'hex')))
      return refuse(res, 401, 'signature mismatch');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(res, 400, 'body is not JSON');
    }
    const keys = Object.keys(body).sort().join(',');
    if (keys !== 'body,id,to,validForSeconds') return refuse(res, 400, `unexpected fields ${keys}`);
    if (
      typeof body.id !== 'string' ||
      typeof body.to !== 'string' ||
      !/^\+[1-9]\d{1,14}$/.test(body.to) ||
      typeof body.body !== 'string' ||
      body.body.length === 0 ||
      typeof body.validForSeconds !== 'number' ||
      !(body.validForSeconds > 0)
    ) {
      return refuse(res, 400, `malformed text ${raw.toString('utf8')}`);
    }
    const idempotencyKey = req.headers['idempotency-key'];
    const text: GatewayText = {
      id: body.id,
      to: body.to,
      body: body.body,
      validForSeconds: body.validForSeconds,
      timestamp: Number(parts[1]),
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
    };
    const answer = answers.shift() ?? { status: 202, body: { id: `gw-${texts.length + 1}` } };
    if (answer.status >= 200 && answer.status < 300) texts.push(text);
    reply(res, answer.status, answer.body ?? {});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`gateway crashed: ${String(error)}`);
      if (!res.headersSent) reply(res, 500, {});
    });
  });
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    texts,
    violations,
    get requests() {
      return requests;
    },
    answerNext(answer: GatewayAnswer) {
      answers.push(answer);
    },
    reset() {
      texts.length = 0;
      violations.length = 0;
      answers.length = 0;
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const SECRET = randomBytes(24).toString('hex');
const gateway = await startGateway(SECRET);
afterAll(() => gateway.close());

async function phoneCommunity(world: World) {
  const { admin, slug } = await seedCommunity(world);
  const client = await signIn(world.app, admin.email ?? '', undefined, slug);
  await enablePhoneProfiles(client);
  return { client, slug };
}

async function addPhonePerson(client: Client, phone: string): Promise<{ id: string }> {
  const created = await client.post('/api/v1/people', { phone, givenName: 'Sam' });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

async function onlyTextTo(world: World, personId: string): Promise<MessagesTable> {
  const rows = await world.deps.db
    .selectFrom('messages')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  expect(rows).toHaveLength(1);
  return rows[0] as MessagesTable;
}

function attemptsOf(world: World, messageId: string) {
  return world.deps.db
    .selectFrom('message_attempts')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('attempt')
    .execute();
}

eachDatabase(
  'SMS through the signed webhook',
  (world) => {
    beforeEach(async () => {
      world.clock.advanceDays(2);
      await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll();
      gateway.reset();
    });

    it('the gateway this file uses refuses a text signed with another secret (so its checks can fail)', async () => {
      const raw = JSON.stringify({ id: 'x', to: '+447911123456', body: 'hi', validForSeconds: 60 });
      const t = Math.floor(Date.now() / 1000);
      const forged = createHmac('sha256', 'another secret of enough length')
        .update(`${t}.${raw}`)
        .digest('hex');
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'muster-signature': `t=${t},v1=${forged}` },
        body: raw,
      });
      expect(response.status).toBe(401);
      expect(gateway.violations).toEqual(['signature mismatch']);
      expect(gateway.texts).toHaveLength(0);
    });

    it('R51: each text is a signed JSON POST to the gateway; a 2xx answer marks it sent and clears its body (R32)', async () => {
      const { client, slug } = await phoneCommunity(world);
      const person = await addPhonePerson(client, '+447911123456');
      const queued = await onlyTextTo(world, person.id);

      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(1);

      expect(gateway.violations).toEqual([]);
      expect(gateway.requests).toBe(1);
      expect(gateway.texts).toHaveLength(1);
      const text = gateway.texts[0] as GatewayText;
      expect(text).toMatchObject({ id: queued.id, to: '+447911123456', idempotencyKey: queued.id });
      expect(text.body).toContain(`Community ${slug}`);
      expect(text.body).toMatch(/http:\/\/muster\.test\/claim\/[A-Za-z0-9_-]{22,}/);
      // The signature's timestamp is the server's clock, so the gateway can refuse stale replays.
      expect(text.timestamp).toBe(Math.floor(world.clock.now().getTime() / 1000));
      expect(text.validForSeconds).toBeGreaterThan(0);
      expect(text.validForSeconds).toBeLessThanOrEqual(
        (Date.parse(queued.expires_at) - world.clock.now().getTime()) / 1000,
      );

      const row = await onlyTextTo(world, person.id);
      expect(row).toMatchObject({
        status: 'sent',
        provider: 'webhook',
        provider_message_id: 'gw-1',
        attempts: 1,
        body: null,
      });
      expect((await attemptsOf(world, row.id)).map((a) => a.outcome)).toEqual(['sent']);
    });

    it('R50: a 500 from the gateway is transient: the text is retried and sent once', async () => {
      const { client } = await phoneCommunity(world);
      const person = await addPhonePerson(client, '+447911123457');
      gateway.answerNext({ status: 500, body: { message: 'gateway restarting' } });

      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(1);
      let row = await onlyTextTo(world, person.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error_code: 'webhook_500' });
      expect(row.body).not.toBeNull();
      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(0);
      world.clock.advance(Math.max(0, Date.parse(row.next_attempt_at) - world.clock.now().getTime()));

      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(1);
      row = await onlyTextTo(world, person.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, body: null, error_code: null });
      expect(gateway.requests).toBe(2);
      expect(gateway.texts).toHaveLength(1);
      expect((await attemptsOf(world, row.id)).map((a) => [a.outcome, a.error_code])).toEqual([
        ['transient_error', 'webhook_500'],
        ['sent', null],
      ]);
      expect(gateway.violations).toEqual([]);
    });

    it('R50: a 400 from the gateway is permanent: the text fails at once and is never retried', async () => {
      const { client } = await phoneCommunity(world);
      const person = await addPhonePerson(client, '+447911123458');
      gateway.answerNext({ status: 400, body: { error: 'invalid_number', message: 'No such subscriber' } });

      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(1);
      const row = await onlyTextTo(world, person.id);
      expect(row).toMatchObject({
        status: 'failed',
        attempts: 1,
        error_code: 'webhook_invalid_number',
        error_message: 'No such subscriber',
        body: null,
      });
      world.clock.advanceMinutes(30);
      expect(
        await createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll(),
      ).toBe(0);
      expect(gateway.requests).toBe(1);
      expect(gateway.texts).toHaveLength(0);
      const listed = await client.get(`/api/v1/sms-messages?personId=${person.id}`);
      expect(listed.json().items[0]).toMatchObject({ status: 'failed', resendable: true });
      expect(gateway.violations).toEqual([]);
    });

    it('R51: the development inbox does not exist with the webhook provider', async () => {
      const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(response.statusCode).toBe(404);
    });
  },
  {
    config: {
      MUSTER_SMS_PROVIDER: 'webhook',
      MUSTER_SMS_WEBHOOK_URL: gateway.url,
      MUSTER_SMS_WEBHOOK_SECRET: SECRET,
    },
  },
);

eachDatabase(
  'development SMS inbox with the console provider on a local address',
  (world) => {
    it('R51: GET /api/v1/dev/sms lists the texts the console provider "sent", newest first', async () => {
      const empty = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toEqual({ items: [] });

      const { client, slug } = await phoneCommunity(world);
      await addPhonePerson(client, '+447911123459');
      await addPhonePerson(client, '+447911123460');
      expect(await dispatchDue(world)).toBe(2);

      const inbox = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(inbox.statusCode, inbox.body).toBe(200);
      const items = inbox.json().items as { to: string; body: string }[];
      expect(items).toHaveLength(2);
      expect(items.map((i) => i.to).sort()).toEqual(['+447911123459', '+447911123460']);
      expect(items.every((i) => i.body.includes(`Community ${slug}`) && i.body.includes('/claim/'))).toBe(
        true,
      );
      expect(items).toEqual(devInbox(world).map((entry) => ({ ...entry })));
    });

    it('R51: the Twilio status callback route does not exist with the console provider', async () => {
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/v1/sms/twilio/status',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'MessageSid=SM00000000000000000000000000000000&MessageStatus=delivered',
      });
      expect(response.statusCode).toBe(404);
    });
  },
  // The inbox shows claim links to anyone, so it exists only on this machine's own address.
  { config: { MUSTER_PUBLIC_URL: 'http://localhost:3000' } },
);

eachDatabase('development SMS inbox with the console provider on a public address', (world) => {
  it('R51, R32: GET /api/v1/dev/sms is 404 when Muster is served on a public address, even with the console provider', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
    expect(response.statusCode).toBe(404);
  });
});

eachDatabase(
  'development SMS inbox with the Twilio provider',
  (world) => {
    it('R51: GET /api/v1/dev/sms is 404 when texts go to Twilio', async () => {
      const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(response.statusCode).toBe(404);
    });
  },
  {
    config: {
      MUSTER_SMS_PROVIDER: 'twilio',
      // Never called: this block sends nothing.
      MUSTER_TWILIO_API_BASE: 'http://127.0.0.1:9',
      MUSTER_TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      MUSTER_TWILIO_AUTH_TOKEN: 'unused-token',
      MUSTER_TWILIO_FROM: '+15005550006',
      MUSTER_PUBLIC_URL: 'http://localhost:3000',
    },
  },
);
