import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueReminders } from '../src/invitations/reminders.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { emailCatalogueFor } from '../src/mail/messages.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { startFakeSmtp } from './fakes/smtp.js';
import {
  ADMIN_PASSWORD,
  Client,
  devMail,
  dispatchDue,
  eachDatabase,
  expectProblem,
  loginBody,
  seedCommunity,
  signIn,
  testConfig,
  verifiedElsewhere,
  type World,
} from './harness.js';

// Email accounts (R20): invitations, reminders, resets to unclaimed and forgot-password links go
// out through the one outbox (R50) to a real SMTP server on 127.0.0.1, which the tests read.

const PASSWORD = 'orchard lantern 58 river';
const NEW_PASSWORD = 'harbour violet 73 meadow';
const smtp = await startFakeSmtp({ user: 'muster', password: 'smtp secret' });
afterAll(() => smtp.close());

/** Waits until a condition holds: forgot-password works after its answer, on purpose. */
async function until<T>(
  probe: () => Promise<T | null | undefined> | T | null | undefined,
  what: string,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The newest email the SMTP server received for an address (with this in its subject), after
 * sending what is due. Emails due together are sent in parallel, so their order is not theirs.
 */
async function lastMailTo(world: World, address: string, subject = '') {
  await dispatchDue(world);
  const mail = [...smtp.received]
    .reverse()
    .find((m) => m.to.includes(address) && (m.parsed.subject ?? '').includes(subject));
  if (!mail) throw new Error(`no email about "${subject}" reached ${address}`);
  return mail;
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address)).length;

function linkIn(text: string, path: 'claim' | 'reset'): string {
  const token = text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1];
  if (!token) throw new Error(`no /${path}/ link in: ${text}`);
  return token;
}

let serial = 0;
const freshAddress = (name = 'worker') => {
  serial += 1;
  return `${name}.${serial}.${Date.now()}@office.example`;
};

