import type { SmsCatalogue } from '../messages.js';

/** English: one GSM-7 segment. */
export const en: SmsCatalogue = {
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
