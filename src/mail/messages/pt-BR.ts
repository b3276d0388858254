import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/** Brazilian Portuguese: "você", as the pages speak. */
const days = (n: number) => counted('pt-BR', n, { one: '# dia', many: '# de dias', other: '# dias' });

export const ptBR: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} convidou você para o Muster`,
    text: `Olá, ${name},\n\n${community} criou uma conta para você no Muster. Escolha sua senha para entrar:\n\n${link}\n\nO link funciona uma única vez e vale por ${days(d)}. Se você não esperava este e-mail, pode ignorá-lo.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Lembrete: ${community} está esperando você no Muster`,
    text: `Olá, ${name},\n\nSua conta de ${community} no Muster está pronta, mas você ainda não escolheu uma senha. Escolha aqui:\n\n${link}\n\nO link funciona uma única vez e vale por ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `${community} redefiniu sua conta do Muster`,
    text: `Olá, ${name},\n\nUm administrador de ${community} redefiniu sua conta do Muster, e sua senha antiga não funciona mais. Escolha uma nova para entrar:\n\n${link}\n\nO link funciona uma única vez e vale por ${days(d)}. Se você não sabe por quê, fale com seu administrador.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Redefina sua senha do Muster para ${community}`,
    text: `Olá, ${name},\n\nAlguém pediu para redefinir a senha da sua conta de ${community} no Muster. Se foi você, escolha uma nova senha em até uma hora:\n\n${link}\n\nSe não foi você, ignore este e-mail: sua senha continua a mesma.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Sua senha do Muster para ${community} foi alterada`,
    text: `Olá, ${name},\n\nA senha da sua conta de ${community} no Muster acabou de ser alterada. Se foi você, não precisa fazer nada.\n\nSe não foi você, avise seu administrador imediatamente.`,
  }),
};
