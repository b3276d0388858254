import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/** French: "vous", and French typography as on the pages (a non-breaking space before « : »). */
const days = (n: number) => counted('fr', n, { one: '# jour', many: '# de jours', other: '# jours' });

export const fr: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} vous invite sur Muster`,
    text: `Bonjour ${name},\n\n${community} vous a créé un compte sur Muster. Choisissez votre mot de passe pour vous connecter\u00a0:\n\n${link}\n\nCe lien ne fonctionne qu’une fois et reste valable ${days(d)}. Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Rappel\u00a0: ${community} vous attend sur Muster`,
    text: `Bonjour ${name},\n\nVotre compte ${community} sur Muster est prêt, mais vous n’avez pas encore choisi de mot de passe. Choisissez-le ici\u00a0:\n\n${link}\n\nCe lien ne fonctionne qu’une fois et reste valable ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `${community} a réinitialisé votre compte Muster`,
    text: `Bonjour ${name},\n\nUn administrateur de ${community} a réinitialisé votre compte Muster\u00a0: votre ancien mot de passe ne fonctionne plus. Choisissez-en un nouveau pour vous connecter\u00a0:\n\n${link}\n\nCe lien ne fonctionne qu’une fois et reste valable ${days(d)}. Si vous ne savez pas pourquoi, adressez-vous à votre administrateur.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Réinitialisez votre mot de passe Muster pour ${community}`,
    text: `Bonjour ${name},\n\nQuelqu’un a demandé à réinitialiser le mot de passe de votre compte ${community} sur Muster. Si c’est vous, choisissez un nouveau mot de passe dans l’heure\u00a0:\n\n${link}\n\nSi ce n’est pas vous, ignorez cet e-mail\u00a0: votre mot de passe reste inchangé.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Votre mot de passe Muster pour ${community} a été modifié`,
    text: `Bonjour ${name},\n\nLe mot de passe de votre compte ${community} sur Muster vient d’être modifié. Si c’est vous, vous n’avez rien à faire.\n\nSi ce n’est pas vous, prévenez immédiatement votre administrateur.`,
  }),
};