eachDatabase(
  'email accounts (R20)',
  (world) => {
    let admin: Client;
    let adminEmail: string;
    let slug: string;
    let community: string;

    beforeAll(async () => {
      const seeded = await seedCommunity(world);
      slug = seeded.slug;
      community = seeded.community.name;
      adminEmail = seeded.admin.email ?? '';
      admin = await signIn(world.app, adminEmail, ADMIN_PASSWORD, slug);
    });

    const anonymous = () => new Client(world.app);

    async function addEmailPerson(address = freshAddress(), body: Record<string, unknown> = {}) {
      const added = await admin.post('/api/v1/people', {
        email: address,
        displayName: 'Olu Office',
        ...body,
      });
      expect(added.statusCode, added.body).toBe(201);
      return { id: added.json().id as string, address };
    }

    /** Adds an email person and claims the account through the emailed link. */
    async function claimedEmailPerson() {
      const person = await addEmailPerson();
      const invitation = await lastMailTo(world, person.address);
      const claimed = await anonymous().post(
        `/api/v1/claim/${linkIn(invitation.parsed.text ?? '', 'claim')}`,
        {
          password: PASSWORD,
        },
      );
      expect(claimed.statusCode, claimed.body).toBe(200);
      return person;
    }

    async function forgot(address: string) {
      const before = await countMessages(address);
      const answer = await anonymous().post('/api/v1/auth/forgot', { community: slug, email: address });
      return { answer, before };
    }

    async function countMessages(address: string) {
      const rows = await world.deps.db
        .selectFrom('messages')
        .select('id')
        .where('recipient', '=', address)
        .execute();
      return rows.length;
    }

    describe('invitations by email', () => {
      it('emails a new email person a claim link with a text and an HTML part and transactional headers', async () => {
        const { address } = await addEmailPerson();
        const mail = await lastMailTo(world, address);
        expect(mail.from).toMatch(/^no-reply@/);
        expect(mail.parsed.subject).toBe(`${community} invited you to Muster`);
        const text = mail.parsed.text ?? '';
        expect(text).toContain('Olu Office');
        expect(text).toMatch(/http:\/\/muster\.test\/claim\/[A-Za-z0-9_-]{20,}/);
        const html = String(mail.parsed.html);
        expect(html).toContain(`href="http://muster.test/claim/${linkIn(text, 'claim')}"`);
        expect(html).toContain('lang="en"');
        expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
        expect(mail.parsed.headers.has('list-unsubscribe')).toBe(false);
        expect(mail.parsed.headers.get('content-language')).toBe('en');
      });

      it('claims through the emailed link: the page masks the address, no recovery code is made, and the email signs in', async () => {
        const { id, address } = await addEmailPerson();
        const token = linkIn((await lastMailTo(world, address)).parsed.text ?? '', 'claim');
        const page = await anonymous().get(`/api/v1/claim/${token}`);
        expect(page.statusCode, page.body).toBe(200);
        expect(page.json()).toMatchObject({
          maskedPhone: null,
          maskedEmail: expect.stringMatching(/^w•+@office\.example$/),
        });
        const claimed = await anonymous().post(`/api/v1/claim/${token}`, { password: PASSWORD });
        expect(claimed.statusCode, claimed.body).toBe(200);
        const row = await world.deps.db
          .selectFrom('people')
          .select(['claimed', 'recovery_code_hash'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ claimed: 1, recovery_code_hash: null });
        const login = await anonymous().post('/api/v1/auth/login', {
          community: slug,
          identifier: address,
          password: PASSWORD,
        });
        expect(login.statusCode, login.body).toBe(200);
      });

      it('reminds by email with a new link that kills the old one (R8, R13)', async () => {
        const { id, address } = await addEmailPerson();
        const first = linkIn((await lastMailTo(world, address)).parsed.text ?? '', 'claim');
        const reminded = await admin.post(`/api/v1/people/${id}/remind`);
        expect(reminded.statusCode, reminded.body).toBe(200);
        const reminder = await lastMailTo(world, address, 'Reminder');
        expect(reminder.parsed.subject).toBe(`Reminder: ${community} is waiting for you on Muster`);
        expectProblem(await anonymous().get(`/api/v1/claim/${first}`), 410, 'claim_link_superseded');
        expect(
          (await anonymous().get(`/api/v1/claim/${linkIn(reminder.parsed.text ?? '', 'claim')}`)).statusCode,
        ).toBe(200);
      });

      it('R13: reminds an unclaimed email account by itself on day 3, by email', async () => {
        const { address } = await addEmailPerson();
        await lastMailTo(world, address, 'invited');
        world.clock.advanceDays(3);
        await sendDueReminders({ deps: world.deps });
        const reminder = await lastMailTo(world, address, 'Reminder');
        expect(reminder.parsed.subject).toBe(`Reminder: ${community} is waiting for you on Muster`);
        // Three days on, the admin's session has ended (R41): later tests need a new one.
        admin = await signIn(world.app, adminEmail, ADMIN_PASSWORD, slug);
      });

      it('resets a claimed email account to unclaimed with an emailed link (R12)', async () => {
        const { id, address } = await claimedEmailPerson();
        const reset = await admin.post(`/api/v1/people/${id}/unclaim`);
        expect(reset.statusCode, reset.body).toBe(200);
        const mail = await lastMailTo(world, address, 'reset your Muster account');
        expect(mail.parsed.subject).toBe(`${community} reset your Muster account`);
        const login = await anonymous().post('/api/v1/auth/login', {
          community: slug,
          identifier: address,
          password: PASSWORD,
        });
        expect(login.statusCode).toBe(401);
        const reclaimed = await anonymous().post(`/api/v1/claim/${linkIn(mail.parsed.text ?? '', 'claim')}`, {
          password: NEW_PASSWORD,
        });
        expect(reclaimed.statusCode, reclaimed.body).toBe(200);
      });

      it('sends at most five claim emails to an address a day; the sixth is 429 with Retry-After (R5)', async () => {
        const { id, address } = await addEmailPerson();
        for (let i = 0; i < 4; i++)
          expect((await admin.post(`/api/v1/people/${id}/remind`)).statusCode).toBe(200);
        const refused = await admin.post(`/api/v1/people/${id}/remind`);
        expectProblem(refused, 429, 'claim_email_daily_limit');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(await countMessages(address)).toBe(5);
        const allowance = await admin.get(`/api/v1/people/${id}/claim-sms`);
        expect(allowance.json()).toMatchObject({ limit: 5, used: 5, left: 0 });
      });

      it('refuses to email an invitation to a domain another community has verified, and adds nobody (R26)', async () => {
        await verifiedElsewhere(world, 'rival-foods.co.uk');
        for (const address of ['ana@rival-foods.co.uk', 'ben@depot.rival-foods.co.uk']) {
          const refused = await admin.post('/api/v1/people', { email: address, displayName: 'Ana Rival' });
          expectProblem(refused, 409, 'email_domain_verified_elsewhere');
          expect(await countMessages(address)).toBe(0);
        }
        const kept = await admin.get(`/api/v1/people?q=${encodeURIComponent('rival-foods')}`);
        expect(kept.json().items).toEqual([]);
      });

      it('shows emails in the message log with the address masked and the link hidden (R32)', async () => {
        const { id } = await addEmailPerson();
        const log = await admin.get(`/api/v1/sms-messages?personId=${id}&medium=email`);
        expect(log.statusCode, log.body).toBe(200);
        const [entry] = log.json().items;
        expect(entry).toMatchObject({
          medium: 'email',
          to: expect.stringMatching(/^w•+@office\.example$/),
          subject: `${community} invited you to Muster`,
          kind: 'claim_invitation',
        });
        expect(entry.text).toContain('/claim/[hidden]');
      });
    });

    describe('forgot password by emailed link', () => {
      it('answers the same 202 for an unknown address, and sends nothing', async () => {
        const known = await claimedEmailPerson();
        const unknown = await forgot(freshAddress('nobody'));
        const real = await forgot(known.address);
        expect(unknown.answer.statusCode).toBe(202);
        expect(real.answer.statusCode).toBe(202);
        expect(unknown.answer.body).toBe(real.answer.body);
        await until(async () => (await countMessages(known.address)) > real.before, 'the reset email');
        expect(await countMessages(`nobody.${serial}`)).toBe(0);
      });

      it('emails a one-hour link: GET changes nothing, POST sets the password, signs in and ends other sessions', async () => {
        const { address } = await claimedEmailPerson();
        const elsewhere = await signIn(world.app, address, PASSWORD, slug);
        const { before } = await forgot(address);
        await until(async () => (await countMessages(address)) > before, 'the reset email');
        const mail = await lastMailTo(world, address, 'Reset your');
        expect(mail.parsed.subject).toBe(`Reset your Muster password for ${community}`);
        const token = linkIn(mail.parsed.text ?? '', 'reset');

        const page = await anonymous().get(`/api/v1/reset/${token}`);
        expect(page.statusCode, page.body).toBe(200);
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.json()).toMatchObject({ community, secondFactorRequired: false });
        expect((await anonymous().get(`/api/v1/reset/${token}`)).statusCode).toBe(200);

        expectProblem(
          await anonymous().post(`/api/v1/reset/${token}`, { password: 'short' }),
          400,
          'password_too_short',
        );
        const reset = await anonymous().post(`/api/v1/reset/${token}`, {
          password: NEW_PASSWORD,
          logoutOtherDevices: true,
        });
        expect(reset.statusCode, reset.body).toBe(200);
        expect(reset.json().otherSessionsEnded).toBeGreaterThanOrEqual(1);
        expect(reset.headers['set-cookie']).toBeDefined();
        expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);

        expectProblem(
          await anonymous().post(`/api/v1/reset/${token}`, { password: NEW_PASSWORD }),
          410,
          'reset_link_used',
        );
        const old = await anonymous().post('/api/v1/auth/login', {
          community: slug,
          identifier: address,
          password: PASSWORD,
        });
        expect(old.statusCode).toBe(401);
        const fresh = await anonymous().post('/api/v1/auth/login', {
          community: slug,
          identifier: address,
          password: NEW_PASSWORD,
        });
        expect(fresh.statusCode, fresh.body).toBe(200);
        // R41: the change is announced to the address.
        expect((await lastMailTo(world, address, 'was changed')).parsed.subject).toBe(
          `Your Muster password for ${community} was changed`,
        );
      });

      it('ends what apps hold for the person only when the reset logs out other devices (R31, R60)', async () => {
        const signOuts = (id: string) =>
          world.deps.db.selectFrom('account_events').select('kind').where('person_id', '=', id).execute();
        for (const logoutOtherDevices of [false, true]) {
          const { id, address } = await claimedEmailPerson();
          const { before } = await forgot(address);
          await until(async () => (await countMessages(address)) > before, 'the reset email');
          const token = linkIn((await lastMailTo(world, address, 'Reset your')).parsed.text ?? '', 'reset');
          const reset = await anonymous().post(`/api/v1/reset/${token}`, {
            password: NEW_PASSWORD,
            logoutOtherDevices,
          });
          expect(reset.statusCode, reset.body).toBe(200);
          // The provider's logout worker acts on the event: apps' grants and tokens end, the account goes on.
          expect(await signOuts(id)).toEqual(logoutOtherDevices ? [{ kind: 'signed_out_everywhere' }] : []);
        }
      });

      it('lets exactly one of several parallel uses of a link through', async () => {
        const { address } = await claimedEmailPerson();
        const { before } = await forgot(address);
        await until(async () => (await countMessages(address)) > before, 'the reset email');
        const token = linkIn((await lastMailTo(world, address, 'Reset your')).parsed.text ?? '', 'reset');
        const answers = await Promise.all(
          Array.from({ length: 5 }, () =>
            anonymous().post(`/api/v1/reset/${token}`, { password: NEW_PASSWORD }),
          ),
        );
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410, 410, 410, 410]);
      });

      it('expires a link after an hour, and a newer password makes every other link useless', async () => {
        const { address } = await claimedEmailPerson();
        for (let i = 0; i < 2; i++) {
          const { before } = await forgot(address);
          await until(async () => (await countMessages(address)) > before, 'a reset email');
        }
        await dispatchDue(world);
        const links = smtp.received
          .filter((m) => m.to.includes(address) && m.parsed.subject?.startsWith('Reset'))
          .map((m) => linkIn(m.parsed.text ?? '', 'reset'));
        expect(links).toHaveLength(2);
        expect(
          (await anonymous().post(`/api/v1/reset/${links[0]}`, { password: NEW_PASSWORD })).statusCode,
        ).toBe(200);
        expectProblem(await anonymous().get(`/api/v1/reset/${links[1]}`), 410, 'reset_link_used');

        const { before } = await forgot(address);
        await until(async () => (await countMessages(address)) > before, 'a third reset email');
        const late = linkIn((await lastMailTo(world, address, 'Reset your')).parsed.text ?? '', 'reset');
        world.clock.advance(61 * 60_000);
        expectProblem(await anonymous().get(`/api/v1/reset/${late}`), 410, 'reset_link_expired');
        expectProblem(
          await anonymous().post(`/api/v1/reset/${late}`, { password: PASSWORD }),
          410,
          'reset_link_expired',
        );
      });

      it('sends an address at most three reset emails an hour, however often someone asks', async () => {
        const { id, address } = await claimedEmailPerson();
        for (let i = 0; i < 6; i++) expect((await forgot(address)).answer.statusCode).toBe(202);
        await until(async () => {
          const rows = await world.deps.db
            .selectFrom('audit_events')
            .select('count')
            .where('target_id', '=', id)
            .where('type', '=', 'Password Reset Requested')
            .execute();
          return rows.reduce((sum, row) => sum + row.count, 0) >= 6;
        }, 'six audited requests');
        const resets = await world.deps.db
          .selectFrom('messages')
          .select('id')
          .where('recipient', '=', address)
          .where('kind', '=', 'password_reset')
          .execute();
        expect(resets).toHaveLength(3);
      });

      it('sends an account that has not been claimed nothing: a stranger spends none of its invitations (R5)', async () => {
        const { id, address } = await addEmailPerson();
        const first = linkIn((await lastMailTo(world, address, 'invited you')).parsed.text ?? '', 'claim');
        const { before } = await forgot(address);
        await until(async () => {
          const rows = await world.deps.db
            .selectFrom('audit_events')
            .select('details')
            .where('target_id', '=', id)
            .where('type', '=', 'Password Reset Requested')
            .execute();
          return rows.some((row) => row.details.includes('not_claimed'));
        }, 'the audited request');
        expect(await countMessages(address)).toBe(before);
        // The invitation the admin sent still works, and today's allowance is untouched.
        expect((await anonymous().get(`/api/v1/claim/${first}`)).statusCode).toBe(200);
        expect((await admin.get(`/api/v1/people/${id}/claim-sms`)).json()).toMatchObject({ used: 1 });
      });

      it('never resets an administrator with the emailed link alone: the authenticator code is needed too (R40)', async () => {
        const { before } = await forgot(adminEmail);
        await until(async () => (await countMessages(adminEmail)) > before, 'the admin reset email');
        const token = linkIn((await lastMailTo(world, adminEmail, 'Reset your')).parsed.text ?? '', 'reset');
        expect((await anonymous().get(`/api/v1/reset/${token}`)).json().secondFactorRequired).toBe(true);
        expectProblem(
          await anonymous().post(`/api/v1/reset/${token}`, { password: NEW_PASSWORD }),
          401,
          'second_factor_required',
        );
        expectProblem(
          await anonymous().post(`/api/v1/reset/${token}`, { password: NEW_PASSWORD, totp: '000000' }),
          401,
          'totp_invalid',
        );
        const { totp } = await loginBody(world, adminEmail, ADMIN_PASSWORD, slug);
        const reset = await anonymous().post(`/api/v1/reset/${token}`, {
          password: NEW_PASSWORD,
          totp,
          logoutOtherDevices: false,
        });
        expect(reset.statusCode, reset.body).toBe(200);
        // Put the harness's password back for the other tests.
        admin = await signIn(world.app, adminEmail, NEW_PASSWORD, slug);
        const back = await admin.post('/api/v1/me/password', {
          currentPassword: NEW_PASSWORD,
          newPassword: ADMIN_PASSWORD,
          logoutOtherDevices: false,
        });
        expect(back.statusCode, back.body).toBe(200);
        admin.adopt(back);
      });

      it('refuses an administrator without an authenticator yet: ask another admin (R40)', async () => {
        const manager = await addEmailPerson(freshAddress('sysadmin'));
        expect(
          (await admin.put(`/api/v1/people/${manager.id}/role`, { role: 'system_admin' })).statusCode,
        ).toBe(200);
        const invitation = await lastMailTo(world, manager.address);
        const claimed = await anonymous().post(
          `/api/v1/claim/${linkIn(invitation.parsed.text ?? '', 'claim')}`,
          {
            password: PASSWORD,
          },
        );
        expect(claimed.statusCode, claimed.body).toBe(200);
        const { before } = await forgot(manager.address);
        await until(async () => (await countMessages(manager.address)) > before, 'the reset email');
        const token = linkIn(
          (await lastMailTo(world, manager.address, 'Reset your')).parsed.text ?? '',
          'reset',
        );
        expectProblem(
          await anonymous().post(`/api/v1/reset/${token}`, { password: NEW_PASSWORD }),
          403,
          'recovery_not_allowed',
        );
      });
    });

    describe('delivery through the outbox (R50)', () => {
      it('fails an email the server refuses for good (550) at once, audited and visible to admins', async () => {
        const { id, address } = await addEmailPerson();
        smtp.refuseNext(550, 'No such mailbox');
        await dispatchDue(world);
        const [entry] = (await admin.get(`/api/v1/sms-messages?personId=${id}`)).json().items;
        expect(entry).toMatchObject({
          medium: 'email',
          status: 'failed',
          error: { code: 'smtp_550' },
          resendable: true,
        });
        const audited = await world.deps.db
          .selectFrom('audit_events')
          .select('type')
          .where('target_id', '=', id)
          .where('type', '=', 'Email Failed')
          .execute();
        expect(audited).toHaveLength(1);
        expect(mailsTo(address)).toBe(0);
        // Resending makes a new invitation that arrives.
        expect((await admin.post(`/api/v1/sms-messages/${entry.id}/resend`)).statusCode).toBe(200);
        await lastMailTo(world, address);
      });

      it('retries an email the server turns away for now (451), and delivers it later', async () => {
        const { id, address } = await addEmailPerson();
        smtp.refuseNext(451, 'Try again later');
        await dispatchDue(world);
        const [waiting] = (await admin.get(`/api/v1/sms-messages?personId=${id}`)).json().items;
        expect(waiting).toMatchObject({ status: 'queued', error: { code: 'smtp_451' } });
        world.clock.advance(10 * 60_000);
        await lastMailTo(world, address);
        const [sent] = (await admin.get(`/api/v1/sms-messages?personId=${id}`)).json().items;
        expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      });
    });
  },
  { config: { MUSTER_SMTP_URL: smtp.url, MUSTER_MAIL_FROM: 'no-reply@muster.test' } },
);

