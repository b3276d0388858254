import type { AddressInfo } from 'node:net';
import * as rp from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  latestClaimToken,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';
import { Browser, freePorts } from './oidc-support.js';

// R60: Muster as an OpenID Connect provider, driven by a standard relying party (openid-client)
// configured only from the discovery document, against a real listening server on 127.0.0.1.

const PASSWORD = 'night shift at the depot';
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

interface Worker {
  id: string;
  phone: string;
}

eachDatabase(
  'Sign in with Muster (R60)',
  (world) => {
    let origin: string;
    let issuer: URL;
    let admin: Client;
    let slug: string;

    beforeAll(async () => {
      // The provider keeps time by the system clock; Muster's clock starts at the same instant.
      world.clock.advance(Date.now() - world.clock.now().getTime());
      origin = world.deps.config.publicUrl;
      issuer = new URL(`${origin}/oidc`);
      await world.app.listen({ port: Number(new URL(origin).port), host: '127.0.0.1' });
      expect((world.app.server.address() as AddressInfo).port).toBe(Number(new URL(origin).port));
      const seeded = await seedCommunity(world);
      slug = seeded.slug;
      admin = await signIn(world.app, seeded.admin.email ?? '', undefined, slug);
      await enablePhoneProfiles(admin);
    });
    afterAll(async () => {
      await world.app.close();
    });

    let phoneSerial = 100;
    async function claimedWorker(name = 'Sam Okafor'): Promise<Worker> {
      phoneSerial += 1;
      const phone = `+4474009${String(phoneSerial).padStart(5, '0')}`;
      const created = await admin.post('/api/v1/people', { phone, displayName: name, department: 'Depot' });
      expect(created.statusCode, created.body).toBe(201);
      await dispatchDue(world);
      const claimed = await world.app.inject({
        method: 'POST',
        url: `/api/v1/claim/${latestClaimToken(world, phone)}`,
        payload: { password: PASSWORD },
      });
      expect(claimed.statusCode, claimed.body).toBe(200);
      return { id: created.json().id, phone };
    }

    async function registerApp(body: Record<string, unknown>) {
      const response = await admin.post('/api/v1/oidc/clients', {
        name: 'Intranet',
        redirectUris: ['http://127.0.0.1:9/callback'],
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { clientId: string; clientSecret?: string };
    }

    /** The relying party, from discovery alone. */
    function discover(clientId: string, auth: rp.ClientAuth = rp.None(), metadata: Partial<rp.ClientMetadata> = {}) {
      return rp.discovery(issuer, clientId, metadata, auth, { execute: [rp.allowInsecureRequests] });
    }

    /** Signs in through Muster's pages as the web app does: its API, then back to the provider. */
    async function signInThroughMuster(
      browser: Browser,
      authorizationUrl: URL,
      login: { identifier: string; password: string },
      consent?: boolean,
    ): Promise<URL> {
      let hop = await browser.follow(authorizationUrl.toString());
      for (let step = 0; step < 4 && hop.response; step++) {
        const page = new URL(hop.url);
        const uid = decodeURIComponent(page.pathname.split('/')[2] ?? '');
        const details = await browser.fetch(`/api/v1/oidc/interactions/${uid}`);
        expect(details.status, await details.clone().text()).toBe(200);
        const { community } = (await details.json()) as { community: { slug: string } };
        if (page.pathname.startsWith('/oidc-login/')) {
          const signedIn = await browser.fetch('/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...login, community: community.slug }),
          });
          expect(signedIn.status, await signedIn.clone().text()).toBe(200);
          hop = await browser.follow(`/oidc/interaction/${uid}`);
        } else if (page.pathname.startsWith('/oidc-consent/')) {
          const me = (await (await browser.fetch('/api/v1/me')).json()) as { csrfToken: string };
          const decided = await browser.fetch(`/api/v1/oidc/interactions/${uid}/consent`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify({ allow: consent ?? true }),
          });
          expect(decided.status, await decided.clone().text()).toBe(200);
          hop = await browser.follow(((await decided.json()) as { redirectTo: string }).redirectTo);
        } else {
          throw new Error(`unexpected page ${hop.url}: ${hop.response.status} ${await hop.response.text()}`);
        }
      }
      if (hop.response) throw new Error(`sign-in did not come back to the app: ${hop.url}`);
      return new URL(hop.url);
    }

    async function codeFlow(
      config: rp.Configuration,
      worker: { identifier: string; password: string },
      options: { scope?: string; browser?: Browser; consent?: boolean } = {},
    ) {
      const verifier = rp.randomPKCECodeVerifier();
      const state = rp.randomState();
      const nonce = rp.randomNonce();
      const url = rp.buildAuthorizationUrl(config, {
        redirect_uri: 'http://127.0.0.1:9/callback',
        scope: options.scope ?? 'openid profile phone muster offline_access',
        code_challenge: await rp.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const browser = options.browser ?? new Browser(origin);
      const callback = await signInThroughMuster(browser, url, worker, options.consent);
      const tokens = await rp.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
      return { tokens, browser };
    }

    it('signs a phone worker in to a public first-party app with PKCE, through Muster’s sign-in', async () => {
      const worker = await claimedWorker();
      const app = await registerApp({ public: true, firstParty: true });
      expect(app.clientSecret).toBeUndefined();
      const config = await discover(app.clientId);
      const { tokens } = await codeFlow(config, { identifier: worker.phone, password: PASSWORD });
      const claims = tokens.claims();
      expect(claims?.sub).toBe(worker.id);
      expect(claims?.iss).toBe(issuer.toString());
      const userinfo = await rp.fetchUserInfo(config, tokens.access_token, worker.id);
      expect(userinfo).toMatchObject({
        sub: worker.id,
        name: 'Sam Okafor',
        phone_number: worker.phone,
        phone_number_verified: true,
        muster_role: 'member',
        department: 'Depot',
      });
      expect(tokens.refresh_token).toBeTruthy();
    });
  },
  { config },
);

export type { World };
