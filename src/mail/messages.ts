import { type Language, languageOf } from '../locales.js';
import { ar } from './messages/ar.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { pl } from './messages/pl.js';
import { ptBR } from './messages/pt-BR.js';
import { tl } from './messages/tl.js';

/** An email as written: its subject and its plain text (the HTML part is made from the text). */
export interface Email {
  subject: string;
  text: string;
}

type Invite = { community: string; name: string; link: string; days: number };

/**
 * What Muster emails, one catalogue per language (R61). Each names the community (so the person
 * knows who writes), says what to do in one sentence, and what to do if they did not expect it.
 * A secret (a link) is passed in separately so the same email can be rendered masked for admins.
 */
export interface EmailCatalogue {
  claimInvitation(p: Invite): Email;
  claimReminder(p: Invite): Email;
  accountReset(p: Invite): Email;
  passwordReset(p: { community: string; name: string; link: string }): Email;
  passwordChanged(p: { community: string; name: string }): Email;
}

const catalogues: Record<Language, EmailCatalogue> = { en, es, 'pt-BR': ptBR, fr, de, pl, tl, ar };

/** The emails for a locale (`es-MX` reads Spanish, `fil` Tagalog, `pt` Brazilian Portuguese); else English. */
export function emailCatalogueFor(locale: string | null | undefined): EmailCatalogue {
  return catalogues[languageOf(locale) ?? 'en'];
}
