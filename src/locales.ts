/**
 * The languages Muster writes its texts and emails in (R61), and the rule that picks one for a
 * person. The web app keeps the same list and rule for its pages in web/src/locale-choice.ts (it
 * cannot import the server); test/sms-segments.test.ts holds the two to the same answers.
 */
export const LANGUAGES = ['en', 'es', 'pt-BR', 'fr', 'de', 'pl', 'tl', 'ar'] as const;

export type Language = (typeof LANGUAGES)[number];

// Filipino is written as Tagalog at work, and a Portuguese speaker from Portugal reads Brazilian
// Portuguese readily.
const SAME_LANGUAGE: Record<string, Language> = { fil: 'tl', pt: 'pt-BR' };

/** A locale as people, imports and identity providers write it (`es_mx`, `PT-br`), as BCP 47 does. */
function tidy(tag: string): string {
  const [language = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  return [
    language.toLowerCase(),
    ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part)),
  ].join('-');
}

/** The catalogue a locale reads (`es-MX` → `es`, `fil-PH` → `tl`, `pt-PT` → `pt-BR`), or null. */
export function languageOf(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const wanted = tidy(tag);
  const exact = LANGUAGES.find((language) => language.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const language = wanted.split('-')[0] ?? '';
  return SAME_LANGUAGE[language] ?? LANGUAGES.find((known) => known === language) ?? null;
}

/**
 * The locale a person's texts and emails are written for: the first of `tags` (the person's own,
 * then the community's default) whose language Muster writes, kept as given (`es-MX`), else `en`.
 * A person set to a language Muster does not write (say `it`) gets the community's language,
 * as their pages do, rather than English.
 */
export function messageLocale(...tags: (string | null | undefined)[]): string {
  for (const tag of tags) {
    if (tag && languageOf(tag)) return tidy(tag);
  }
  return 'en';
}
