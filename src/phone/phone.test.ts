import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhone, phoneRegion } from './phone.js';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

describe('R2: parsePhone reads a mobile number however an admin types it', () => {
  // [input, community default country, canonical E.164]
  const valid: [string, string, string][] = [
    // R2's own examples: with or without the plus sign, 00 prefix, national form.
    ['+44 7911 123456', 'GB', '+447911123456'],
    ['447911123456', 'GB', '+447911123456'],
    ['0044 7911 123456', 'GB', '+447911123456'],
    ['07911 123456', 'GB', '+447911123456'],
    ['+447911123456', 'GB', '+447911123456'],
    // What people type around the digits.
    ['07911-123-456', 'GB', '+447911123456'],
    ['07911.123.456', 'GB', '+447911123456'],
    ['(07911) 123456', 'GB', '+447911123456'],
    ['+44 (0) 7911 123456', 'GB', '+447911123456'],
    ['+44 (7911) 123456', 'GB', '+447911123456'],
    ['+44/7911/123456', 'GB', '+447911123456'],
    [`+44${NBSP}7911${NBSP}123456`, 'GB', '+447911123456'],
    [`${NARROW_NBSP}+44 7911 123456${NARROW_NBSP}`, 'GB', '+447911123456'],
    ['\t+44 7911 123456\n', 'GB', '+447911123456'],
    // International forms whatever the community's country.
    ['+44 7911 123456', 'US', '+447911123456'],
    ['447911123456', 'US', '+447911123456'],
    ['011 44 7911 123456', 'US', '+447911123456'],
    ['+44 (0)7911 123456', 'DE', '+447911123456'],
    // United States: fixed-line-or-mobile numbers can receive texts.
    ['(201) 555-0123', 'US', '+12015550123'],
    ['201.555.0123', 'US', '+12015550123'],
    ['2015550123', 'US', '+12015550123'],
    ['+1 201 555 0123', 'GB', '+12015550123'],
    ['+1 (201) 555-0123', 'GB', '+12015550123'],
    ['12015550123', 'DE', '+12015550123'],
    // Germany.
    ['01512 3456789', 'DE', '+4915123456789'],
    ['+49 1512 3456789', 'GB', '+4915123456789'],
    ['0049 1512 3456789', 'US', '+4915123456789'],
    ['+49 (0) 1512 3456789', 'GB', '+4915123456789'],
    // India.
    ['081234 56789', 'IN', '+918123456789'],
    ['81234 56789', 'IN', '+918123456789'],
    ['+91-81234-56789', 'GB', '+918123456789'],
    // France and Australia.
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', 'GB', '+33612345678'],
    ['0412 345 678', 'AU', '+61412345678'],
    ['+61 412 345 678', 'GB', '+61412345678'],
  ];

  it.each(valid)('R2: %j (default country %s) is %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toMatchObject({ ok: true, e164 });
  });

  it('R2: +44 7911 123456, 447911123456, 0044 7911 123456 and 07911 123456 are one person', () => {
    const forms = ['+44 7911 123456', '447911123456', '0044 7911 123456', '07911 123456'];
    const numbers = forms.map((form) => {
      const result = parsePhone(form, 'GB');
      return result.ok ? result.e164 : result.code;
    });
    expect(new Set(numbers)).toEqual(new Set(['+447911123456']));
  });

  it('R2: reports the country the number belongs to', () => {
    expect(parsePhone('07400 123456', 'GB')).toEqual({ ok: true, e164: '+447400123456', country: 'GB' });
    expect(parsePhone('+49 1512 3456789', 'GB')).toMatchObject({ ok: true, country: 'DE' });
    expect(parsePhone('+91 81234 56789', 'US')).toMatchObject({ ok: true, country: 'IN' });
  });

  it('R2: an unknown default country still reads international numbers', () => {
    expect(parsePhone('+44 7911 123456', 'XX')).toMatchObject({ ok: true, e164: '+447911123456' });
    expect(parsePhone('07911 123456', 'XX')).toMatchObject({ ok: false, code: 'phone_invalid' });
  });

  // "With or without the plus sign" holds in every community, including those whose national
  // numbering plan has variable-length landline numbers (Germany, Austria): the digits of an
  // international mobile number typed without "+" must not be read as a national landline.
  it.each([
    ['4915123456789', 'DE', '+4915123456789'],
    ['447911123456', 'DE', '+447911123456'],
    ['12015550123', 'AT', '+12015550123'],
  ])('R2: %j without its plus sign in a %s community is %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toMatchObject({ ok: true, e164 });
  });

  // [input, default country, expected code]
  const invalid: [string, string, 'phone_invalid' | 'phone_not_mobile'][] = [
    ['', 'GB', 'phone_invalid'],
    ['   ', 'GB', 'phone_invalid'],
    ['abc', 'GB', 'phone_invalid'],
    ['+44 7911 ABCDEF', 'GB', 'phone_invalid'],
    ['+', 'GB', 'phone_invalid'],
    ['+44', 'GB', 'phone_invalid'],
    ['00', 'GB', 'phone_invalid'],
    ['123', 'GB', 'phone_invalid'],
    ['+44 7911', 'GB', 'phone_invalid'],
    ['+44 7911 12345', 'GB', 'phone_invalid'],
    ['+44 7911 1234567', 'GB', 'phone_invalid'],
    ['+44 7911 1234567890', 'GB', 'phone_invalid'],
    ['++447911123456', 'GB', 'phone_invalid'],
    ['+44 7911 123456 +44', 'GB', 'phone_invalid'],
    ['+447911123456+447911123456', 'GB', 'phone_invalid'],
    ['+44 7911 123456 ext. 12', 'GB', 'phone_invalid'],
    ['+44 7911 123456 x12', 'GB', 'phone_invalid'],
    ['+44 7911 123456;ext=1', 'GB', 'phone_invalid'],
    ['+1 201 555 0123 ext 5', 'US', 'phone_invalid'],
    ['+44 7911 123456 (mobile)', 'GB', 'phone_invalid'],
    ['07911 123456', 'US', 'phone_invalid'],
    // Valid numbers that cannot receive a text.
    ['+44 20 7946 0958', 'GB', 'phone_not_mobile'],
    ['020 7946 0958', 'GB', 'phone_not_mobile'],
    ['0044 20 7946 0958', 'US', 'phone_not_mobile'],
    ['+44 909 879 0000', 'GB', 'phone_not_mobile'],
    ['+1 900 234 5678', 'US', 'phone_not_mobile'],
    ['+44 800 123 4567', 'GB', 'phone_not_mobile'],
    ['+1 800 234 5678', 'US', 'phone_not_mobile'],
    ['+44 56 1234 5678', 'GB', 'phone_not_mobile'],
  ];

  it.each(invalid)('R2: %j (default country %s) is refused with %s', (input, country, code) => {
    const result = parsePhone(input, country);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
  });

  it('R2: the refusal says why: landline, premium-rate, toll-free', () => {
    const reason = (input: string) => {
      const result = parsePhone(input, 'GB');
      return result.ok ? '' : result.message;
    };
    expect(reason('+44 20 7946 0958')).toMatch(/landline/);
    expect(reason('+44 909 879 0000')).toMatch(/premium-rate/);
    expect(reason('+44 800 123 4567')).toMatch(/toll-free/);
    expect(reason('+44 7911 12')).toMatch(/country code/);
  });
});

