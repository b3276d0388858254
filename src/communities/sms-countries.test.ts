import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
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
});
