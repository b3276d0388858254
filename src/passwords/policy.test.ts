import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkPassword, personContext } from './policy.js';

const sam = personContext(
  {
    displayName: 'Sam Okafor',
    givenName: 'Sam',
    familyName: 'Okafor',
    email: null,
    phone: '+447911123456',
  },
  { name: 'Acme Foods', slug: 'acme' },
);

function codeOf(password: string, minLength = 8): string | null {
  try {
    checkPassword(password, minLength, sam);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('password policy (R30)', () => {
  it('refuses the most common passwords, whatever their case', () => {
    for (const password of ['password', 'Password1', '12345678', 'qwertyuiop', 'iloveyou', 'PASSWORD123']) {
      expect(codeOf(password), password).toBe('password_too_common');
    }
  });

  it("refuses passwords made of the person's name, number or community", () => {
    for (const password of [
      'Sam Okafor!',
      'okafor2024',
      'acmefoods1',
      'Acme-Foods-99',
      '07911123456',
      'my number 447911123456',
      'muster2026',
    ]) {
      expect(codeOf(password), password).toBe('password_too_personal');
    }
  });

  it('accepts passphrases, even ones that mention a name, and symbols-only passwords', () => {
    for (const password of [
      'sam walks the dog at dawn',
      'correct horse battery staple',
      '😀🎉🚀🌍🔥💡🎈🍀',
      'ﬁsh and ｃｈｉｐｓ',
    ]) {
      expect(codeOf(password), password).toBeNull();
    }
  });

  it('counts code points after NFKC, with no composition rules', () => {
    expect(codeOf('abcdefg')).toBe('password_too_short');
    expect(codeOf('zebra tulip')).toBeNull();
    expect(codeOf('x'.repeat(129))).toBe('password_too_long');
    expect(codeOf('zebratulip', 12)).toBe('password_too_short');
  });
});
