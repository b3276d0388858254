import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/**
 * Polish, with its diacritics (unlike the texts, an email costs nothing more for them). No
 * "Pan/Pani"; impersonal forms ("zostało zresetowane") where a past tense would guess a gender;
 * the community is named in brackets or as the subject, so its name never has to be declined.
 */
const days = (n: number) =>
  counted('pl', n, { one: '# dzień', few: '# dni', many: '# dni', other: '# dnia' });

export const pl: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} zaprasza Cię do Muster`,
    text: `Dzień dobry, ${name}!\n\n${community} zaprasza Cię do Muster: utworzono dla Ciebie konto. Wybierz hasło, aby się zalogować:\n\n${link}\n\nLink działa tylko raz i jest ważny przez ${days(d)}. Jeśli nie spodziewasz się tej wiadomości, możesz ją zignorować.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Przypomnienie: ${community} czeka na Ciebie w Muster`,
    text: `Dzień dobry, ${name}!\n\nTwoje konto w Muster (${community}) jest gotowe, ale hasło nie zostało jeszcze wybrane. Wybierz je tutaj:\n\n${link}\n\nLink działa tylko raz i jest ważny przez ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `Konto w Muster (${community}) zostało zresetowane`,
    text: `Dzień dobry, ${name}!\n\nTwoje konto w Muster (${community}) zostało zresetowane przez administratora, więc dotychczasowe hasło już nie działa. Wybierz nowe, aby się zalogować:\n\n${link}\n\nLink działa tylko raz i jest ważny przez ${days(d)}. Jeśli nie wiesz, dlaczego tak się stało, zapytaj administratora.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Zresetuj hasło do Muster (${community})`,
    text: `Dzień dobry, ${name}!\n\nOtrzymaliśmy prośbę o zresetowanie hasła do Twojego konta w Muster (${community}). Jeśli to Ty, wybierz nowe hasło w ciągu godziny:\n\n${link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło się nie zmieni.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Hasło do Muster (${community}) zostało zmienione`,
    text: `Dzień dobry, ${name}!\n\nHasło do Twojego konta w Muster (${community}) zostało właśnie zmienione. Jeśli to Ty, nic nie musisz robić.\n\nJeśli to nie Ty, od razu powiadom administratora.`,
  }),
};
