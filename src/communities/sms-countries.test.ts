import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { phoneRegion } from '../phone/phone.js';
import { DEFAULT_SETTINGS } from './settings-document.js';
import { assertCountryAllowed } from './sms-countries.js';

type Countries = Parameters<typeof assertCountryAllowed>[0];

function community(
  defaultCountry: string,
  smsCountries: Countries['settings']['smsCountries'] = [],
): Countries {
  return { defaultCountry, settings: { ...DEFAULT_SETTINGS, smsCountries } };
}

const allowed = (c: Countries, phone: string) => {
  try {
    assertCountryAllowed(c, phone);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'phone_country_not_allowed') return false;
    throw error;
  }
};

describe('SMS destination countries (R34)', () => {
  it("allows only the community's own country by default", () => {
    expect(allowed(community('GB'), '+447911123456')).toBe(true);
    expect(allowed(community('GB'), '+33612345678')).toBe(false);
    expect(allowed(community('FR'), '+33612345678')).toBe(true);
  });

  it('treats territories sharing a calling code as one, except across +1', () => {
    // +44 7911 is a Guernsey range: priced and texted as the UK.
    expect(allowed(community('GB'), '+447911123456')).toBe(true);
    expect(allowed(community('US'), '+12015550123')).toBe(true);
    // Jamaica shares +1 with the US and is a common SMS-pumping target.
    expect(allowed(community('US'), '+18765550123')).toBe(false);
    expect(allowed(community('US', ['US', 'JM']), '+18765550123')).toBe(true);
  });

  it('uses the allowed list when one is set', () => {
    const c = community('GB', ['FR', 'DE']);
    expect(allowed(c, '+33612345678')).toBe(true);
    expect(allowed(c, '+4915123456789')).toBe(true);
    expect(allowed(c, '+447911123456')).toBe(false);
  });

  it("matches a number's own calling code and country, for every country's mobile number", () => {
    // The check compares the number's first digits with each allowed country's code; reading the
    // number fully (its calling code and country) must give the same verdict in every pairing.
    const numbers = getCountries().flatMap((country) => getExampleNumber(country, examples)?.number ?? []);
    expect(numbers.length).toBeGreaterThan(200);
    for (const allowedCountry of getCountries()) {
      const c = community('GB', [allowedCountry]);
      const code = getCountryCallingCode(allowedCountry as CountryCode);
      for (const number of numbers) {
        const region = phoneRegion(number);
        const expected = region.callingCode === code && (code !== '1' || region.country === allowedCountry);
        expect(allowed(c, number), `${number} with ${allowedCountry} allowed`).toBe(expected);
      }
    }
  });
});
