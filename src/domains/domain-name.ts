import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { AppError } from '../errors.js';

/** One label: letters, digits and inner hyphens, 1 to 63 characters (RFC 1035, RFC 5891). */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A top-level domain is letters (or an IDN's `xn--` form): never digits, so never an IP address. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
/**
 * Special-use names (RFC 2606, 6761, 6762, 7686, 9476 and ICANN's `.internal`): nobody can hold
 * them in public DNS, so a record there proves nothing about an organisation.
 */
const SPECIAL_USE = new Set([
  'localhost',
  'local',
  'invalid',
  'test',
  'example',
  'onion',
  'arpa',
  'internal',
  'alt',
]);
/**
 * Characters a URL host parser would act on (`%41` decoded, `/path` dropped, `:80` read as a port)
 * rather than refuse: refused before parsing, so what is verified is exactly what was typed.
 */
const NOT_IN_A_NAME = /[\s/\\?#%@:[\]<>^|"'`{}\p{Cc}]/u;

const MAX_LENGTH = 253;

function invalid(message: string): AppError {
  return new AppError('domain_invalid', message, { errors: [{ path: 'body.name', message }] });
}

/** Input as it may be quoted back to the person: short, on one line. */
const quoted = (input: string) => JSON.stringify(input.length > 80 ? `${input.slice(0, 80)}…` : input);

/**
 * A domain name as Muster keeps it (R26): trimmed, lower case, without a trailing dot, an
 * internationalised name in its ASCII (punycode) form, checked to look like a name someone can
 * register: two labels or more, a top-level domain of letters, no IP address, no special-use name.
 * Throws `domain_invalid` saying what to type instead.
 */
export function parseDomainName(input: string): string {
  const typed = input.trim();
  if (typed === '') throw invalid('Enter a domain name, such as acme.com.');
  if (typed.includes('@')) {
    throw invalid('That is an email address. Enter only the part after the @, such as acme.com.');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) || typed.includes('/')) {
    throw invalid('Enter only the domain name, such as acme.com, without https:// or a path.');
  }
  if (isIP(typed) !== 0 || /^\[.*\]$/.test(typed)) {
    throw invalid('An IP address cannot be verified. Enter a domain name, such as acme.com.');
  }
  const withoutDot = typed.endsWith('.') ? typed.slice(0, -1) : typed;
  const ascii = NOT_IN_A_NAME.test(withoutDot) ? '' : domainToASCII(withoutDot.toLowerCase());
  if (ascii === '' || ascii.endsWith('.')) {
    throw invalid(
      `${quoted(typed)} is not a domain name. Use letters, digits and hyphens, with a dot between the parts, such as acme.com.`,
    );
  }
  if (isIP(ascii) !== 0) {
    throw invalid('An IP address cannot be verified. Enter a domain name, such as acme.com.');
  }
  return checkShape(ascii, typed);
}

function checkShape(name: string, typed: string): string {
  if (name.length > MAX_LENGTH) throw invalid(`A domain name has at most ${MAX_LENGTH} characters.`);
  const labels = name.split('.');
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    throw invalid(
      bad === ''
        ? `${quoted(typed)} has an empty part between dots. Write it as acme.com, with one dot between the parts.`
        : `${quoted(bad)} cannot be part of a domain name: each part between dots has 1 to 63 letters, digits or hyphens, and does not start or end with a hyphen.`,
    );
  }
  const top = labels.at(-1) ?? '';
  if (labels.length < 2) {
    throw invalid(`Enter the whole domain with its ending, such as ${name}.com.`);
  }
  if (!TOP_LEVEL.test(top)) {
    throw invalid(`${quoted(typed)} does not end in a real top-level domain such as .com or .org.`);
  }
  if (SPECIAL_USE.has(top)) {
    throw invalid(
      `Names ending in .${top} are reserved and are never in public DNS, so they cannot be verified. Enter your organisation's public domain.`,
    );
  }
  return name;
}

/**
 * The domain of an email address and every domain above it but the top level, nearest first:
 * `ana@uk.acme.com` → `uk.acme.com`, `acme.com`. A verified domain covers the names under it.
 * Empty when the address has no domain that could be verified.
 */
export function emailDomainCandidates(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [];
  let name: string;
  try {
    name = parseDomainName(email.slice(at + 1));
  } catch {
    return [];
  }
  const labels = name.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** The domains above a name, nearest first, without the top level: `a.b.acme.com` → `b.acme.com`, `acme.com`. */
export function parentDomains(name: string): string[] {
  const labels = name.split('.');
  return labels.slice(1, -1).map((_, i) => labels.slice(i + 1).join('.'));
}
