import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { intlLocale } from '../i18n';

const lists = new Map<string, readonly (readonly [string, string])[]>();

/** Every country with a phone plan, named and sorted in the page's language: the country picker's list. */
export function countries(): readonly (readonly [string, string])[] {
  const locale = intlLocale();
  let list = lists.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    list = getCountries()
      .map((code) => [code, names.of(code) ?? code] as const)
      .sort((a, b) => a[1].localeCompare(b[1], locale));
    lists.set(locale, list);
  }
  return list;
}

export function callingCode(country: string): string {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return '';
  }
}
