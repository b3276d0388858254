import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { startFakeTwilio } from './fakes/twilio.js';
import {
  Client,
  devInbox,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  type World,
} from './harness.js';

interface Text {
  to: string;
  body: string;
}

const twilio = await startFakeTwilio({
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
});
afterAll(() => twilio.close());

/**
 * The phone-account story of the seed page, through the API alone: once with the console
 * provider and its development inbox, once through a server that speaks Twilio's protocol
 * and checks every request against Twilio's API description, with signed delivery reports.
 */
const providers: {
  name: string;
  config: Record<string, string>;
  texts: (world: World) => Text[];
  deliver: (world: World) => Promise<void>;
}[] = [
  { name: 'console', config: {}, texts: (world) => [...devInbox(world)], deliver: async () => undefined },
  {
    name: 'twilio',
    config: {
      MUSTER_SMS_PROVIDER: 'twilio',
      MUSTER_TWILIO_API_BASE: twilio.baseUrl,
      MUSTER_TWILIO_ACCOUNT_SID: twilio.accountSid,
      MUSTER_TWILIO_AUTH_TOKEN: twilio.authToken,
      MUSTER_TWILIO_FROM: '+15005550006',
    },
    texts: () => [...twilio.messages].reverse(),
    // Twilio reports each delivery to the StatusCallback, signed with the auth token.
    deliver: async (world) => {
      expect(twilio.violations).toEqual([]);
      for (const message of twilio.messages) {
        const report = twilio.statusCallback(message, 'delivered');
        const answer = await world.app.inject({
          method: 'POST',
          url: report.path,
          headers: report.headers,
          payload: report.payload,
        });
        expect(answer.statusCode, answer.body).toBe(204);
      }
    },
  },
];

