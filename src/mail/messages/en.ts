import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

const days = (n: number) => counted('en', n, { one: '# day', other: '# days' });

export const en: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} invited you to Muster`,
    text: `Hello ${name},\n\n${community} has made you an account on Muster. Choose your password to sign in:\n\n${link}\n\nThe link works once and lasts ${days(d)}. If you were not expecting this email, you can ignore it.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Reminder: ${community} is waiting for you on Muster`,
    text: `Hello ${name},\n\nYour ${community} account on Muster is ready, but you have not chosen a password yet. Choose it here:\n\n${link}\n\nThe link works once and lasts ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `${community} reset your Muster account`,
    text: `Hello ${name},\n\nAn admin at ${community} reset your Muster account, so your old password no longer works. Choose a new one to sign in:\n\n${link}\n\nThe link works once and lasts ${days(d)}. If you do not know why, ask your admin.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Reset your Muster password for ${community}`,
    text: `Hello ${name},\n\nSomeone asked to reset the password of your ${community} account on Muster. If it was you, choose a new password within the hour:\n\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Your Muster password for ${community} was changed`,
    text: `Hello ${name},\n\nThe password of your ${community} account on Muster was just changed. If this was you, there is nothing to do.\n\nIf it was not you, tell your admin at once.`,
  }),
};
