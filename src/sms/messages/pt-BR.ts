import type { SmsCatalogue } from '../messages.js';

/**
 * Brazilian Portuguese ("você"). GSM-7 lacks ã, õ, ç, á, ê, ó…, so the texts with a link and the
 * password notice are worded without them ("Sua conta foi criada", "Se foi outra pessoa") and stay
 * in one GSM-7 segment, spelled correctly. The recovery-code texts must say "código de
 * recuperação", the words the page asks for: they are UCS-2, in two segments.
 */
export const ptBR: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `Sua conta de ${community} no Muster foi criada. Crie sua senha neste link: ${link}`,
  claimReminder: ({ community, link }) =>
    `Lembrete de ${community}: crie sua senha do Muster neste link: ${link}`,
  accountReset: ({ community, link }) =>
    `${community} redefiniu sua conta no Muster. Crie uma nova senha para entrar: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} no Muster: seu código de recuperação é ${code}. Guarde-o bem: ele permite redefinir sua senha.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} no Muster: sua conta tem um novo código de recuperação. Se não foi você, avise seu administrador.`,
  passwordChanged: ({ community }) =>
    `${community} no Muster: sua senha foi alterada. Se foi outra pessoa, avise seu administrador agora.`,
};
