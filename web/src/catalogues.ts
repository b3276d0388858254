import type { LocaleCode } from './locale-choice';
import type { en } from './messages/en';

export type MessageKey = keyof typeof en;
/** A language's catalogue: every key of the English one (a missing key fails the type check). */
export type Messages = Record<MessageKey, string>;

/** Each catalogue but English is its own file, fetched only by those who read that language. */
export const loadCatalogue: Record<Exclude<LocaleCode, 'en'>, () => Promise<Messages>> = {
  es: () => import('./messages/es').then((m) => m.es),
  'pt-BR': () => import('./messages/pt-BR').then((m) => m.ptBR),
  fr: () => import('./messages/fr').then((m) => m.fr),
  de: () => import('./messages/de').then((m) => m.de),
  pl: () => import('./messages/pl').then((m) => m.pl),
  tl: () => import('./messages/tl').then((m) => m.tl),
  ar: () => import('./messages/ar').then((m) => m.ar),
};
