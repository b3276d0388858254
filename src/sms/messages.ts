import { type Language, languageOf } from '../locales.js';
import { ar } from './messages/ar.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { pl } from './messages/pl.js';
import { ptBR } from './messages/pt-BR.js';
import { tl } from './messages/tl.js';

/**
 * What Muster texts, one catalogue per language (R61). Each text names the community (so the
 * worker knows who writes) and says what to do, in the fewest segments the language's alphabet
 * allows for a long community name and a real link or code: test/sms-segments.test.ts states each
 * language's budget and holds every template to it. A secret is passed in separately so that the
 * same sentence can be rendered masked.
 */
export interface SmsCatalogue {
  claimInvitation(p: { community: string; link: string }): string;
  claimReminder(p: { community: string; link: string }): string;
  accountReset(p: { community: string; link: string }): string;
  recoveryCode(p: { community: string; code: string }): string;
  recoveryCodeChanged(p: { community: string }): string;
  passwordChanged(p: { community: string }): string;
}

const catalogues: Record<Language, SmsCatalogue> = { en, es, 'pt-BR': ptBR, fr, de, pl, tl, ar };

/** The texts for a locale (`es-MX` reads Spanish, `fil` Tagalog, `pt` Brazilian Portuguese); else English. */
export function catalogueFor(locale: string | null | undefined): SmsCatalogue {
  return catalogues[languageOf(locale) ?? 'en'];
}

/** What admins may see in place of a secret. */
export const HIDDEN = '[hidden]';

// The GSM 03.38 basic set and its extension table (extension characters cost two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/**
 * How many segments a text costs as one concatenated SMS: 160 GSM-7 septets or 70 UCS-2 code
 * units fit in one; a longer text is sent in parts of 153 septets or 67 units (the rest carries
 * the header that joins them). One character outside GSM-7 makes the whole text UCS-2. A part
 * never splits a GSM-7 escape pair or a UTF-16 surrogate pair, so such a character at a part's
 * end moves whole into the next part.
 */
export function segmentsOf(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const septets: number[] = [];
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) septets.push(1);
    else if (GSM7_EXTENDED.includes(char)) septets.push(2);
    else
      return {
        encoding: 'UCS-2',
        segments: parts(
          [...text].map((c) => c.length),
          70,
          67,
        ),
      };
  }
  return { encoding: 'GSM-7', segments: parts(septets, 160, 153) };
}

function parts(costs: readonly number[], single: number, each: number): number {
  if (costs.reduce((sum, cost) => sum + cost, 0) <= single) return 1;
  let count = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > each) {
      count += 1;
      used = 0;
    }
    used += cost;
  }
  return count;
}
