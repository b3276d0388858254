import { type CountryCode, getCountries, getCountryCallingCode } from 'libphonenumber-js/min';

// Country names in the page's language (the catalogue's), not the browser's.
const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });

/** Every country with a phone plan, by its English name: the country picker's list. */
export const COUNTRIES: readonly (readonly [string, string])[] = getCountries()
  .map((code) => [code, names.of(code) ?? code] as const)
  .sort((a, b) => a[1].localeCompare(b[1]));

export function callingCode(country: string): string {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return '';
  }
}
