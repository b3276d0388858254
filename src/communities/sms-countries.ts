import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/max';
import { AppError } from '../errors.js';
import { phoneRegion } from '../phone/phone.js';
import type { Community } from './community.js';

/**
 * R34: a community texts only the countries it allows (by default its own). SMS fraud pumps
 * texts to expensive foreign ranges; refusing them here fails closed, at account creation and
 * again before every claim text, since the setting can change in between.
 *
 * Countries are matched by calling code, because one code can cover several territories that
 * carriers price as one (+44 is also Guernsey, Jersey and the Isle of Man). The exception is +1,
 * where the code spans some twenty countries, several of them favourite pumping targets: there
 * the country itself must be allowed.
 */
export function assertCountryAllowed(
  community: Pick<Community, 'settings' | 'defaultCountry'>,
  e164: string,
) {
  const allowed = community.settings.smsCountries;
  const countries = allowed.length > 0 ? allowed : [community.defaultCountry];
  const permitted = countries.some((country) => {
    const code = getCountryCallingCode(country as CountryCode);
    // Calling codes are prefix-free, so the code a number starts with is its own: no need to read
    // the number again (a bulk import checks thousands a second). Only +1 asks which country.
    // Every caller passes a number parsePhone has already read and written in E.164.
    if (!e164.startsWith(`+${code}`)) return false;
    return code !== '1' || phoneRegion(e164).country === country;
  });
  if (!permitted) {
    const number = phoneRegion(e164);
    const where = number.country ?? `+${number.callingCode ?? '?'}`;
    throw new AppError(
      'phone_country_not_allowed',
      `${e164} is a number in ${where}, and this community only texts numbers in ${countries.join(', ')}. A system admin can allow more countries in Settings (SMS countries allowed).`,
      { errors: [{ path: 'phone', message: `${where} is not an allowed SMS country` }] },
    );
  }
}
