import type { SmsCatalogue } from '../messages.js';

/** German ("Sie"). GSM-7 has ä, ö, ü and ß: every text is one GSM-7 segment. */
export const de: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `${community} hat Sie zu Muster eingeladen. Passwort hier festlegen: ${link}`,
  claimReminder: ({ community, link }) =>
    `Erinnerung: ${community} wartet bei Muster auf Sie. Passwort hier festlegen: ${link}`,
  accountReset: ({ community, link }) =>
    `${community} hat Ihr Muster-Konto zurückgesetzt. Neues Passwort festlegen: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} bei Muster: Ihr Wiederherstellungscode lautet ${code}. Gut aufbewahren, damit setzen Sie Ihr Passwort zurück.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} bei Muster: Ein neuer Wiederherstellungscode wurde erstellt. Waren Sie das nicht? Informieren Sie Ihre Administration.`,
  passwordChanged: ({ community }) =>
    `${community} bei Muster: Ihr Passwort wurde geändert. Waren Sie das nicht? Informieren Sie sofort Ihre Administration.`,
};