describe('mail configuration (R20)', () => {
  it('reads the three SMTP URL forms and their TLS modes', () => {
    const mail = (url: string) => testConfig({ MUSTER_SMTP_URL: url }).mail;
    expect(mail('smtp://u:p%40ss@mail.example:2525')).toMatchObject({
      transport: 'smtp',
      host: 'mail.example',
      port: 2525,
      tls: 'opportunistic',
      user: 'u',
      password: 'p@ss',
    });
    expect(mail('smtp+starttls://mail.example')).toMatchObject({ port: 587, tls: 'starttls' });
    expect(mail('smtps://mail.example')).toMatchObject({ port: 465, tls: 'implicit' });
    expect(testConfig().mail).toMatchObject({ transport: 'console', from: 'Muster <no-reply@muster.test>' });
    expect(() => testConfig({ MUSTER_SMTP_URL: 'http://mail.example' })).toThrow(/MUSTER_SMTP_URL/);
  });

  it("keeps emails queued, not failed, when the mail server refuses Muster's login", async () => {
    const wrong = smtp.url.replace('smtp%20secret', 'wrong');
    const mailer = createMailer(
      testConfig({ MUSTER_SMTP_URL: wrong }).mail,
      () => new Date(),
      () => undefined,
    );
    try {
      const result = await mailer.send({
        id: 'm2',
        to: 'olu@acme.example',
        subject: 'Hi',
        body: 'Hello',
        validForSeconds: 60,
      });
      expect(result).toMatchObject({ ok: false, permanent: false, code: 'smtp_535' });
    } finally {
      await mailer.close();
    }
  });

  it('keeps the embedded default on the console and the development inbox', async () => {
    const printed: string[] = [];
    const mailer = createMailer(
      testConfig({ MUSTER_PUBLIC_URL: 'http://localhost:3000' }).mail,
      () => new Date(),
      (line) => printed.push(line),
    );
    const email = emailCatalogueFor('en').passwordChanged({ community: 'Acme', name: 'Olu' });
    expect(
      await mailer.send({
        id: 'm1',
        to: 'olu@acme.example',
        subject: email.subject,
        body: email.text,
        validForSeconds: 60,
      }),
    ).toMatchObject({ ok: true });
    expect(printed[0]).toContain('Email to olu@acme.example');
    expect(printed[0]).toContain(email.text);
    expect(mailer.inbox?.()[0]).toMatchObject({ to: 'olu@acme.example', subject: email.subject });
  });

  it('prints no email or text body to the log of a server on a public address (R32)', async () => {
    const config = testConfig({ MUSTER_PUBLIC_URL: 'https://people.acme.example' });
    const printed: string[] = [];
    const print = (line: string) => printed.push(line);
    const link = 'https://people.acme.example/claim/sEcReTtOkEn';
    const message = { id: 'm1', subject: 'Invited', body: `Claim: ${link}`, validForSeconds: 60 };
    await createMailer(config.mail, () => new Date(), print).send({ ...message, to: 'olu@acme.example' });
    await createSmsProvider(config, () => new Date(), print).send({ ...message, to: '+447911123456' });
    expect(printed).toHaveLength(2);
    for (const line of printed) {
      expect(line).not.toContain('sEcReTtOkEn');
      expect(line).toContain('not sent');
    }
    expect(printed.join('\n')).not.toMatch(/olu@acme|7911123456/);
  });
});

