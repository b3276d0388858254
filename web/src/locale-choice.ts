/**
 * Which language a page speaks (R61): the languages there are, and the rule that picks one.
 * Pure, so the test suite checks the rule without a browser.
 */

/** The languages the pages speak (R61), each named in itself, as the language picker shows it. */
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'tl', name: 'Tagalog', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

// Languages people are often set to that one of the catalogues serves: Filipino is written as
// Tagalog at work, and a Portuguese speaker from Portugal reads Brazilian Portuguese readily.
const SAME_LANGUAGE: Record<string, LocaleCode> = { fil: 'tl', pt: 'pt-BR' };

/**
 * The catalogue for a locale as people, browsers and imports write it (`es-MX`, `pt_PT`,
 * `fil-PH`, `AR`), or null when Muster does not speak that language.
 */
export function matchLocale(tag: string | null | undefined): LocaleCode | null {
  if (!tag) return null;
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((locale) => locale.code.toLowerCase() === wanted);
  if (exact) return exact.code;
  const language = wanted.split('-')[0] ?? '';
  return SAME_LANGUAGE[language] ?? LOCALES.find((locale) => locale.code === language)?.code ?? null;
}

/** Where a page's language may come from, strongest first (docs/languages.md). */
export interface LocaleSources {
  /** The signed-in person's own language, from their profile. */
  person?: string | null | undefined;
  /** What was chosen with the language picker in this browser. */
  chosen?: string | null | undefined;
  /** The language of the texts of the person a claim link is for. */
  link?: string | null | undefined;
  /** The community's default language. */
  community?: string | null | undefined;
  /** The browser's languages, `navigator.languages`. */
  browser?: readonly string[] | undefined;
}

export interface ResolvedLocale {
  code: LocaleCode;
  /** The locale numbers and dates are formatted for: the wanted tag's region where it has one. */
  intl: string;
}

export function resolveLocale(sources: LocaleSources): ResolvedLocale {
  const wanted = [
    sources.person,
    sources.chosen,
    sources.link,
    sources.community,
    ...(sources.browser ?? []),
  ];
  for (const tag of wanted) {
    const code = matchLocale(tag);
    if (code && tag) return { code, intl: intlLocale(code, tag) };
  }
  return { code: 'en', intl: 'en' };
}

function intlLocale(code: LocaleCode, tag: string): string {
  // Arabic pages use the digits people type codes and numbers with (0-9): a page that showed
  // ٣ of ٨ beside a field that takes 3 and 8 would mix two sets of digits.
  if (code === 'ar') return 'ar-u-nu-latn';
  let regional: string | undefined;
  try {
    regional = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    regional = undefined;
  }
  // en-GB dates for a British worker, es-MX for a Mexican one; the words stay the catalogue's.
  return regional && matchLocale(regional) === code ? regional : code;
}

export function directionOf(code: LocaleCode): 'ltr' | 'rtl' {
  return LOCALES.find((locale) => locale.code === code)?.dir ?? 'ltr';
}
