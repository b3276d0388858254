import type { SmsCatalogue } from '../messages.js';

/**
 * French ("vous"). GSM-7 has é, è, à and ù but not ê, â, î, ô, û or ç, nor the typographic
 * apostrophe and non-breaking spaces of the pages: the texts use a plain apostrophe and a plain
 * space before ":", and words without the missing letters, so each stays in one GSM-7 segment.
 */
export const fr: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `${community} vous invite sur Muster. Créez votre mot de passe ici : ${link}`,
  claimReminder: ({ community, link }) =>
    `Rappel : ${community} vous attend sur Muster. Créez votre mot de passe ici : ${link}`,
  accountReset: ({ community, link }) =>
    `${community} a réinitialisé votre compte Muster. Nouveau mot de passe ici : ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} sur Muster : votre code de récupération est ${code}. Gardez-le bien, il sert à réinitialiser votre mot de passe.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} sur Muster : un nouveau code de récupération a été créé. Si ce n'est pas vous, prévenez votre administrateur.`,
  passwordChanged: ({ community }) =>
    `${community} sur Muster : votre mot de passe a été modifié. Si ce n'est pas vous, prévenez tout de suite votre administrateur.`,
};
