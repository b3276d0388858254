import { useEffect, useSyncExternalStore } from 'react';
import { loadCatalogue, type MessageKey, type Messages } from './catalogues';
import {
  directionOf,
  type LocaleCode,
  type LocaleSources,
  type ResolvedLocale,
  resolveLocale,
} from './locale-choice';
import { formatMessage, formatNumber as formatNumberIn, type Values } from './message-format';
import { en } from './messages/en';

/**
 * Every string the pages show comes from a message catalogue, keyed by id; `{name}` marks a
 * value filled in, `{count, plural, …}` a word that changes with a number (see message-format.ts).
 * English is always loaded; the page's language (docs/languages.md) is fetched when first needed.
 */
export type { MessageKey };

interface Active extends ResolvedLocale {
  messages: Messages;
}

let active: Active = { code: 'en', intl: 'en', messages: en };

export function t(key: MessageKey, values: Values = {}): string {
  // A key added to English since a translation was made reads in English, not as its id; a
  // translation that cannot be read (test/i18n-catalogues.test.ts keeps them readable) too.
  try {
    return formatMessage(active.messages[key] ?? en[key] ?? key, values, active.intl);
  } catch {
    return formatMessage(en[key] ?? key, values, active.intl);
  }
}

export function formatNumber(value: number): string {
  return formatNumberIn(value, active.intl);
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  let format = dateTimes.get(active.intl);
  if (!format) {
    format = new Intl.DateTimeFormat(active.intl, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(active.intl, format);
  }
  return format.format(new Date(iso));
}

/** The locale numbers and dates are written for, for the few places that call Intl themselves. */
export const intlLocale = (): string => active.intl;

/** The language the page speaks now. */
export const currentLocale = (): LocaleCode => active.code;

// ---- Which language, and switching to it -------------------------------------------------------

const CHOSEN_KEY = 'muster.locale';
const listeners = new Set<() => void>();
let sources: LocaleSources = {};
let generation = 0;

function stored(): string | null {
  try {
    return localStorage.getItem(CHOSEN_KEY);
  } catch {
    return null; // storage refused (a private window on some phones): the choice lasts the visit
  }
}

function currentSources(): LocaleSources {
  return { ...sources, chosen: sources.chosen ?? stored(), browser: navigator.languages };
}

/** Loads the language the sources call for, then shows it: the old one stays until it arrives. */
async function apply(): Promise<void> {
  const mine = ++generation;
  const wanted = resolveLocale(currentSources());
  if (wanted.code === active.code && wanted.intl === active.intl) return;
  let messages: Messages = en;
  if (wanted.code !== 'en') {
    try {
      messages = await loadCatalogue[wanted.code]();
    } catch {
      return; // offline: keep the language already shown rather than break the page
    }
  }
  if (mine !== generation) return;
  active = { ...wanted, messages };
  document.documentElement.lang = wanted.code;
  document.documentElement.dir = directionOf(wanted.code);
  for (const listener of listeners) listener();
}

/** Before the first render: the remembered choice or the browser's language, so nothing flickers. */
export function startLocale(): Promise<void> {
  return apply();
}

/** The language picker's choice, remembered in this browser. */
export function chooseLocale(code: LocaleCode): void {
  sources = { ...sources, chosen: code };
  try {
    localStorage.setItem(CHOSEN_KEY, code);
  } catch {
    // kept in memory for this visit (see `stored`)
  }
  void apply();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page's language; a component that calls it renders again, with its children, on a change. */
export function useLocale(): LocaleCode {
  return useSyncExternalStore(
    subscribe,
    () => active.code,
    () => active.code,
  );
}

/**
 * Tells the pages what the session knows: the signed-in person's language and the community's.
 * Called once, at the top of the app, which then renders again in the new language.
 */
export function useSessionLocale(person: string | null | undefined, community: string | null | undefined) {
  useEffect(() => {
    sources = { ...sources, person, community };
    void apply();
  }, [person, community]);
  return useLocale();
}

/** A claim link knows whose it is: its page opens in the language of the texts they got. */
export function useLinkLocale(link: string | null | undefined) {
  useEffect(() => {
    sources = { ...sources, link };
    void apply();
    return () => {
      sources = { ...sources, link: null };
      void apply();
    };
  }, [link]);
}
