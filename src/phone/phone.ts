import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string; country: CountryCode | undefined }
  | { ok: false; code: 'phone_invalid' | 'phone_not_mobile'; message: string };

// What people type around the digits: spaces, dashes, dots, brackets, slashes.
const SEPARATORS = /[\s\-.()/\u00a0]/g;
const TEXTABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

/**
 * Reads a mobile number as admins type it (R2): `+44 7911 123456`, `447911123456`,
 * `0044 7911 123456`, or the national form `07911 123456` in the community's default country.
 * Only a number that can receive texts (mobile, or fixed-line-or-mobile where a country's plan
 * cannot tell) is accepted; the result is canonical E.164, the form that is unique per community.
 */
export function parsePhone(input: string, defaultCountry: string): PhoneResult {
  const typed = input.trim();
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  // A number with its plus sign reads the same in every country; the answer quotes what was typed.
  const key = typed.startsWith('+') ? typed : `${country ?? ''} ${typed}`;
  return remembered(readings, key, () => readPhone(typed, country));
}

function readPhone(typed: string, country: CountryCode | undefined): PhoneResult {
  const compact = typed.replace(SEPARATORS, '');
  if (!/^(\+|00)?\d{4,17}$/.test(compact)) {
    return {
      ok: false,
      code: 'phone_invalid',
      message: `"${typed}" is not a phone number. Use digits with the country code, for example +44 7911 123456.`,
    };
  }
  const candidates: string[] = [];
  if (compact.startsWith('+')) candidates.push(compact);
  else if (compact.startsWith('00')) candidates.push(`+${compact.slice(2)}`);
  else {
    // National form first (it also strips the default country's own code typed without +),
    // then the whole as an international number typed without its plus sign.
    candidates.push(compact, `+${compact}`);
  }
  // A reading that is a real number of the wrong kind (a landline) is kept only as the answer
  // of last resort: another reading of the same digits may be a mobile.
  let wrongKind: PhoneResult | undefined;
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, country);
    if (!parsed) continue;
    // With full metadata a number is valid exactly when it has a type, so the type is worked out
    // once (it is most of the cost of reading a number); isValid is asked only when it has none.
    const type = parsed.getType();
    if (type === undefined && !parsed.isValid()) continue;
    if (type && TEXTABLE.has(type)) {
      const result: PhoneResult = { ok: true, e164: parsed.number, country: parsed.country };
      // The canonical form is what later reads (and the country checks) ask about.
      remembered(readings, parsed.number, () => result);
      remembered(regions, parsed.number, () => ({
        callingCode: parsed.countryCallingCode,
        country: parsed.country,
      }));
      return result;
    }
    wrongKind ??= {
      ok: false,
      code: 'phone_not_mobile',
      message: `${parsed.number} is not a mobile number (it looks like a ${describeType(type)}). Muster can only text mobile numbers.`,
    };
  }
  if (wrongKind) return wrongKind;
  return {
    ok: false,
    code: 'phone_invalid',
    message: `"${typed}" is not a valid phone number. Check the digits and include the country code, for example +44 7911 123456.`,
  };
}

/** Where a number in E.164 form belongs: its calling code and, where the number tells, its country. */
export interface PhoneRegion {
  callingCode: string | undefined;
  country: CountryCode | undefined;
}

export function phoneRegion(e164: string): PhoneRegion {
  return remembered(regions, e164, () => {
    const parsed = parsePhoneNumberFromString(e164);
    return { callingCode: parsed?.countryCallingCode, country: parsed?.country };
  });
}

/**
 * Reading a number is the dearest step of adding a person (about 40 µs, most of it the number's
 * type): an import reads each number as it stores the file and again as it adds the person, and
 * the SMS-country checks and masked logs ask where it is twice more. Readings are remembered, a
 * bounded number of them, the oldest forgotten first. They depend on nothing but their input, and
 * callers only read them.
 */
const REMEMBERED = 4096;
const readings = new Map<string, PhoneResult>();
const regions = new Map<string, PhoneRegion>();

function remembered<V>(cache: Map<string, V>, key: string, read: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = read();
  if (cache.size >= REMEMBERED) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function describeType(type: string | undefined): string {
  switch (type) {
    case 'FIXED_LINE':
      return 'landline';
    case 'PREMIUM_RATE':
      return 'premium-rate number';
    case 'TOLL_FREE':
      return 'toll-free number';
    case 'SHARED_COST':
      return 'shared-cost number';
    case 'VOIP':
      return 'internet (VoIP) number';
    case 'PAGER':
      return 'pager';
    default:
      return 'number of another kind';
  }
}

/** `+447911123456` → `+44 •••• ••3456`: enough for a person to recognise their own number. */
export function maskPhone(e164: string): string {
  const last = e164.slice(-4);
  const { callingCode } = phoneRegion(e164);
  const code = callingCode ? `+${callingCode}` : e164.slice(0, 3);
  const hidden = Math.max(0, e164.length - code.length - 4);
  return `${code} ${'•'.repeat(hidden)}${last}`;
}
