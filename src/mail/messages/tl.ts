import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/** Tagalog as Philippine workplaces write it: "mo/ka", with the English words staff use every day. */
const days = (n: number) => counted('tl', n, { one: '# araw', other: '# araw' });

export const tl: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `Inimbitahan ka ng ${community} sa Muster`,
    text: `Hi ${name},\n\nGinawan ka ng ${community} ng account sa Muster. Pumili ng password para makapag-sign in:\n\n${link}\n\nIsang beses lang gagana ang link at valid ito nang ${days(d)}. Kung hindi mo inaasahan ang email na ito, puwede mo itong balewalain.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Paalala: hinihintay ka ng ${community} sa Muster`,
    text: `Hi ${name},\n\nHanda na ang ${community} account mo sa Muster, pero hindi ka pa pumipili ng password. Pumili rito:\n\n${link}\n\nIsang beses lang gagana ang link at valid ito nang ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `Ni-reset ng ${community} ang Muster account mo`,
    text: `Hi ${name},\n\nNi-reset ng isang admin ng ${community} ang Muster account mo, kaya hindi na gagana ang dati mong password. Pumili ng bago para makapag-sign in:\n\n${link}\n\nIsang beses lang gagana ang link at valid ito nang ${days(d)}. Kung hindi mo alam kung bakit, magtanong sa admin mo.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `I-reset ang Muster password mo para sa ${community}`,
    text: `Hi ${name},\n\nMay humiling na i-reset ang password ng ${community} account mo sa Muster. Kung ikaw ito, pumili ng bagong password sa loob ng isang oras:\n\n${link}\n\nKung hindi ikaw ito, balewalain ang email na ito: hindi magbabago ang password mo.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Napalitan ang Muster password mo para sa ${community}`,
    text: `Hi ${name},\n\nKapapalit lang ng password ng ${community} account mo sa Muster. Kung ikaw ito, wala ka nang kailangang gawin.\n\nKung hindi ikaw ito, sabihan agad ang admin mo.`,
  }),
};
