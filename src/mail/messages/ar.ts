import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/**
 * Modern Standard Arabic, with the digits 0–9 the pages use. The community is never the subject
 * of a verb ("حسابك لدى …"), so nothing guesses whether its name is masculine or feminine. "Days"
 * after لمدة takes each of Arabic's forms: يوم واحد، يومين، 3 أيام، 11 يومًا، 100 يوم.
 */
const days = (n: number) =>
  counted('ar-u-nu-latn', n, {
    zero: '# يوم',
    one: 'يوم واحد',
    two: 'يومين',
    few: '# أيام',
    many: '# يومًا',
    other: '# يوم',
  });

export const ar: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `دعوة من ${community} إلى Muster`,
    text: `مرحبًا ${name}،\n\nأُنشئ لك حساب على Muster لدى ${community}. اختر كلمة المرور لتسجيل الدخول:\n\n${link}\n\nيعمل الرابط مرة واحدة فقط، وهو صالح لمدة ${days(d)}. إن لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `تذكير: حسابك لدى ${community} على Muster بانتظارك`,
    text: `مرحبًا ${name}،\n\nحسابك لدى ${community} على Muster جاهز، لكنك لم تختر كلمة مرور بعد. اخترها من هنا:\n\n${link}\n\nيعمل الرابط مرة واحدة فقط، وهو صالح لمدة ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `أُعيد تعيين حسابك لدى ${community} على Muster`,
    text: `مرحبًا ${name}،\n\nأعاد أحد المسؤولين لدى ${community} تعيين حسابك على Muster، لذا لم تعد كلمة مرورك القديمة تعمل. اختر كلمة مرور جديدة لتسجيل الدخول:\n\n${link}\n\nيعمل الرابط مرة واحدة فقط، وهو صالح لمدة ${days(d)}. إن كنت لا تعرف السبب، فاسأل المسؤول.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `إعادة تعيين كلمة مرورك على Muster لدى ${community}`,
    text: `مرحبًا ${name}،\n\nطلب أحدهم إعادة تعيين كلمة مرور حسابك لدى ${community} على Muster. إن كنت أنت من طلب ذلك، فاختر كلمة مرور جديدة خلال ساعة:\n\n${link}\n\nإن لم تكن أنت، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `تم تغيير كلمة مرورك على Muster لدى ${community}`,
    text: `مرحبًا ${name}،\n\nتم للتو تغيير كلمة مرور حسابك لدى ${community} على Muster. إن كنت أنت من غيّرها، فلا داعي لفعل أي شيء.\n\nإن لم تكن أنت، فأبلغ المسؤول فورًا.`,
  }),
};