for (const provider of providers) {
  eachDatabase(
    `phone account story (${provider.name})`,
    (world) => {
      const newest = () => provider.texts(world)[0];
      const latestClaimToken = (phone: string) => {
        const text = provider.texts(world).find((sms) => sms.to === phone && sms.body.includes('/claim/'));
        const token = text?.body.match(/\/claim\/([A-Za-z0-9_-]+)/)?.[1];
        if (!token) throw new Error(`no claim link was texted to ${phone}`);
        return token;
      };
      it('invites by SMS, claims, recovers with the code, and claims again after a reset (R3, R7, R9, R10, R11, R12, R51)', async () => {
        const { admin, slug } = await seedCommunity(world);
        const adminClient = await signIn(world.app, admin.email ?? '', undefined, slug);
        await enablePhoneProfiles(adminClient);

        const created = await adminClient.post('/api/v1/people', {
          phone: '07911 123456',
          givenName: 'Sam',
          familyName: 'Okafor',
        });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.json()).toMatchObject({
          phone: '+447911123456',
          state: 'invited',
          loginKind: 'phone',
        });
        const personId = created.json().id;

        expect(await dispatchDue(world)).toBe(1);
        const invitation = newest();
        expect(invitation?.to).toBe('+447911123456');
        expect(invitation?.body).toContain(`Community ${slug}`);
        const token = latestClaimToken('+447911123456');

        // Opening the link changes nothing (R7): twice, and the account is still unclaimed.
        for (let i = 0; i < 2; i++) {
          const page = await world.app.inject({ method: 'GET', url: `/api/v1/claim/${token}` });
          expect(page.statusCode, page.body).toBe(200);
          expect(page.json()).toMatchObject({
            community: `Community ${slug}`,
            displayName: 'Sam Okafor',
            maskedPhone: '+44 ••••••3456',
          });
        }

        const claimed = await world.app.inject({
          method: 'POST',
          url: `/api/v1/claim/${token}`,
          payload: { password: 'first shift at dawn' },
        });
        expect(claimed.statusCode, claimed.body).toBe(200);
        expect(claimed.json().person.state).toBe('active');
        const worker = new Client(world.app, sessionCookieFrom(claimed), claimed.json().csrfToken);
        expect((await worker.get('/api/v1/me')).statusCode).toBe(200);

        // The link is single use.
        const again = await world.app.inject({
          method: 'POST',
          url: `/api/v1/claim/${token}`,
          payload: { password: 'another password' },
        });
        expect(again.statusCode).toBe(410);
        expect(again.json().code).toBe('claim_link_used');

        expect(await dispatchDue(world)).toBe(1);
        const codeText = newest()?.body ?? '';
        const code = codeText.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
        expect(code, codeText).toBeTruthy();

        expect((await worker.post('/api/v1/auth/logout')).statusCode).toBe(204);
        const phoneLogin = await signIn(world.app, '+44 7911 123456', 'first shift at dawn', slug);
        expect((await phoneLogin.get('/api/v1/me')).statusCode).toBe(200);

        // Forgot password with the code, logging out other devices (R10).
        const recovered = await world.app.inject({
          method: 'POST',
          url: '/api/v1/auth/recover',
          payload: {
            community: slug,
            phone: '447911123456',
            recoveryCode: (code ?? '').toLowerCase().replace('-', ' '),
            newPassword: 'second shift at dusk',
            logoutOtherDevices: true,
          },
        });
        expect(recovered.statusCode, recovered.body).toBe(200);
        expect(recovered.json().otherSessionsEnded).toBe(1);
        expect((await phoneLogin.get('/api/v1/me')).statusCode).toBe(401);
        const afterReset = new Client(world.app, sessionCookieFrom(recovered), recovered.json().csrfToken);
        // The worker is told their password changed (R41), in case it was not them.
        expect(await dispatchDue(world)).toBe(1);
        expect(newest()?.to).toBe('+447911123456');
        expect(newest()?.body).toBe(
          `Community ${slug} on Muster: your password was changed. If this was not you, tell your admin at once.`,
        );

        // The code was single use (R9).
        const reuse = await world.app.inject({
          method: 'POST',
          url: '/api/v1/auth/recover',
          payload: {
            community: slug,
            phone: '+447911123456',
            recoveryCode: code,
            newPassword: 'third time lucky',
            logoutOtherDevices: false,
          },
        });
        expect(reuse.statusCode).toBe(400);
        expect(reuse.json().code).toBe('recovery_failed');

        // Get your recovery code (R11).
        const regenerated = await afterReset.post('/api/v1/me/recovery-code', {
          password: 'second shift at dusk',
        });
        expect(regenerated.statusCode, regenerated.body).toBe(200);
        expect(regenerated.json().recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(await dispatchDue(world)).toBe(1);
        expect(newest()?.body).toContain('new recovery code was made');

        // Reset to unclaimed (R12): sessions end, the password goes, a fresh link arrives.
        const reset = await adminClient.post(`/api/v1/people/${personId}/unclaim`);
        expect(reset.statusCode, reset.body).toBe(200);
        expect(reset.json().person.state).toBe('invited');
        expect((await afterReset.get('/api/v1/me')).statusCode).toBe(401);
        const oldPassword = await world.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { community: slug, identifier: '+447911123456', password: 'second shift at dusk' },
        });
        expect(oldPassword.statusCode).toBe(401);
        expect(await dispatchDue(world)).toBe(1);
        const secondToken = latestClaimToken('+447911123456');
        expect(secondToken).not.toBe(token);
        const reclaimed = await world.app.inject({
          method: 'POST',
          url: `/api/v1/claim/${secondToken}`,
          payload: { password: 'back on the floor' },
        });
        expect(reclaimed.statusCode, reclaimed.body).toBe(200);
        expect(await dispatchDue(world)).toBe(1);

        await provider.deliver(world);
        const sms = await adminClient.get(`/api/v1/sms-messages?personId=${personId}`);
        expect(sms.statusCode, sms.body).toBe(200);
        expect(sms.json().items.map((m: { kind: string }) => m.kind)).toEqual([
          'recovery_code',
          'claim_invitation',
          'recovery_code_changed',
          'password_changed',
          'recovery_code',
          'claim_invitation',
        ]);
        for (const message of sms.json().items) {
          expect(message.status).toBe('delivered');
          expect(message.text).not.toMatch(/[0-9A-Z]{5}-[0-9A-Z]{5}/);
          expect(message.text).not.toContain(token);
          expect(message.to).toBe('+44 ••••••3456');
        }
        const stored = await world.deps.db
          .selectFrom('messages')
          .select('body')
          .where('person_id', '=', personId)
          .execute();
        expect(stored.every((row) => row.body === null)).toBe(true);
      });
    },
    { config: provider.config },
  );
}
