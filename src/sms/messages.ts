/**
 * What Muster texts, keyed by locale. Each text names the community (so the worker knows who
 * writes) and stays within one GSM-7 segment (160 characters) for typical names and links.
 * A secret is passed in separately so that the same sentence can be rendered masked.
 */
export interface SmsCatalogue {
  claimInvitation(p: { community: string; link: string }): string;
  claimReminder(p: { community: string; link: string }): string;
  accountReset(p: { community: string; link: string }): string;
  recoveryCode(p: { community: string; code: string }): string;
  recoveryCodeChanged(p: { community: string }): string;
  passwordChanged(p: { community: string }): string;
}

const en: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `${community} invited you to Muster. Tap to set your password: ${link}`,
  claimReminder: ({ community, link }) =>
    `Reminder: ${community} is waiting for you on Muster. Set your password: ${link}`,
  accountReset: ({ community, link }) =>
    `${community} reset your Muster account. Choose a new password to sign in: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} on Muster: your recovery code is ${code}. Keep it safe; it resets your password.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} on Muster: a new recovery code was made for your account. If this was not you, tell your admin.`,
  passwordChanged: ({ community }) =>
    `${community} on Muster: your password was changed. If this was not you, tell your admin at once.`,
};

const catalogues: Record<string, SmsCatalogue> = { en };

export function catalogueFor(locale: string | null | undefined): SmsCatalogue {
  const language = (locale ?? 'en').split('-')[0] ?? 'en';
  return catalogues[locale ?? ''] ?? catalogues[language] ?? en;
}

/** What admins may see in place of a secret. */
export const HIDDEN = '[hidden]';

// The GSM 03.38 basic set and its extension table (extension characters cost two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/** How many SMS segments a text takes: 160 GSM-7 septets in one, else 70 UCS-2 characters. */
export function segmentsOf(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  let septets = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENDED.includes(char)) septets += 2;
    else {
      const units = text.length; // UTF-16 code units, as UCS-2 counts them
      return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
