import { webcrypto } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as rp from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runLogoutRound } from '../src/oidc/logout.js';
import { startLogoutDelivery } from '../src/oidc/logout-worker.js';
import { rotateSigningKeys } from '../src/oidc/signing-keys.js';
import {
  activateWithPassword,
  Client,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  latestClaimToken,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  type World,
} from './harness.js';
import {
  authorizationRequest,
  Browser,
  CALLBACK,
  codeFlow,
  discover,
  freePorts,
  type Login,
  logoutReceiver,
  signInThroughMuster,
  verifyJwt,
} from './oidc-support.js';

// R60: Muster as an OpenID Connect provider, driven by a standard relying party (openid-client)
// configured only from the discovery document, against a real listening server on 127.0.0.1.

const PASSWORD = 'night shift at the depot';
const SCOPE = 'openid profile phone muster offline_access';
const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const ports: number[] = [];
const config = {
  // Each database's app gets its own port: its issuer URL must be known before it is built.
  get MUSTER_PUBLIC_URL() {
    return `http://127.0.0.1:${ports.shift()}`;
  },
};
beforeAll(async () => {
  ports.push(...(await freePorts(2)));
});

interface Worker extends Login {
  id: string;
}

/** The grant an app holds is gone: its refresh token is refused. */
async function expectRefreshRefused(config: rp.Configuration, refreshToken: string) {
  await expect(rp.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
}

eachDatabase(
  'Sign in with Muster (R60)',
  (world) => {
    let origin: string;
    let issuer: URL;
    let admin: Client;
    let otherAdmin: Client;
    let otherSlug: string;
    let slug: string;

    beforeAll(async () => {
      // The provider keeps time by the system clock; Muster's clock starts at the same instant.
      world.clock.advance(Date.now() - world.clock.now().getTime());
      origin = world.deps.config.publicUrl;
      issuer = new URL(`${origin}/oidc`);
      await world.app.listen({ port: Number(new URL(origin).port), host: '127.0.0.1' });
      expect((world.app.server.address() as AddressInfo).port).toBe(Number(new URL(origin).port));
      const a = await seedCommunity(world);
      slug = a.slug;
      admin = await signIn(world.app, a.admin.email ?? '', undefined, a.slug);
      await enablePhoneProfiles(admin);
      const accessCodes = await admin.patch('/api/v1/settings', { accessCodeProfilesEnabled: true });
      expect(accessCodes.statusCode, accessCodes.body).toBe(200);
      const b = await seedCommunity(world);
      otherSlug = b.slug;
      otherAdmin = await signIn(world.app, b.admin.email ?? '', undefined, b.slug);
      await enablePhoneProfiles(otherAdmin);
    });
    afterAll(async () => {
      await world.app.close();
    });

    let phoneSerial = 100;
    /** A phone worker who claimed their account from the text (R7), as a worker does. */
    async function claimedWorker(by: Client = admin, name = 'Sam Okafor'): Promise<Worker> {
      phoneSerial += 1;
      const phone = `+4474009${String(phoneSerial).padStart(5, '0')}`;
      const created = await by.post('/api/v1/people', { phone, displayName: name, department: 'Depot' });
      expect(created.statusCode, created.body).toBe(201);
      await dispatchDue(world);
      const claimed = await world.app.inject({
        method: 'POST',
        url: `/api/v1/claim/${latestClaimToken(world, phone)}`,
        payload: { password: PASSWORD },
      });
      expect(claimed.statusCode, claimed.body).toBe(200);
      return { id: created.json().id, identifier: phone, password: PASSWORD };
    }

    async function registerApp(body: Record<string, unknown>, by: Client = admin) {
      const response = await by.post('/api/v1/oidc/clients', {
        name: 'Intranet',
        redirectUris: [CALLBACK],
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { clientId: string; clientSecret?: string };
    }

    async function publicApp(body: Record<string, unknown> = {}, by: Client = admin) {
      const app = await registerApp({ public: true, firstParty: true, ...body }, by);
      return { ...app, config: await discover(issuer, app.clientId) };
    }

    /** Apps with a back-channel URI hear of every ended account: each test removes its own. */
    async function removeListeningApps() {
      const apps = (await admin.get('/api/v1/oidc/clients')).json().items as {
        clientId: string;
        backchannelLogoutUri: string | null;
      }[];
      for (const app of apps.filter((a) => a.backchannelLogoutUri)) {
        expect((await admin.delete(`/api/v1/oidc/clients/${app.clientId}`)).statusCode).toBe(204);
      }
    }

    const logoutRound = async () => runLogoutRound(world.deps, await world.app.oidc.provider());
    const jwks = async () => (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };

    it('publishes its discovery document and keys under /oidc (R60)', async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const doc = (await response.json()) as Record<string, unknown>;
      expect(doc).toMatchObject({
        issuer: issuer.toString(),
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/session/end`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        backchannel_logout_supported: true,
      });
      expect(doc.token_endpoint_auth_methods_supported).toEqual(
        expect.arrayContaining(['client_secret_basic', 'private_key_jwt', 'none']),
      );
      expect(doc.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'phone', 'muster', 'offline_access']),
      );
      expect(doc.claims_supported).toEqual(
        expect.arrayContaining(['phone_number_verified', 'muster_role', 'employee_id']),
      );
      const keys = await jwks();
      expect(keys.keys.length).toBeGreaterThan(0);
      for (const key of keys.keys) expect(key).not.toHaveProperty('d');
    });

    it('signs a phone worker in to a public first-party app with PKCE, through Muster’s sign-in, no consent', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const { tokens, pages } = await codeFlow(app.config, new Browser(origin), worker);
      expect(pages).toEqual(['oidc-login']);
      const claims = tokens.claims();
      expect(claims).toMatchObject({
        sub: worker.id,
        iss: issuer.toString(),
        aud: app.clientId,
      });
      expect(claims?.sub).not.toContain(worker.identifier.slice(1));
      const userinfo = await rp.fetchUserInfo(app.config, tokens.access_token, worker.id);
      expect(userinfo).toEqual(
        expect.objectContaining({
          sub: worker.id,
          name: 'Sam Okafor',
          phone_number: worker.identifier,
          phone_number_verified: true,
          muster_role: 'member',
          department: 'Depot',
          locale: expect.any(String),
          zoneinfo: 'Europe/London',
        }),
      );
      expect(tokens.refresh_token).toBeTruthy();
      // Kept in Muster's database, keyed by a hash and sealed: no token is readable there (R32).
      const rows = await world.deps.db.selectFrom('oidc_payloads').selectAll().execute();
      expect(rows.some((row) => row.model === 'RefreshToken' && row.account_id === worker.id)).toBe(true);
      const stored = JSON.stringify(rows);
      for (const secret of [tokens.access_token, tokens.refresh_token ?? ''])
        expect(stored).not.toContain(secret);
    });

    it('refuses a public app’s authorization request without PKCE', async () => {
      const app = await publicApp();
      const url = rp.buildAuthorizationUrl(app.config, { redirect_uri: CALLBACK, scope: 'openid' });
      const answer = await new Browser(origin).follow(url.toString());
      const callback = new URL(answer.url);
      expect(callback.origin).toBe('http://127.0.0.1:9');
      expect(callback.searchParams.get('error')).toBe('invalid_request');
      expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
    });

    it('rotates refresh tokens: each works once, and a reused one ends the grant', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const { tokens } = await codeFlow(app.config, new Browser(origin), worker);
      const first = tokens.refresh_token ?? '';
      const refreshed = await rp.refreshTokenGrant(app.config, first);
      expect(refreshed.refresh_token).toBeTruthy();
      expect(refreshed.refresh_token).not.toBe(first);
      expect(refreshed.claims()?.sub).toBe(worker.id);
      // The old one again: refused, and the whole grant with it (a stolen token was replayed).
      await expectRefreshRefused(app.config, first);
      await expectRefreshRefused(app.config, refreshed.refresh_token ?? '');
    });

    it('lets eight parallel refreshes with one token succeed exactly once', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const { tokens } = await codeFlow(app.config, new Browser(origin), worker);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => rp.refreshTokenGrant(app.config, tokens.refresh_token ?? '')),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('asks once before a third-party app gets anything; a refusal reaches the app as access_denied (client_secret_basic)', async () => {
      const worker = await claimedWorker();
      const app = await registerApp({ name: 'Rota planner', firstParty: false });
      expect(app.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const config = await discover(issuer, app.clientId, rp.ClientSecretBasic(app.clientSecret));
      const browser = new Browser(origin);

      const refused = await authorizationRequest(config, SCOPE);
      const denied = await signInThroughMuster(browser, refused.url.toString(), worker, false);
      expect(denied.pages).toEqual(['oidc-login', 'oidc-consent']);
      expect(denied.callback.searchParams.get('error')).toBe('access_denied');

      const allowed = await codeFlow(config, browser, worker, { scope: 'openid phone' });
      expect(allowed.pages).toEqual(['oidc-consent']);
      expect((await rp.fetchUserInfo(config, allowed.tokens.access_token, worker.id)).phone_number).toBe(
        worker.identifier,
      );
      // Signed in to Muster, and already allowed: straight back to the app.
      const again = await codeFlow(config, browser, worker, { scope: 'openid phone' });
      expect(again.pages).toEqual([]);
      // A wrong secret is no client at all.
      const wrong = await discover(issuer, app.clientId, rp.ClientSecretBasic('not-the-secret'));
      await expect(rp.refreshTokenGrant(wrong, 'anything')).rejects.toMatchObject({
        status: 401,
        cause: [{ parameters: { error: 'invalid_client' } }],
      });
    });

    it('signs a confidential app in with private_key_jwt: its own keys, no secret', async () => {
      const worker = await claimedWorker();
      const pair = (await webcrypto.subtle.generateKey(
        {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        },
        true,
        ['sign', 'verify'],
      )) as webcrypto.CryptoKeyPair;
      const publicJwk = {
        ...(await webcrypto.subtle.exportKey('jwk', pair.publicKey)),
        kid: 'app-key-1',
        use: 'sig',
      };
      delete (publicJwk as { key_ops?: unknown }).key_ops;
      delete (publicJwk as { ext?: unknown }).ext;
      const app = await registerApp({ name: 'Payroll', firstParty: true, jwks: { keys: [publicJwk] } });
      expect(app.clientSecret).toBeUndefined();
      const config = await discover(
        issuer,
        app.clientId,
        rp.PrivateKeyJwt({ key: pair.privateKey, kid: 'app-key-1' } as unknown as Parameters<
          typeof rp.PrivateKeyJwt
        >[0]),
      );
      const { tokens } = await codeFlow(config, new Browser(origin), worker);
      expect(tokens.claims()?.sub).toBe(worker.id);
      expect((await rp.refreshTokenGrant(config, tokens.refresh_token ?? '')).access_token).toBeTruthy();
    });

    it('signs out with RP-initiated logout: the app, Muster on that device, and the other apps hear it', async () => {
      const worker = await claimedWorker();
      const receiver = await logoutReceiver();
      try {
        const listening = await publicApp({ name: 'Training', backchannelLogoutUri: receiver.url });
        const app = await publicApp({ postLogoutRedirectUris: ['http://127.0.0.1:9/bye'] });
        const browser = new Browser(origin);
        await codeFlow(listening.config, browser, worker);
        // Without offline_access, what the app holds lasts as long as the sign-in.
        const { tokens } = await codeFlow(app.config, browser, worker, { scope: 'openid profile' });
        expect(tokens.refresh_token).toBeUndefined();
        const end = rp.buildEndSessionUrl(app.config, {
          id_token_hint: tokens.id_token ?? '',
          post_logout_redirect_uri: 'http://127.0.0.1:9/bye',
          state: 'see-you',
        });
        const question = await browser.follow(end.toString());
        expect(question.response?.status).toBe(200);
        const page = (await question.response?.text()) ?? '';
        expect(page).toContain('Sign out');
        const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
        const confirmed = await browser.fetch('/oidc/session/end/confirm', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ xsrf, logout: 'yes' }),
        });
        expect(confirmed.status).toBe(303);
        expect(confirmed.headers.get('location')).toBe('http://127.0.0.1:9/bye?state=see-you');
        expect((await browser.fetch('/api/v1/me')).status).toBe(401);
        await expect(rp.fetchUserInfo(app.config, tokens.access_token, worker.id)).rejects.toMatchObject({
          status: 401,
        });
        expect(receiver.tokens).toHaveLength(1);
        const { claims } = verifyJwt(receiver.tokens[0] ?? '', await jwks());
        expect(claims).toMatchObject({ iss: issuer.toString(), aud: listening.clientId, sub: worker.id });
      } finally {
        await removeListeningApps();
        await receiver.close();
      }
    });

    it('tells the apps the worker signed in to by back-channel logout when an admin deactivates them; their tokens stop at once; an app they never used hears nothing', async () => {
      const worker = await claimedWorker();
      const receiver = await logoutReceiver();
      try {
        const app = await publicApp({ backchannelLogoutUri: receiver.url });
        const other = await publicApp({ name: 'Training', backchannelLogoutUri: receiver.url });
        const unused = await publicApp({ name: 'Learning', backchannelLogoutUri: receiver.url });
        const browser = new Browser(origin);
        const { tokens } = await codeFlow(app.config, browser, worker);
        await codeFlow(other.config, browser, worker);
        const deactivated = await admin.post(`/api/v1/people/${worker.id}/deactivate`);
        expect(deactivated.statusCode, deactivated.body).toBe(200);
        // Before any logout is sent: the provider asks about the person at every use.
        await expectRefreshRefused(app.config, tokens.refresh_token ?? '');
        await expect(rp.fetchUserInfo(app.config, tokens.access_token, worker.id)).rejects.toBeTruthy();

        expect(await logoutRound()).toMatchObject({ accounts: 1, sent: 2 });
        const keys = await jwks();
        const received = receiver.tokens.map((token) => verifyJwt(token, keys));
        // An app the worker never signed in to is not told (nor does it learn their id).
        expect(received.map((r) => r.claims.aud).sort()).toEqual([app.clientId, other.clientId].sort());
        expect(received.map((r) => r.claims.aud)).not.toContain(unused.clientId);
        for (const { header, claims } of received) {
          expect(header.alg).toBe('RS256');
          expect(claims).toMatchObject({
            iss: issuer.toString(),
            sub: worker.id,
            events: { [BACKCHANNEL_EVENT]: {} },
          });
          expect(claims).not.toHaveProperty('nonce');
          expect(typeof claims.jti).toBe('string');
        }
        const left = await world.deps.db
          .selectFrom('oidc_payloads')
          .select('model')
          .where('account_id', '=', worker.id)
          .execute();
        expect(left).toEqual([]);
        expect(await logoutRound()).toEqual({ accounts: 0, sent: 0 });
      } finally {
        await removeListeningApps();
        await receiver.close();
      }
    });

    it('logs the worker out of the apps when reset to unclaimed or deleted, and retries an app that did not answer', async () => {
      const receiver = await logoutReceiver(503);
      try {
        const app = await publicApp({ backchannelLogoutUri: receiver.url });
        const reset = await claimedWorker();
        const { tokens } = await codeFlow(app.config, new Browser(origin), reset);
        expect((await admin.post(`/api/v1/people/${reset.id}/unclaim`)).statusCode).toBe(200);
        await expectRefreshRefused(app.config, tokens.refresh_token ?? '');
        expect(await logoutRound()).toMatchObject({ accounts: 1, sent: 1 });
        expect(receiver.tokens).toHaveLength(1);
        // Only the status code of the app's answer is kept, never its words or its body.
        const pending = await world.deps.db
          .selectFrom('oidc_logout_deliveries')
          .select(['status', 'last_error'])
          .where('person_id', '=', reset.id)
          .execute();
        expect(pending).toEqual([{ status: 'pending', last_error: 'HTTP 503' }]);
        // The app answered 503: tried again once its pause has passed.
        receiver.answerWith(200);
        world.clock.advance(31_000);
        expect(await logoutRound()).toMatchObject({ sent: 1 });
        expect(receiver.tokens).toHaveLength(2);

        const deleted = await claimedWorker();
        await codeFlow(app.config, new Browser(origin), deleted);
        expect((await admin.post(`/api/v1/people/${deleted.id}/deactivate`)).statusCode).toBe(200);
        await logoutRound();
        // Deleting a deactivated person finds nothing left in the provider: the app heard already.
        expect((await admin.delete(`/api/v1/people/${deleted.id}`)).statusCode).toBe(204);
        expect(await logoutRound()).toMatchObject({ accounts: 1, sent: 0 });
        const keys = await jwks();
        const subjects = receiver.tokens.map((token) => verifyJwt(token, keys).claims.sub);
        expect(subjects).toEqual([reset.id, reset.id, deleted.id]);
      } finally {
        await removeListeningApps();
        await receiver.close();
      }
    });

    it('delivers logouts from the worker every server runs, within about a second, with nobody calling it', async () => {
      const worker = await claimedWorker();
      const receiver = await logoutReceiver();
      const errors: unknown[] = [];
      const delivery = startLogoutDelivery(world.deps, world.app.oidc, (error) => errors.push(error), 100);
      try {
        const app = await publicApp({ backchannelLogoutUri: receiver.url });
        await codeFlow(app.config, new Browser(origin), worker);
        expect((await admin.post(`/api/v1/people/${worker.id}/deactivate`)).statusCode).toBe(200);
        for (let i = 0; i < 50 && receiver.tokens.length === 0; i++)
          await new Promise((r) => setTimeout(r, 100));
        expect(receiver.tokens).toHaveLength(1);
        expect(verifyJwt(receiver.tokens[0] ?? '', await jwks()).claims.sub).toBe(worker.id);
        expect(errors).toEqual([]);
      } finally {
        await delivery.stop();
        await removeListeningApps();
        await receiver.close();
      }
    });

    /** Muster's clock and the provider's (the system's) agree, as on a server: never behind. */
    function catchUpClock() {
      const behind = Date.now() - world.clock.now().getTime();
      if (behind > 0) world.clock.advance(behind);
    }

    /** A worker's own phone: signed in to Muster, as the worker is after claiming. */
    async function signedInAs(worker: Login) {
      const answer = await world.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { community: slug, identifier: worker.identifier, password: worker.password },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return new Client(world.app, sessionCookieFrom(answer), answer.json().csrfToken);
    }

    /** A worker with neither email nor phone, who claimed their account with an access code (R21). */
    async function accessCodeWorker(): Promise<Worker> {
      phoneSerial += 1;
      const created = await admin.post('/api/v1/people', {
        displayName: 'Kim Access',
        externalId: `AC${phoneSerial}`,
      });
      expect(created.statusCode, created.body).toBe(201);
      const code = (await admin.post(`/api/v1/people/${created.json().id}/access-code`)).json().accessCode;
      const username = `kim.${phoneSerial}`;
      const claimed = await world.app.inject({
        method: 'POST',
        url: '/api/v1/access-code/claim',
        payload: { accessCode: code, username, password: PASSWORD },
      });
      expect(claimed.statusCode, claimed.body).toBe(200);
      return { id: created.json().id, identifier: username, password: PASSWORD };
    }

    const NEW_PASSWORD = 'a brand new passphrase 77';
    /** Every way Muster ends a worker's other sessions, each answering the password afterwards. */
    const endingOtherSessions: {
      flow: string;
      worker: () => Promise<Worker>;
      end: (worker: Worker) => Promise<string>;
    }[] = [
      {
        flow: 'a password change with "log out other devices"',
        worker: () => claimedWorker(),
        async end(worker) {
          const changed = await (await signedInAs(worker)).post('/api/v1/me/password', {
            currentPassword: worker.password,
            newPassword: NEW_PASSWORD,
            logoutOtherDevices: true,
          });
          expect(changed.statusCode, changed.body).toBe(200);
          return NEW_PASSWORD;
        },
      },
      {
        flow: '"log out of other devices"',
        worker: () => claimedWorker(),
        async end(worker) {
          const ended = await (await signedInAs(worker)).post('/api/v1/me/sessions/revoke-others');
          expect(ended.statusCode, ended.body).toBe(200);
          return worker.password;
        },
      },
      {
        flow: 'a reset by recovery code that logs out other devices',
        worker: () => claimedWorker(),
        async end(worker) {
          const session = await signedInAs(worker);
          const made = await session.post('/api/v1/me/recovery-code', { password: worker.password });
          expect(made.statusCode, made.body).toBe(200);
          const recovered = await world.app.inject({
            method: 'POST',
            url: '/api/v1/auth/recover',
            payload: {
              community: slug,
              phone: worker.identifier,
              recoveryCode: made.json().recoveryCode,
              newPassword: NEW_PASSWORD,
              logoutOtherDevices: true,
            },
          });
          expect(recovered.statusCode, recovered.body).toBe(200);
          return NEW_PASSWORD;
        },
      },
      {
        flow: 'a recovery with an access code',
        worker: () => accessCodeWorker(),
        async end(worker) {
          const code = (await admin.post(`/api/v1/people/${worker.id}/access-code`)).json().accessCode;
          const recovered = await world.app.inject({
            method: 'POST',
            url: '/api/v1/access-code/claim',
            payload: { accessCode: code, password: NEW_PASSWORD },
          });
          expect(recovered.statusCode, recovered.body).toBe(200);
          expect(recovered.json().outcome).toBe('recovered');
          return NEW_PASSWORD;
        },
      },
    ];

    it('ends what apps hold whenever Muster ends the worker’s other sessions; the apps they used hear of it; the account goes on (R31, R60)', async () => {
      const receiver = await logoutReceiver();
      try {
        const app = await publicApp({ backchannelLogoutUri: receiver.url });
        const unused = await publicApp({ name: 'Learning', backchannelLogoutUri: receiver.url });
        const keys = await jwks();
        for (const { flow, worker: make, end } of endingOtherSessions) {
          const worker = await make();
          const { tokens } = await codeFlow(app.config, new Browser(origin), worker);
          catchUpClock();
          const password = await end(worker);
          // At once, before the logout worker has run: the refresh token is refused.
          await expectRefreshRefused(app.config, tokens.refresh_token ?? '');
          await expect(
            rp.fetchUserInfo(app.config, tokens.access_token, worker.id),
            flow,
          ).rejects.toBeTruthy();
          const events = await world.deps.db
            .selectFrom('account_events')
            .select('kind')
            .where('person_id', '=', worker.id)
            .execute();
          expect(events, flow).toEqual([{ kind: 'signed_out_everywhere' }]);
          expect(await logoutRound(), flow).toMatchObject({ accounts: 1, sent: 1 });
          const told = verifyJwt(receiver.tokens.at(-1) ?? '', keys).claims;
          expect(told, flow).toMatchObject({ sub: worker.id, aud: app.clientId });
          const left = await world.deps.db
            .selectFrom('oidc_payloads')
            .select('model')
            .where('account_id', '=', worker.id)
            .execute();
          expect(left, flow).toEqual([]);
          // Nothing was deactivated: the worker signs in to the app again, and it refreshes.
          const again = await codeFlow(app.config, new Browser(origin), { ...worker, password });
          expect(
            (await rp.refreshTokenGrant(app.config, again.tokens.refresh_token ?? '')).access_token,
          ).toBeTruthy();
        }
        expect(receiver.tokens).toHaveLength(endingOtherSessions.length);
        const audiences = receiver.tokens.map((token) => verifyJwt(token, keys).claims.aud);
        expect(audiences).not.toContain(unused.clientId);
      } finally {
        await removeListeningApps();
        await receiver.close();
      }
    });

    it('keeps an app signed in when the password changes without "log out other devices"', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const { tokens } = await codeFlow(app.config, new Browser(origin), worker);
      catchUpClock();
      const changed = await (await signedInAs(worker)).post('/api/v1/me/password', {
        currentPassword: worker.password,
        newPassword: NEW_PASSWORD,
        logoutOtherDevices: false,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      await logoutRound();
      expect((await rp.refreshTokenGrant(app.config, tokens.refresh_token ?? '')).access_token).toBeTruthy();
    });

    it('keeps only whether an app answered a logout, and its status code: never its words (docs/oidc.md)', async () => {
      const [closed] = await freePorts(1);
      const app = await publicApp({ backchannelLogoutUri: `http://127.0.0.1:${closed}/logout` });
      try {
        const worker = await claimedWorker();
        await codeFlow(app.config, new Browser(origin), worker);
        expect((await admin.post(`/api/v1/people/${worker.id}/deactivate`)).statusCode).toBe(200);
        expect(await logoutRound()).toMatchObject({ accounts: 1, sent: 1 });
        const delivery = () =>
          world.deps.db
            .selectFrom('oidc_logout_deliveries')
            .select(['status', 'last_error'])
            .where('person_id', '=', worker.id)
            .executeTakeFirstOrThrow();
        expect(await delivery()).toEqual({ status: 'pending', last_error: 'no answer' });
        // The last try: given up on, and the audit log says so in the same few words.
        await world.deps.db
          .updateTable('oidc_logout_deliveries')
          .set({ attempts: 29 })
          .where('person_id', '=', worker.id)
          .execute();
        world.clock.advance(3_600_000);
        await logoutRound();
        expect(await delivery()).toEqual({ status: 'failed', last_error: 'no answer' });
        const failed = await world.deps.db
          .selectFrom('audit_events')
          .select('details')
          .where('type', '=', 'App Logout Failed')
          .where('target_id', '=', app.clientId)
          .executeTakeFirstOrThrow();
        expect(JSON.parse(failed.details ?? '{}')).toMatchObject({ error: 'no answer', attempts: 30 });
        expect(failed.details).not.toContain('127.0.0.1');
      } finally {
        await removeListeningApps();
      }
    });

    it('keeps an administrator’s app sign-in no longer than their Muster session may last (R41)', async () => {
      const c = await seedCommunity(world);
      const sysAdmin = await signIn(world.app, c.admin.email ?? '', undefined, c.slug);
      const settings = await sysAdmin.patch('/api/v1/settings', {
        adminSessionIdleMinutes: 60,
        adminSessionAbsoluteHours: 2,
      });
      expect(settings.statusCode, settings.body).toBe(200);
      const person = async (email: string, role: 'account_manager' | 'member') => {
        const created = await sysAdmin.post('/api/v1/people', { email, displayName: `A ${role}` });
        expect(created.statusCode, created.body).toBe(201);
        const id: string = created.json().id;
        if (role !== 'member') {
          expect((await sysAdmin.put(`/api/v1/people/${id}/role`, { role })).statusCode).toBe(200);
        }
        await activateWithPassword(world, id, PASSWORD);
        return { id, identifier: email, password: PASSWORD };
      };
      const manager = await person(`manager.${phoneSerial}@${c.slug}.test`, 'account_manager');
      const member = await person(`member.${phoneSerial}@${c.slug}.test`, 'member');
      const registered = await publicApp({}, sysAdmin);
      await logoutRound();
      catchUpClock();
      const lifetimes = async (accountId: string) => {
        const now = world.clock.now().getTime();
        const rows = await world.deps.db
          .selectFrom('oidc_payloads')
          .select(['model', 'expires_at'])
          .where('account_id', '=', accountId)
          .where('consumed_at', 'is', null)
          .execute();
        return Object.fromEntries(
          rows.map((row) => [row.model, Math.round((Date.parse(row.expires_at ?? '') - now) / 60_000)]),
        );
      };
      const { tokens } = await codeFlow(registered.config, new Browser(origin), manager);
      // In minutes: an hour idle at most, and the grant two hours, as the admin's Muster session.
      expect(await lifetimes(manager.id)).toMatchObject({ RefreshToken: 60, Session: 60, Grant: 120 });
      await codeFlow(registered.config, new Browser(origin), member);
      expect(await lifetimes(member.id)).toMatchObject({
        RefreshToken: 30 * 24 * 60,
        Session: 30 * 24 * 60,
        Grant: 365 * 24 * 60,
      });
      // Used every 50 minutes the refresh token goes on, but never past two hours from sign-in.
      world.clock.advance(50 * 60_000);
      const first = await rp.refreshTokenGrant(registered.config, tokens.refresh_token ?? '');
      expect((await lifetimes(manager.id)).RefreshToken).toBe(60);
      world.clock.advance(50 * 60_000);
      const second = await rp.refreshTokenGrant(registered.config, first.refresh_token ?? '');
      expect((await lifetimes(manager.id)).RefreshToken).toBe(20);
      world.clock.advance(21 * 60_000);
      await expectRefreshRefused(registered.config, second.refresh_token ?? '');
    });

    it('never gives a token to an account that ended: a code made before is refused', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const request = await authorizationRequest(app.config, SCOPE);
      const { callback } = await signInThroughMuster(new Browser(origin), request.url.toString(), worker);
      expect((await admin.post(`/api/v1/people/${worker.id}/deactivate`)).statusCode).toBe(200);
      await expect(rp.authorizationCodeGrant(app.config, callback, request.checks)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    });

    it('keeps a person of another community out of an app, signed in to Muster or not (R35)', async () => {
      const stranger = await claimedWorker(otherAdmin, 'Pat Other');
      const app = await publicApp();
      const browser = new Browser(origin);
      const signedIn = await browser.fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: stranger.identifier, password: PASSWORD, community: otherSlug }),
      });
      expect(signedIn.status).toBe(200);
      const request = await authorizationRequest(app.config, SCOPE);
      const hop = await browser.follow(request.url.toString());
      expect(new URL(hop.url).pathname).toMatch(/^\/oidc-login\//);
      // Signing in for the app's community with the other community's login fails.
      await expect(signInThroughMuster(browser, request.url.toString(), stranger)).rejects.toThrow(/401/);
      // prompt=none cannot slip past: the app hears login_required.
      const silent = await authorizationRequest(app.config, 'openid', { prompt: 'none' });
      const answer = new URL((await browser.follow(silent.url.toString())).url);
      expect(answer.searchParams.get('error')).toBe('login_required');
    });

    it('sends an administrator without a second factor to set one up before any app (R40)', async () => {
      const email = `new-admin-${phoneSerial++}@example.com`;
      const created = await admin.post('/api/v1/people', { email, displayName: 'New Admin' });
      expect(created.statusCode, created.body).toBe(201);
      expect(
        (await admin.put(`/api/v1/people/${created.json().id}/role`, { role: 'system_admin' })).statusCode,
      ).toBe(200);
      await activateWithPassword(world, created.json().id, PASSWORD);
      const app = await publicApp();
      const request = await authorizationRequest(app.config, SCOPE);
      await expect(
        signInThroughMuster(new Browser(origin), request.url.toString(), {
          identifier: email,
          password: PASSWORD,
        }),
      ).rejects.toThrow(/problem=second-factor/);
    });

    it('goes straight through for a browser signed in to Muster, and answers login_required to prompt=none without one', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const browser = new Browser(origin);
      await codeFlow(app.config, browser, worker);
      const again = await codeFlow(app.config, browser, worker);
      expect(again.pages).toEqual([]);
      // Signed out of Muster: the provider's own memory of the person is not enough.
      const me = (await (await browser.fetch('/api/v1/me')).json()) as { csrfToken: string };
      await browser.fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
      });
      const silent = await authorizationRequest(app.config, 'openid', { prompt: 'none' });
      const answer = new URL((await browser.follow(silent.url.toString())).url);
      expect(answer.searchParams.get('error')).toBe('login_required');
    });

    it('keeps tokens signed with the old key verifiable after `muster oidc rotate-keys`', async () => {
      const worker = await claimedWorker();
      const app = await publicApp();
      const before = await codeFlow(app.config, new Browser(origin), worker);
      const oldToken = before.tokens.id_token ?? '';
      const oldKid = verifyJwt(oldToken, await jwks()).header.kid;
      const { newKeyId, retiredKeyId } = await rotateSigningKeys(world.deps);
      expect(retiredKeyId).toBe(oldKid);
      await world.app.oidc.refresh();
      const published = await jwks();
      expect(published.keys.map((key) => key.kid)).toEqual([newKeyId, oldKid]);
      expect(verifyJwt(oldToken, published).claims.sub).toBe(worker.id);
      const after = await codeFlow(await discover(issuer, app.clientId), new Browser(origin), worker);
      expect(verifyJwt(after.tokens.id_token ?? '', published).header.kid).toBe(newKeyId);
      // Once its tokens have expired, the old key is no longer published.
      world.clock.advance(3 * 3_600_000);
      await world.app.oidc.refresh();
      expect((await jwks()).keys.map((key) => key.kid)).toEqual([newKeyId]);
    });

    it('audits tokens issued and sign-ins refused (R36)', async () => {
      const worker = await claimedWorker();
      const app = await publicApp({ name: 'Audited app' });
      const { tokens } = await codeFlow(app.config, new Browser(origin), worker);
      await expectRefreshRefused(app.config, `${tokens.refresh_token}x`);
      const events = await world.deps.db
        .selectFrom('audit_events')
        .select(['type', 'actor_id', 'target_id', 'outcome'])
        .where('target_id', '=', app.clientId)
        .execute();
      expect(events).toEqual(
        expect.arrayContaining([
          {
            type: 'App Registered',
            actor_id: expect.any(String),
            target_id: app.clientId,
            outcome: 'success',
          },
          { type: 'App Token Issued', actor_id: worker.id, target_id: app.clientId, outcome: 'success' },
          { type: 'App Sign-in Refused', actor_id: null, target_id: app.clientId, outcome: 'failure' },
        ]),
      );
    });
  },
  { config },
);

export type { World };
