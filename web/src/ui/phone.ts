import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as people write it (`+44 7911 123456`), never the stored E.164 (R61). A number
 * typed without a country code is read as `defaultCountry`'s; what is not a number is shown as it is.
 */
export function formatPhone(value: string, defaultCountry?: string): string {
  const country =
    defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(value.trim(), country);
  return parsed?.isValid() ? parsed.formatInternational() : value;
}

/**
 * Text that must read left to right inside a right-to-left page: without the isolating marks,
 * an Arabic page would show `+44 7911 123456` as `123456 7911 44+`.
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}

const E164 = /^\+\d{6,15}$/;

/** How a login (a number, an email address, a username) is shown: numbers formatted, kept in order. */
export function loginText(login: string | null | undefined, defaultCountry?: string): string {
  if (!login) return '—';
  if (E164.test(login)) return ltr(formatPhone(login));
  // A number shown masked (+44 ••••••3456) is still a number, read left to right.
  if (login.startsWith('+')) return ltr(login);
  const phone = formatPhone(login, defaultCountry);
  return phone === login ? login : ltr(phone);
}
