import type { SmsCatalogue } from '../messages.js';

/**
 * Tagalog as Philippine workplaces text it (password, account, recovery code and admin kept in
 * English). Written in plain letters: every text is one GSM-7 segment.
 */
export const tl: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `Inimbitahan ka ng ${community} sa Muster. I-set ang password mo dito: ${link}`,
  claimReminder: ({ community, link }) =>
    `Paalala: hinihintay ka ng ${community} sa Muster. I-set ang password dito: ${link}`,
  accountReset: ({ community, link }) =>
    `Ni-reset ng ${community} ang Muster account mo. Gumawa ng bagong password: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} sa Muster: ang recovery code mo ay ${code}. Itago ito nang maayos, dito mo mare-reset ang password mo.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} sa Muster: may bagong recovery code ang account mo. Kung hindi ikaw ito, sabihan agad ang admin mo.`,
  passwordChanged: ({ community }) =>
    `${community} sa Muster: napalitan ang password mo. Kung hindi ikaw ito, sabihan agad ang admin mo.`,
};
