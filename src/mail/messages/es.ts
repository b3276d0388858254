import type { EmailCatalogue } from '../messages.js';
import { counted } from '../plural.js';

/** Spanish: "tú", Latin American usage ("todavía no elegiste"), as the pages speak. */
const days = (n: number) => counted('es', n, { one: '# día', many: '# de días', other: '# días' });

export const es: EmailCatalogue = {
  claimInvitation: ({ community, name, link, days: d }) => ({
    subject: `${community} te invitó a Muster`,
    text: `Hola, ${name}:\n\n${community} te creó una cuenta en Muster. Elige tu contraseña para iniciar sesión:\n\n${link}\n\nEl enlace funciona una sola vez y es válido durante ${days(d)}. Si no esperabas este correo, puedes ignorarlo.`,
  }),
  claimReminder: ({ community, name, link, days: d }) => ({
    subject: `Recordatorio: ${community} te espera en Muster`,
    text: `Hola, ${name}:\n\nTu cuenta de ${community} en Muster ya está lista, pero todavía no elegiste tu contraseña. Elígela aquí:\n\n${link}\n\nEl enlace funciona una sola vez y es válido durante ${days(d)}.`,
  }),
  accountReset: ({ community, name, link, days: d }) => ({
    subject: `${community} restableció tu cuenta de Muster`,
    text: `Hola, ${name}:\n\nUn administrador de ${community} restableció tu cuenta de Muster, así que tu contraseña anterior ya no funciona. Elige una nueva para iniciar sesión:\n\n${link}\n\nEl enlace funciona una sola vez y es válido durante ${days(d)}. Si no sabes por qué, pregúntale a tu administrador.`,
  }),
  passwordReset: ({ community, name, link }) => ({
    subject: `Restablece tu contraseña de Muster para ${community}`,
    text: `Hola, ${name}:\n\nAlguien pidió restablecer la contraseña de tu cuenta de ${community} en Muster. Si fuiste tú, elige una nueva contraseña antes de que pase una hora:\n\n${link}\n\nSi no fuiste tú, ignora este correo: tu contraseña sigue igual.`,
  }),
  passwordChanged: ({ community, name }) => ({
    subject: `Se cambió tu contraseña de Muster para ${community}`,
    text: `Hola, ${name}:\n\nLa contraseña de tu cuenta de ${community} en Muster se acaba de cambiar. Si fuiste tú, no tienes que hacer nada.\n\nSi no fuiste tú, avisa de inmediato a tu administrador.`,
  }),
};
