import type { SmsCatalogue } from '../messages.js';

/**
 * Spanish ("tú", Latin American vocabulary). GSM-7 has é, ñ, ü, ¿ and ¡ but not á, í, ó or ú, so
 * the texts with a link are worded around those letters ("te invita", "fue restablecida") and stay
 * in one GSM-7 segment, spelled correctly. The recovery-code texts must say "código de
 * recuperación", the words the page asks for: they are UCS-2, in two segments, rather than
 * misspelled.
 */
export const es: SmsCatalogue = {
  claimInvitation: ({ community, link }) =>
    `${community} te invita a Muster. Crea tu contraseña en este enlace: ${link}`,
  claimReminder: ({ community, link }) =>
    `Recordatorio: ${community} te espera en Muster. Crea tu contraseña: ${link}`,
  accountReset: ({ community, link }) =>
    `${community}: tu cuenta de Muster fue restablecida. Crea otra contraseña: ${link}`,
  recoveryCode: ({ community, code }) =>
    `${community} en Muster: tu código de recuperación es ${code}. Guárdalo: sirve para cambiar tu contraseña.`,
  recoveryCodeChanged: ({ community }) =>
    `${community} en Muster: se creó un nuevo código de recuperación. Si no fuiste tú, avisa a tu administrador.`,
  passwordChanged: ({ community }) =>
    `${community} en Muster: tu contraseña fue cambiada. Si no lo hiciste, avisa de inmediato a tu administrador.`,
};
