import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { classifyIdentifier, classifyIdentifierAlone } from './login.js';

// A sign-in looks its community and its person up in one statement when the login reads the same
// in every community; that shortcut must never read a login otherwise than the community would.
describe('R2: a login read without its community reads as every community reads it', () => {
  const readAlone = [
    '+44 7911 123456',
    '+447911123456',
    '+44 (0) 7911 123456',
    '\t+1 (415) 555-2671 ',
    '+33 6 12 34 56 78',
    'Ana@Example.com',
    ' worker@shop.example ',
  ];

  it.each(readAlone)('%j', (identifier) => {
    const alone = classifyIdentifierAlone(identifier);
    expect(alone).not.toBeNull();
    for (const country of ['', ...getCountries()]) {
      expect(classifyIdentifier(identifier, { defaultCountry: country }), country).toEqual(alone);
    }
  });

  it('leaves to the community what only the community can read: national numbers, usernames, non-numbers', () => {
    const left = [
      '07911 123456',
      '0044 7911 123456',
      '447911123456',
      'omalley',
      'Ana.B',
      '+12',
      '+44 20 7946 0958',
    ];
    for (const identifier of left) expect(classifyIdentifierAlone(identifier), identifier).toBeNull();
  });
});
