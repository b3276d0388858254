import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, languageOf, messageLocale } from '../src/locales.js';
import { catalogueFor, type SmsCatalogue, segmentsOf } from '../src/sms/messages.js';
import { matchLocale } from '../web/src/locale-choice.js';

// R61: every text in every language stays within the fewest segments its alphabet allows, for
// the longest input that is still typical: a 30-character community name, a real claim link
// (a public address and 24 URL-safe characters, as src/invitations/claim-link.ts makes them) and
// a formatted recovery code.

const COMMUNITY = 'Northfield Distribution Centre';
const LINK = `https://muster.example.com/claim/${'aZ3_-9kQ'.repeat(3)}`;
const CODE = 'ABCDE-FGHJK';

type Template = keyof SmsCatalogue;
const TEMPLATES: readonly Template[] = [
  'claimInvitation',
  'claimReminder',
  'accountReset',
  'recoveryCode',
  'recoveryCodeChanged',
  'passwordChanged',
];
const WITH_LINK: ReadonlySet<Template> = new Set(['claimInvitation', 'claimReminder', 'accountReset']);

type Budget = { encoding: 'GSM-7' | 'UCS-2'; segments: number };
const ONE_GSM: Budget = { encoding: 'GSM-7', segments: 1 };
const TWO_UCS: Budget = { encoding: 'UCS-2', segments: 2 };
const all = (budget: Budget) =>
  Object.fromEntries(TEMPLATES.map((template) => [template, budget])) as Record<Template, Budget>;

/**
 * The budget of each text, stated. One GSM-7 segment (160 septets) wherever the language can be
 * written in GSM-7 without misspelling it:
 * - English, French (no ê/ç/typographic apostrophe in the texts), German (ä ö ü ß are GSM-7) and
 *   Tagalog: every text.
 * - Polish: every text, written without diacritics as Polish service texts customarily are
 *   (src/sms/messages/pl.ts says why); with them each would be two or three UCS-2 segments.
 * - Spanish and Brazilian Portuguese: the link texts and the password notice are worded around
 *   á/í/ó/ú and ã/ç/ê; the two recovery-code texts must say "código de recuperación" /
 *   "código de recuperação", the words the page asks for, so they are UCS-2 in two segments
 *   (134 characters), as correct spelling needs.
 * Arabic is UCS-2 throughout: two segments (134 characters) each, the link texts included.
 */
const BUDGETS: Record<Language, Record<Template, Budget>> = {
  en: all(ONE_GSM),
  fr: all(ONE_GSM),
  de: all(ONE_GSM),
  tl: all(ONE_GSM),
  pl: all(ONE_GSM),
  es: { ...all(ONE_GSM), recoveryCode: TWO_UCS, recoveryCodeChanged: TWO_UCS },
  'pt-BR': { ...all(ONE_GSM), recoveryCode: TWO_UCS, recoveryCodeChanged: TWO_UCS },
  ar: all(TWO_UCS),
};

function render(
  language: string,
  template: Template,
  input = { community: COMMUNITY, link: LINK, code: CODE },
) {
  const catalogue = catalogueFor(language);
  switch (template) {
    case 'claimInvitation':
    case 'claimReminder':
    case 'accountReset':
      return catalogue[template]({ community: input.community, link: input.link });
    case 'recoveryCode':
      return catalogue.recoveryCode({ community: input.community, code: input.code });
    default:
      return catalogue[template]({ community: input.community });
  }
}

