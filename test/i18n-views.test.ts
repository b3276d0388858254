import { expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  latestClaimToken,
  seedCommunity,
  signIn,
} from './harness.js';

// What the pages need from the server to speak a person's language (R61): the community's default
// language with the signed-in person, and the language of a claim link's person before anyone
// has signed in.
eachDatabase('languages in the API (R61)', (world) => {
  it("answers /me with the person's locale and the community's default language", async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    const me = (await client.get('/api/v1/me')).json();
    expect(me.person.locale).toBeNull();
    expect(me.community.defaultLocale).toBe('en');

    const changed = await client.patch('/api/v1/settings', { defaultLocale: 'pl' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client.get('/api/v1/me')).json().community.defaultLocale).toBe('pl');
  });

  it("tells the claim page the language of the person's texts: their own, else the community's", async () => {
    const { admin, slug } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    await enablePhoneProfiles(client);
    await client.patch('/api/v1/settings', { defaultLocale: 'es' });
    const languageOfLink = async (phone: string, locale?: string) => {
      const created = await client.post('/api/v1/people', { phone, displayName: 'Ana Lima', locale });
      expect(created.statusCode, created.body).toBe(201);
      await dispatchDue(world);
      const token = latestClaimToken(world, phone);
      const page = await world.app.inject({ method: 'GET', url: `/api/v1/claim/${token}` });
      expect(page.statusCode, page.body).toBe(200);
      return page.json().locale;
    };
    const unique = String(Date.now()).slice(-6);
    expect(await languageOfLink(`+447400${unique}`, 'ar')).toBe('ar');
    expect(await languageOfLink(`+447401${unique}`)).toBe('es');
  });
});
