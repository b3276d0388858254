import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/**
 * German: "Sie", and "die Administration" for the admins, as the pages say. After the greeting's
 * comma the text goes on in lower case, as German letters do.
 */
const days = (n: number) => counted('de', n, { one: '# Tag', other: '# Tage' });

export const de: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} hat Sie zu Muster eingeladen`,
    text: `Guten Tag ${name},\n\n${community} hat bei Muster ein Konto für Sie angelegt. Wählen Sie Ihr Passwort, um sich anzumelden:\n\n${link}\n\nDer Link funktioniert nur einmal und ist ${days(d)} gültig. Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Erinnerung: ${community} wartet bei Muster auf Sie`,
    text: `Guten Tag ${name},\n\nIhr Konto für ${community} bei Muster ist bereit, aber Sie haben noch kein Passwort gewählt. Wählen Sie es hier:\n\n${link}\n\nDer Link funktioniert nur einmal und ist ${days(d)} gültig.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `${community} hat Ihr Muster-Konto zurückgesetzt`,
    text: `Guten Tag ${name},\n\ndie Administration von ${community} hat Ihr Muster-Konto zurückgesetzt; Ihr bisheriges Passwort funktioniert nicht mehr. Wählen Sie ein neues, um sich anzumelden:\n\n${link}\n\nDer Link funktioniert nur einmal und ist ${days(d)} gültig. Wenn Sie nicht wissen, warum, fragen Sie Ihre Administration.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Muster-Passwort für ${community} zurücksetzen`,
    text: `Guten Tag ${name},\n\njemand möchte das Passwort Ihres Kontos für ${community} bei Muster zurücksetzen. Wenn Sie das waren, wählen Sie innerhalb einer Stunde ein neues Passwort:\n\n${link}\n\nWenn nicht, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Ihr Muster-Passwort für ${community} wurde geändert`,
    text: `Guten Tag ${name},\n\ndas Passwort Ihres Kontos für ${community} bei Muster wurde soeben geändert. Wenn Sie das waren, müssen Sie nichts tun.\n\nWenn nicht, informieren Sie bitte sofort Ihre Administration.`,
  }),
};
