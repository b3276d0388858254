import type { SmsCatalogue } from '../messages.js';

/**
 * Polish, written without diacritics ("haslo", "Twoj"), as Polish service texts customarily are:
 * one letter such as ą or ł turns a text into UCS-2, which would cost two or three segments for
 * these texts (a link alone is 57 characters) instead of one, and SMS gateways and phones in
 * Poland strip the diacritics for that reason, so readers expect it. Impersonal forms
 * ("zostalo zresetowane", "utworzono") where a past tense would guess a gender.
 */
export const pl: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `${community} zaprasza Cie do Muster. Ustaw haslo pod tym linkiem: ${link}`,
  claimReminder: ({ community, link }) =>
    `Przypomnienie: ${community} czeka na Ciebie w Muster. Ustaw haslo: ${link}`,
  accountReset: ({ community, link }) =>
    `${community}: Twoje konto w Muster zostalo zresetowane. Ustaw nowe haslo: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} w Muster: Twoj kod odzyskiwania to ${code}. Przechowuj go bezpiecznie, pozwala zresetowac haslo.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} w Muster: utworzono nowy kod odzyskiwania do Twojego konta. Jesli to nie Ty, powiadom administratora.`,
  passwordChanged: ({ community }) =>
    `${community} w Muster: haslo do Twojego konta zostalo zmienione. Jesli to nie Ty, od razu powiadom administratora.`,
};
