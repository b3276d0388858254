/** An email as written: its subject and its plain text (the HTML part is made from the text). */
export interface Email {
  subject: string;
  text: string;
}

type Invite = { community: string; name: string; link: string; days: number };

/**
 * What Muster emails, keyed by locale. Each names the community (so the person knows who
 * writes), says what to do in one sentence, and what to do if they did not expect it. A secret
 * (a link) is passed in separately so the same email can be rendered masked for admins.
 */
export interface EmailCatalogue {
  claimInvitation(p: Invite): Email;
  claimReminder(p: Invite): Email;
  accountReset(p: Invite): Email;
  passwordReset(p: { community: string; name: string; link: string }): Email;
  passwordChanged(p: { community: string; name: string }): Email;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

const en: EmailCatalogue = {
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

const catalogues: Record<string, EmailCatalogue> = { en };

export function emailCatalogueFor(locale: string | null | undefined): EmailCatalogue {
  const language = (locale ?? 'en').split('-')[0] ?? 'en';
  return catalogues[locale ?? ''] ?? catalogues[language] ?? en;
}
