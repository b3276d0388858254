import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, matchLocale, resolveLocale } from '../web/src/locale-choice.js';
import { argumentNames, formatMessage, pluralForms } from '../web/src/message-format.js';
import { en } from '../web/src/messages/en.js';
import { formatPhone, loginText } from '../web/src/ui/phone.js';

// The pages' languages (R61): every catalogue says everything English says, with the same values
// filled in, and a form for every number its language tells apart. The catalogues are loaded by
// file name, one per language of LOCALES (the web app's type check holds their shape).
type Catalogue = Record<string, string>;
async function catalogue(code: string): Promise<Catalogue> {
  const module: Record<string, Catalogue> = await import(
    new URL(`../web/src/messages/${code}.ts`, import.meta.url).href
  );
  const found = Object.values(module)[0];
  if (!found) throw new Error(`web/src/messages/${code}.ts exports no catalogue`);
  return found;
}
const catalogues: [string, Catalogue][] = await Promise.all(
  LOCALES.map(async (locale): Promise<[string, Catalogue]> => [locale.code, await catalogue(locale.code)]),
);
const englishKeys = Object.keys(en).sort();

describe('message catalogues (R61)', () => {
  it('has one file per language in web/src/messages, and no language without a file', () => {
    const files = readdirSync(new URL('../web/src/messages/', import.meta.url))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(LOCALES.map((locale) => locale.code).sort());
  });

  describe.each(catalogues)('%s', (code, messages) => {
    it('has exactly the keys of the English catalogue', () => {
      const keys = Object.keys(messages).sort();
      expect(
        englishKeys.filter((key) => !keys.includes(key)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((key) => !englishKeys.includes(key)),
        'not in English',
      ).toEqual([]);
    });

    it('has no empty message', () => {
      expect(Object.keys(messages).filter((key) => (messages[key] ?? '').trim() === '')).toEqual([]);
    });

    it('fills in the same values as English, key by key', () => {
      const different = Object.keys(en).flatMap((key) => {
        const translated = messages[key];
        if (translated === undefined) return [];
        const want = [...argumentNames(en[key as keyof typeof en])].sort();
        const got = [...argumentNames(translated)].sort();
        return want.join() === got.join()
          ? []
          : [`${key}: {${got.join('}, {')}} instead of {${want.join('}, {')}}`];
      });
      expect(different).toEqual([]);
    });

    it("gives every plural form the language's Intl.PluralRules tells apart, and no other", () => {
      const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const wrong = Object.entries(messages).flatMap(([key, message]) =>
        pluralForms(message).flatMap(({ name, forms }) => {
          const categories = forms.filter((form) => !form.startsWith('='));
          const missing = needed.filter((category) => !categories.includes(category));
          const unknown = categories.filter((category) => !(needed as string[]).includes(category));
          return missing.length || unknown.length
            ? [`${key} {${name}}: missing [${missing.join(', ')}] unknown [${unknown.join(', ')}]`]
            : [];
        }),
      );
      expect(wrong).toEqual([]);
    });

    it('formats every message without leaving a value unfilled', () => {
      const values = (message: string) =>
        Object.fromEntries([...argumentNames(message)].map((name) => [name, 7]));
      const unfilled = Object.entries(messages).filter(([, message]) =>
        /\{\w+\}/.test(formatMessage(message, values(message), code)),
      );
      expect(unfilled.map(([key]) => key)).toEqual([]);
    });
  });

  it('counts in Polish with one, few and many forms', async () => {
    const pl = await catalogue('pl');
    const devices = (count: number) => formatMessage(pl['security.othersEnded'] ?? '', { count }, 'pl');
    expect(devices(1)).toBe('Wylogowano 1 inne urządzenie.');
    expect(devices(3)).toBe('Wylogowano 3 inne urządzenia.');
    expect(devices(5)).toBe('Wylogowano 5 innych urządzeń.');
    expect(devices(22)).toBe('Wylogowano 22 inne urządzenia.');
    expect(devices(1000)).toBe('Wylogowano 1000 innych urządzeń.');
  });

  it('counts in Arabic with its six forms, the dual without a digit', async () => {
    const ar = await catalogue('ar');
    const people = (count: number) => formatMessage(ar['people.count'] ?? '', { count }, 'ar-u-nu-latn');
    expect([0, 1, 2, 3, 11, 100].map(people)).toEqual([
      'لا أحد',
      'شخص واحد',
      'شخصان',
      '3 أشخاص',
      '11 شخصًا',
      '100 شخص',
    ]);
  });

  it('writes numbers as the language does', () => {
    const message = en['people.count'];
    expect(formatMessage(message, { count: 1 }, 'en')).toBe('1 person');
    expect(formatMessage(message, { count: 12500 }, 'en')).toBe('12,500 people');
    expect(formatMessage('{n}', { n: 12500 }, 'de')).toBe('12.500');
    expect(formatMessage('{n}', { n: 12500 }, 'fr')).toBe('12\u202f500');
  });
});

describe('choosing the language (R61)', () => {
  it('reads locales as people, browsers and imports write them', () => {
    expect(matchLocale('es-MX')).toBe('es');
    expect(matchLocale('pt_PT')).toBe('pt-BR');
    expect(matchLocale('pt-br')).toBe('pt-BR');
    expect(matchLocale('fil-PH')).toBe('tl');
    expect(matchLocale('AR')).toBe('ar');
    expect(matchLocale('it')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });

  it("takes the person's own language, then the picker's, the link's, the community's, the browser's, then English", () => {
    const all = { person: 'pl', chosen: 'de', link: 'fr', community: 'es', browser: ['ar'] };
    expect(resolveLocale(all).code).toBe('pl');
    expect(resolveLocale({ ...all, person: null }).code).toBe('de');
    expect(resolveLocale({ ...all, person: null, chosen: null }).code).toBe('fr');
    expect(resolveLocale({ ...all, person: null, chosen: null, link: null }).code).toBe('es');
    expect(resolveLocale({ browser: ['it-IT', 'ar-EG'] }).code).toBe('ar');
    expect(resolveLocale({ person: 'it', browser: ['zh'] })).toEqual({ code: 'en', intl: 'en' });
  });

  it('formats dates and numbers for the region of the wanted locale, Arabic with the digits people type', () => {
    expect(resolveLocale({ person: 'en-GB' })).toEqual({ code: 'en', intl: 'en-GB' });
    expect(resolveLocale({ browser: ['es-MX'] })).toEqual({ code: 'es', intl: 'es-MX' });
    expect(resolveLocale({ person: 'ar-EG' })).toEqual({ code: 'ar', intl: 'ar-u-nu-latn' });
  });
});

describe('phone numbers shown to people (R61)', () => {
  it('formats E.164 as people write it, and keeps it left to right on Arabic pages', () => {
    expect(formatPhone('+447911123456')).toBe('+44 7911 123456');
    expect(formatPhone('07911 123456', 'GB')).toBe('+44 7911 123456');
    expect(formatPhone('not a number')).toBe('not a number');
    expect(loginText('+447911123456')).toBe('\u2066+44 7911 123456\u2069');
    expect(loginText('+44 ••••••3456')).toBe('\u2066+44 ••••••3456\u2069');
    expect(loginText('ana@acme.test')).toBe('ana@acme.test');
    expect(loginText(null)).toBe('—');
  });
});
