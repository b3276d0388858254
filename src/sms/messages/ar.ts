import type { SmsCatalogue } from '../messages.js';

/**
 * Modern Standard Arabic. Arabic letters are outside GSM-7, so every text is UCS-2 (70 characters
 * in one segment, 67 in each part of a longer one); each fits two segments with a 30-character
 * community name and a full link. Each text begins with an Arabic word, so that a phone lays it
 * out right to left even when the community's name is in Latin letters, and none says whether
 * the community is masculine or feminine: it is named, never the subject of a verb.
 */
export const ar: SmsCatalogue = {
  claimInvitation: ({ community, link }) => `لديك دعوة من ${community} إلى Muster. اختر كلمة مرورك: ${link}`,
  claimReminder: ({ community, link }) => `تذكير من ${community}: اختر كلمة مرورك على Muster: ${link}`,
  accountReset: ({ community, link }) => `أعيد تعيين حسابك في ${community}. اختر كلمة مرور جديدة: ${link}`,
  recoveryCode: ({ community, code }) =>
    `رمز الاسترداد لحسابك في ${community} على Muster هو ${code}. احتفظ به، فهو يتيح لك إعادة تعيين كلمة المرور.`,
  recoveryCodeChanged: ({ community }) =>
    `أُنشئ رمز استرداد جديد لحسابك في ${community} على Muster. إن لم تكن أنت من أنشأه، فأبلغ المسؤول.`,
  passwordChanged: ({ community }) =>
    `تم تغيير كلمة مرور حسابك في ${community} على Muster. إن لم تكن أنت من غيّرها، فأبلغ المسؤول فورًا.`,
};