describe('segmentsOf: counting SMS segments', () => {
  it('fits 160 GSM-7 septets in one segment and 153 in each part of a longer text', () => {
    expect(segmentsOf('')).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3 });
    expect(segmentsOf('a'.repeat(459))).toEqual({ encoding: 'GSM-7', segments: 3 });
  });

  it('counts the extension characters (€ [ ] { } ~ ^ | \\) as two septets', () => {
    expect(segmentsOf('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf(`${'a'.repeat(158)}[`)).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf(`${'a'.repeat(159)}]`)).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf(`${'a'.repeat(150)}{}~^|\\`.slice(0, 155))).toEqual({ encoding: 'GSM-7', segments: 1 });
  });

  it('never splits an extension character across two parts', () => {
    // 152 + 2 + 152 = 306 septets would fill two parts of 153, but the € cannot straddle them.
    expect(segmentsOf(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', segments: 3 });
    expect(segmentsOf(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toEqual({ encoding: 'GSM-7', segments: 2 });
  });

  it("takes the accented letters GSM-7 has (é è ñ ü ä ö à ß ¿ ¡) and refuses those it doesn't", () => {
    expect(segmentsOf('é è ù ì ò à ñ Ñ ü Ü ä Ä ö Ö ß ¿ ¡ É Å å Ø ø Æ æ Ç £ ¥ § @ $')).toEqual(ONE_GSM);
    for (const letter of [
      'á',
      'í',
      'ó',
      'ú',
      'ç',
      'ã',
      'õ',
      'ê',
      'â',
      'ô',
      'ą',
      'ł',
      'ś',
      'ż',
      '’',
      '\u00a0',
    ]) {
      expect(segmentsOf(`Tap here ${letter}`).encoding, letter).toBe('UCS-2');
    }
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7: 70 in one, 67 in each part', () => {
    expect(segmentsOf(`${'a'.repeat(159)}ł`)).toEqual({ encoding: 'UCS-2', segments: 3 });
    expect(segmentsOf(`${'a'.repeat(69)}ł`)).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(segmentsOf(`${'a'.repeat(70)}ł`)).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(segmentsOf('ع'.repeat(134))).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(segmentsOf('ع'.repeat(135))).toEqual({ encoding: 'UCS-2', segments: 3 });
  });

  it('counts a character beyond the BMP (an emoji) as two UCS-2 units, never split across parts', () => {
    expect(segmentsOf('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(segmentsOf(`${'😀'.repeat(35)}a`)).toEqual({ encoding: 'UCS-2', segments: 2 });
    // 66 + 2 + 66 = 134 units would fill two parts of 67, but the emoji cannot straddle them.
    expect(segmentsOf(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', segments: 3 });
  });
});

describe('the texts in every language (R61)', () => {
  it('has a catalogue for each language Muster speaks', () => {
    const english = catalogueFor('en');
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      expect(catalogueFor(language), language).not.toBe(english);
    }
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it.each(TEMPLATES)(
      '%s stays within its budget for a 30-character name, a real link and code',
      (template) => {
        const text = render(language, template);
        expect(segmentsOf(text), text).toEqual(BUDGETS[language][template]);
      },
    );

    it.each(TEMPLATES)('%s names the community and carries the link or code whole', (template) => {
      const text = render(language, template);
      expect(text).toContain(COMMUNITY);
      if (WITH_LINK.has(template)) expect(text).toContain(LINK);
      if (template === 'recoveryCode') expect(text).toContain(CODE);
      expect(text).not.toMatch(/undefined|\$\{|\s{2}/);
    });

    it('keeps every text within budget for any typical name of up to 30 characters and any link', () => {
      const gsmName = fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 &-.,'),
        minLength: 1,
        maxLength: 30,
      });
      const token = fc.string({
        unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        minLength: 24,
        maxLength: 24,
      });
      fc.assert(
        fc.property(gsmName, token, (community, secret) => {
          const input = { community, link: `https://muster.example.com/claim/${secret}`, code: CODE };
          for (const template of TEMPLATES) {
            expect(segmentsOf(render(language, template, input))).toEqual(BUDGETS[language][template]);
          }
        }),
        { numRuns: 60 },
      );
    });
  });

  it('writes Arabic texts so that a phone lays them out right to left, even with a Latin name', () => {
    for (const template of TEMPLATES) {
      const first = [...render('ar', template)].find((char) => /\p{L}/u.test(char)) ?? '';
      expect(first, template).toMatch(/\p{Script=Arabic}/u);
    }
  });
});

describe('choosing the language of a text (R61)', () => {
  it('reads regional and related locales as the language Muster writes', () => {
    const spanish = catalogueFor('es').claimInvitation({ community: 'Acme', link: LINK });
    expect(catalogueFor('es-MX').claimInvitation({ community: 'Acme', link: LINK })).toBe(spanish);
    expect(catalogueFor('es_419').claimInvitation({ community: 'Acme', link: LINK })).toBe(spanish);
    const tagalog = catalogueFor('tl').passwordChanged({ community: 'Acme' });
    expect(catalogueFor('fil').passwordChanged({ community: 'Acme' })).toBe(tagalog);
    expect(catalogueFor('fil-PH').passwordChanged({ community: 'Acme' })).toBe(tagalog);
    const portuguese = catalogueFor('pt-BR').passwordChanged({ community: 'Acme' });
    expect(catalogueFor('pt').passwordChanged({ community: 'Acme' })).toBe(portuguese);
    expect(catalogueFor('pt-PT').passwordChanged({ community: 'Acme' })).toBe(portuguese);
    expect(catalogueFor('PT_br').passwordChanged({ community: 'Acme' })).toBe(portuguese);
    const english = catalogueFor('en').passwordChanged({ community: 'Acme' });
    expect(catalogueFor('it').passwordChanged({ community: 'Acme' })).toBe(english);
    expect(catalogueFor(null).passwordChanged({ community: 'Acme' })).toBe(english);
  });

  it("takes the person's language, else the community's, else English", () => {
    expect(messageLocale('es-MX', 'de')).toBe('es-MX');
    expect(messageLocale('es_mx', 'de')).toBe('es-MX');
    expect(messageLocale(null, 'fil')).toBe('fil');
    expect(messageLocale('it', 'fr')).toBe('fr');
    expect(messageLocale('it', 'nl')).toBe('en');
    expect(messageLocale(null, null)).toBe('en');
  });

  it('agrees with the pages on which language a locale reads', () => {
    const tags = ['en', 'en-GB', 'es', 'es-MX', 'ES_419', 'pt', 'pt-BR', 'pt_PT', 'fr-CA', 'de-AT', 'pl-PL']
      .concat(['tl', 'fil', 'fil-PH', 'ar', 'ar-EG', 'AR', 'it', 'zh-Hant-TW', 'x', ''])
      .concat(LANGUAGES);
    for (const tag of tags) expect(languageOf(tag), tag).toBe(matchLocale(tag));
  });
});