describe('remembered readings answer as a first reading does', () => {
  it('the same digits typed two ways are quoted as each was typed', () => {
    const quoted = (input: string) => {
      const result = parsePhone(input, 'GB');
      return result.ok ? '' : result.message;
    };
    expect(quoted('07911 12')).toContain('"07911 12"');
    expect(quoted('0791112')).toContain('"0791112"');
    expect(quoted('07911 12')).toContain('"07911 12"');
  });

  it('a national number depends on the default country; its E.164 form does not', () => {
    expect(parsePhone('0612345678', 'FR')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
    expect(parsePhone('0612345678', 'GB').ok).toBe(false);
    expect(parsePhone('+33612345678', 'GB')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
  });

  it('R34: where a number belongs is the same whether read first or after parsePhone', () => {
    expect(phoneRegion('+447400123456')).toEqual({ callingCode: '44', country: 'GB' });
    expect(parsePhone('+1 201 555 0123', 'US').ok).toBe(true);
    expect(phoneRegion('+12015550123')).toEqual({ callingCode: '1', country: 'US' });
    expect(phoneRegion('+999')).toEqual({ callingCode: undefined, country: undefined });
  });

  it('thousands of readings later, the first number still reads the same', () => {
    const first = parsePhone('07911 123456', 'GB');
    for (let i = 0; i < 5000; i++) parsePhone(`+4474${String(i).padStart(8, '0')}`, 'GB');
    expect(parsePhone('07911 123456', 'GB')).toEqual(first);
  });
});

describe('R7: maskPhone shows only the country code and the last four digits', () => {
  it.each([
    ['+447911123456', '+44', '3456', 6],
    ['+12015550123', '+1', '0123', 6],
    ['+4915123456789', '+49', '6789', 7],
    ['+918123456789', '+91', '6789', 6],
    ['+33612345678', '+33', '5678', 5],
  ])('%s', (e164, code, last, hiddenDigits) => {
    const masked = maskPhone(e164);
    expect(masked.startsWith(`${code} `)).toBe(true);
    expect(masked.endsWith(last)).toBe(true);
    // Grouping spaces are a matter of taste; what is hidden is not.
    expect(masked.replace(/\s/g, '')).toBe(`${code}${'•'.repeat(hiddenDigits)}${last}`);
    const visibleDigits = masked.replace(/\D/g, '');
    expect(visibleDigits).toBe(`${code.slice(1)}${last}`);
  });
});
