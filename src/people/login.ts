import type { Community } from '../communities/community.js';
import { AppError } from '../errors.js';
import { parsePhone } from '../phone/phone.js';
import type { LoginKind } from '../storage/schema.js';

export interface NormalisedLogin {
  kind: LoginKind;
  value: string;
}

/** Letters, digits, dots, dashes and underscores: a username a worker can type on any phone. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A username login: kept in lower case, so `OMalley` and `omalley` are one person. */
export function normaliseUsername(input: string): NormalisedLogin {
  const value = input.trim().toLowerCase();
  if (!USERNAME.test(value)) {
    throw new AppError(
      'username_invalid',
      `"${input.trim().slice(0, 64)}" cannot be a username: use 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`,
      { errors: [{ path: 'userName', message: 'not a valid username' }] },
    );
  }
  return { kind: 'username', value };
}

/** Turns the submitted email or phone into the canonical login, or explains what is wrong. */
export function normaliseLogin(
  input: { email?: string | undefined; phone?: string | undefined },
  community: Pick<Community, 'defaultCountry'>,
): NormalisedLogin {
  if (input.email !== undefined && input.phone !== undefined) {
    throw new AppError(
      'login_identifier_conflict',
      'Give either an email address or a mobile number, not both: a person has exactly one login.',
    );
  }
  if (input.email !== undefined) return { kind: 'email', value: input.email.trim().toLowerCase() };
  if (input.phone !== undefined) {
    const parsed = parsePhone(input.phone, community.defaultCountry);
    if (!parsed.ok)
      throw new AppError(parsed.code, parsed.message, {
        errors: [{ path: 'phone', message: parsed.message }],
      });
    return { kind: 'phone', value: parsed.e164 };
  }
  throw new AppError(
    'login_identifier_required',
    'Give the person an email address or a mobile number: it is how they will sign in.',
  );
}

/** What a person typed to sign in: an email if it has an @, a phone number if it parses as one, else a username. */
export function classifyIdentifier(
  identifier: string,
  community: Pick<Community, 'defaultCountry'>,
): { kind: LoginKind; value: string } {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  const phone = parsePhone(trimmed, community.defaultCountry);
  if (phone.ok) return { kind: 'phone', value: phone.e164 };
  return { kind: 'username', value: trimmed.toLowerCase() };
}

/**
 * The same reading, when it needs no community: an email address, or a mobile number written
 * with its country code (+…), which no community's default country changes. Null when the
 * reading depends on the community; a sign-in can then look up the community and the person in
 * one statement.
 */
export function classifyIdentifierAlone(identifier: string): { kind: LoginKind; value: string } | null {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  if (!trimmed.startsWith('+')) return null;
  const phone = parsePhone(trimmed, '');
  return phone.ok ? { kind: 'phone', value: phone.e164 } : null;
}