eachDatabase('development email inbox', (world) => {
  it('holds the invitation of an email person when no SMTP server is set', async () => {
    const seeded = await seedCommunity(world);
    const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
    const address = freshAddress('inbox');
    expect(
      (await admin.post('/api/v1/people', { email: address, displayName: 'Ina Inbox' })).statusCode,
    ).toBe(201);
    await dispatchDue(world);
    expect(devMail(world).find((m) => m.to === address)?.body).toContain('/claim/');
  });
});

eachDatabase(
  'email budget of the server',
  (world) => {
    it('refuses the email past the hourly budget with 429, adding nobody; the next hour has room again', async () => {
      const seeded = await seedCommunity(world);
      const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
      const add = (address: string) =>
        admin.post('/api/v1/people', { email: address, displayName: 'Bulk Mail' });
      world.clock.advance(3_600_000 - (world.clock.now().getTime() % 3_600_000) + 60_000);
      expect((await add(freshAddress('budget'))).statusCode).toBe(201);
      expect((await add(freshAddress('budget'))).statusCode).toBe(201);
      const over = freshAddress('budget');
      const refused = await add(over);
      expectProblem(refused, 429, 'email_capacity_reached');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await admin.get(`/api/v1/people?q=${encodeURIComponent(over)}`)).json().items).toEqual([]);
      // Without an invitation nothing is emailed, so the person can still be added.
      expect(
        (await admin.post('/api/v1/people', { email: over, displayName: 'Later', sendInvitation: false }))
          .statusCode,
      ).toBe(201);
      world.clock.advance(3_600_000);
      expect((await add(freshAddress('budget'))).statusCode).toBe(201);
    });
  },
  { config: { MUSTER_EMAILS_PER_HOUR: '2' } },
);
