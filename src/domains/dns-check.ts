import { Resolver } from 'node:dns/promises';
import { VERIFICATION_PREFIX } from './domain.js';

/** What DNS said about a domain's verification record. */
export type TxtLookup =
  | { outcome: 'verified' }
  /** NXDOMAIN: the name does not exist in DNS at all. */
  | { outcome: 'no_domain' }
  /** The name exists, but none of its TXT records is a Muster verification record. */
  | { outcome: 'no_record'; found: string[] }
  /** A Muster verification record is there, with another token. */
  | { outcome: 'wrong_token'; found: string[] }
  /** No answer to rely on (SERVFAIL, REFUSED, a timeout): says nothing about the record. */
  | { outcome: 'dns_failure'; code: string };

/**
 * Per try; c-ares doubles it on the second, so a silent server costs about 4.5 s. Long enough for
 * a far-away authoritative server, short enough for a person waiting on the Verify button.
 */
const TIMEOUT_MS = 1500;
const TRIES = 2;
/** Records kept to show the person what was found: enough to recognise them, never a flood. */
const MAX_FOUND = 10;
const MAX_FOUND_LENGTH = 120;

/**
 * One TXT record as text: its character-strings joined (a value over 255 bytes arrives split, and
 * some DNS hosts split shorter ones), trimmed, and without quotes a person typed around the value
 * in a form that adds its own.
 */
function recordText(chunks: readonly string[]): string {
  const text = chunks.join('').trim();
  return /^".*"$/s.test(text) ? text.slice(1, -1).trim() : text;
}

const shown = (text: string) =>
  text.length > MAX_FOUND_LENGTH ? `${text.slice(0, MAX_FOUND_LENGTH)}…` : text;

/**
 * Looks up the TXT records of `name` itself (not a subdomain) with `servers` (null: the system's
 * resolvers) and says whether one of them is `expected`. DNS names and Muster's hex tokens carry no
 * meaning in their case, so the comparison ignores it.
 */
export async function lookupVerificationRecord(
  servers: readonly string[] | null,
  name: string,
  expected: string,
): Promise<TxtLookup> {
  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: TRIES });
  if (servers) resolver.setServers([...servers]);
  let records: string[][];
  try {
    records = await resolver.resolveTxt(name);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'EUNKNOWN';
    if (code === 'ENOTFOUND') return { outcome: 'no_domain' };
    if (code === 'ENODATA') return { outcome: 'no_record', found: [] };
    return { outcome: 'dns_failure', code };
  }
  const texts = records.map(recordText);
  if (texts.some((text) => text.toLowerCase() === expected.toLowerCase())) return { outcome: 'verified' };
  const ours = texts.filter((text) => text.toLowerCase().startsWith(VERIFICATION_PREFIX));
  if (ours.length > 0) return { outcome: 'wrong_token', found: ours.slice(0, MAX_FOUND).map(shown) };
  return { outcome: 'no_record', found: texts.slice(0, MAX_FOUND).map(shown) };
}
