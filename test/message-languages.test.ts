import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/locales.js';
import { htmlOf } from '../src/mail/html.js';
import { type EmailCatalogue, emailCatalogueFor } from '../src/mail/messages.js';
import { segmentsOf } from '../src/sms/messages.js';
import {
  ADMIN_PASSWORD,
  type Client,
  devInbox,
  devMail,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  latestClaimToken,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// R61: the server's own words (texts and emails) in the person's language, else the community's.

const COMMUNITY = 'Northfield Distribution Centre';
const NAME = 'Ana Lima';
const LINK = 'https://muster.example.com/claim/aZ3_-9kQaZ3_-9kQaZ3_-9kQ';

type Template = keyof EmailCatalogue;
const TEMPLATES: readonly Template[] = [
  'claimInvitation',
  'claimReminder',
  'accountReset',
  'passwordReset',
  'passwordChanged',
];

function email(locale: string, template: Template, days = 14) {
  const catalogue = emailCatalogueFor(locale);
  const facts = { community: COMMUNITY, name: NAME, link: LINK, days };
  return template === 'passwordChanged' ? catalogue.passwordChanged(facts) : catalogue[template](facts);
}

describe('emails in every language (R20, R61)', () => {
  describe.each(LANGUAGES)('%s', (language) => {
    it.each(TEMPLATES)('%s names the community and the person, and carries the link whole', (template) => {
      const { subject, text } = email(language, template);
      expect(subject).toContain(COMMUNITY);
      expect(text).toContain(COMMUNITY);
      expect(text).toContain(NAME);
      if (template !== 'passwordChanged') expect(text).toContain(`\n\n${LINK}\n\n`);
      expect(`${subject}\n${text}`).not.toMatch(/undefined|NaN|\$\{|#/);
      if (language !== 'en') expect(text).not.toBe(email('en', template).text);
    });
  });

  const lasts = (locale: string, days: number) => email(locale, 'claimInvitation', days).text;

  it('counts the days of a link with each language’s plural forms (Intl.PluralRules)', () => {
    expect(lasts('en', 1)).toContain('lasts 1 day.');
    expect(lasts('en', 14)).toContain('lasts 14 days.');
    expect(lasts('de', 1)).toContain('ist 1 Tag gültig');
    expect(lasts('de', 14)).toContain('ist 14 Tage gültig');
    expect(lasts('es', 1)).toContain('durante 1 día.');
    expect(lasts('es', 14)).toContain('durante 14 días.');
    expect(lasts('pt-BR', 1)).toContain('vale por 1 dia.');
    expect(lasts('pt-BR', 14)).toContain('vale por 14 dias.');
    expect(lasts('fr', 1)).toContain('valable 1 jour.');
    expect(lasts('fr', 14)).toContain('valable 14 jours.');
    expect(lasts('tl', 14)).toContain('nang 14 araw.');
    expect([1, 2, 5, 14, 22, 90].map((n) => lasts('pl', n).match(/przez (\d+ \S+)\./)?.[1])).toEqual([
      '1 dzień',
      '2 dni',
      '5 dni',
      '14 dni',
      '22 dni',
      '90 dni',
    ]);
    expect([1, 2, 3, 10, 11, 90].map((n) => lasts('ar', n).match(/لمدة (.+?)\./)?.[1])).toEqual([
      'يوم واحد',
      'يومين',
      '3 أيام',
      '10 أيام',
      '11 يومًا',
      '90 يومًا',
    ]);
  });

  it('reads regional and related locales as the language Muster writes, else English', () => {
    expect(email('es-MX', 'passwordReset')).toEqual(email('es', 'passwordReset'));
    expect(email('fil-PH', 'passwordReset')).toEqual(email('tl', 'passwordReset'));
    expect(email('pt', 'passwordReset')).toEqual(email('pt-BR', 'passwordReset'));
    expect(email('it', 'passwordReset')).toEqual(email('en', 'passwordReset'));
  });

  it('marks an Arabic email right to left in its HTML part', () => {
    const { subject, text } = email('ar', 'claimInvitation');
    const html = htmlOf(subject, text, 'ar', new URL(LINK).origin);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`href="${LINK}"`);
  });

  it("makes only Muster's own links clickable: a URL typed into a name stays text", () => {
    const { subject, text } = emailCatalogueFor('en').claimInvitation({
      community: 'Acme',
      name: 'Win a prize at https://evil.example/prize',
      link: LINK,
      days: 14,
    });
    const html = htmlOf(subject, text, 'en', new URL(LINK).origin);
    expect(html).toContain(`href="${LINK}"`);
    expect(html).not.toContain('href="https://evil.example');
    expect(html).toContain('https://evil.example/prize');
  });
});

eachDatabase('texts and emails in the worker’s language (R61)', (world) => {
  let serial = 0;
  const uniquePhone = () => {
    serial += 1;
    return `+447400${String(serial).padStart(2, '0')}${String(Date.now()).slice(-4)}`;
  };

  async function community(defaultLocale?: string) {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    await enablePhoneProfiles(client);
    if (defaultLocale) {
      const changed = await client.patch('/api/v1/settings', { defaultLocale });
      expect(changed.statusCode, changed.body).toBe(200);
    }
    return { client, name: `Community ${slug}` };
  }

  async function addPhonePerson(client: Client, locale?: string) {
    const phone = uniquePhone();
    const added = await client.post('/api/v1/people', {
      phone,
      displayName: NAME,
      ...(locale ? { locale } : {}),
    });
    expect(added.statusCode, added.body).toBe(201);
    await dispatchDue(world);
    return phone;
  }

  const textsTo = (w: World, phone: string) => devInbox(w).filter((sms) => sms.to === phone);

  it('texts a Spanish-speaking worker (es-MX) in Spanish: invitation, claim page and recovery code', async () => {
    const { client, name } = await community();
    const phone = await addPhonePerson(client, 'es-MX');
    const [invitation] = textsTo(world, phone);
    expect(invitation?.body).toMatch(
      new RegExp(`^${name} te invita a Muster\\. Crea tu contraseña en este enlace: http`),
    );
    expect(segmentsOf(invitation?.body ?? '')).toEqual({ encoding: 'GSM-7', segments: 1 });

    const token = latestClaimToken(world, phone);
    const page = await world.app.inject({ method: 'GET', url: `/api/v1/claim/${token}` });
    expect(page.json().locale).toBe('es-MX');

    const short = await world.app.inject({
      method: 'POST',
      url: `/api/v1/claim/${token}`,
      payload: { password: 'corta' },
    });
    // The number the words carry is there for a page that says them in Spanish.
    expect(expectProblem(short, 400, 'password_too_short')).toMatchObject({ minLength: 8 });

    const claimed = await world.app.inject({
      method: 'POST',
      url: `/api/v1/claim/${token}`,
      payload: { password: 'turno de mañana temprano' },
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    await dispatchDue(world);
    const [recovery] = textsTo(world, phone);
    expect(recovery?.body).toMatch(
      new RegExp(`^${name} en Muster: tu código de recuperación es [0-9A-Z]{5}-[0-9A-Z]{5}\\. Guárdalo`),
    );
    expect(segmentsOf(recovery?.body ?? '')).toEqual({ encoding: 'UCS-2', segments: 2 });
  });

  it("writes in the community's language to a person whose own language Muster does not write", async () => {
    const { client, name } = await community('fr');
    const italian = await addPhonePerson(client, 'it');
    expect(textsTo(world, italian)[0]?.body).toMatch(new RegExp(`^${name} vous invite sur Muster\\.`));
    const unset = await addPhonePerson(client);
    expect(textsTo(world, unset)[0]?.body).toMatch(new RegExp(`^${name} vous invite sur Muster\\.`));
    const filipino = await addPhonePerson(client, 'fil');
    expect(textsTo(world, filipino)[0]?.body).toMatch(new RegExp(`^Inimbitahan ka ng ${name} sa Muster\\.`));
  });

  it('emails a Polish-speaking worker in Polish, counting the days the Polish way, marked as Polish', async () => {
    const { client, name } = await community('de');
    const address = `ola.${Date.now()}@office.example`;
    const added = await client.post('/api/v1/people', {
      email: address,
      displayName: 'Ola Nowak',
      locale: 'pl',
    });
    expect(added.statusCode, added.body).toBe(201);
    await dispatchDue(world);
    const mail = devMail(world).find((m) => m.to === address);
    expect(mail?.subject).toBe(`${name} zaprasza Cię do Muster`);
    expect(mail?.body).toContain('Dzień dobry, Ola Nowak!');
    expect(mail?.body).toContain('jest ważny przez 14 dni.');
    const row = await world.deps.db
      .selectFrom('messages')
      .select('locale')
      .where('recipient', '=', address)
      .executeTakeFirstOrThrow();
    expect(row.locale).toBe('pl');
  });
});
