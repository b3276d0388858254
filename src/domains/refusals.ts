import { AppError } from '../errors.js';
import type { TxtLookup } from './dns-check.js';

/** Where the record goes, in the words DNS hosts use. */
const WHERE = (name: string) =>
  `a TXT record at ${name} itself (the host or name field is "@" or left empty at most DNS hosts, not "www" or "_muster")`;
const WAIT =
  'A new record is usually seen within minutes, but can take a few hours (up to 48 if the domain has just moved to new name servers).';

const listed = (found: readonly string[]) =>
  found
    .slice(0, 5)
    .map((text) => `"${text}"`)
    .join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');

/** What a DNS error code means, for a person. */
function dnsFailureInWords(code: string): string {
  switch (code) {
    case 'ESERVFAIL':
      return "SERVFAIL: the domain's name servers did not give a usable answer";
    case 'ETIMEOUT':
      return 'no DNS server answered in time';
    case 'EREFUSED':
      return 'the DNS server refused to answer';
    case 'ECONNREFUSED':
      return 'the DNS server could not be reached';
    default:
      return `DNS error ${code}`;
  }
}

/** The refusal when DNS did not show the record, saying what was looked for, what was found and what to do. */
export function recordNotFound(
  name: string,
  expected: string,
  lookup: Exclude<TxtLookup, { outcome: 'verified' } | { outcome: 'dns_failure' }>,
): AppError {
  const facts = { record: expected, found: 'found' in lookup ? lookup.found : [] };
  switch (lookup.outcome) {
    case 'no_domain':
      return new AppError(
        'domain_record_missing',
        `${name} does not exist in DNS (NXDOMAIN), so it has no TXT records. Check the spelling; a domain registered in the last few hours may not be published yet. Then add ${WHERE(name)} with the value ${expected}, and press Verify again.`,
        facts,
      );
    case 'no_record':
      return new AppError(
        'domain_record_missing',
        `${
          lookup.found.length === 0
            ? `${name} has no TXT records.`
            : `${name} has ${lookup.found.length === 1 ? 'a TXT record' : `${lookup.found.length} TXT records`}, but not ${expected}: found ${listed(lookup.found)}.`
        } Add ${WHERE(name)} with the value ${expected}, then press Verify again. ${WAIT}`,
        facts,
      );
    case 'wrong_token':
      return new AppError(
        'domain_record_mismatch',
        `${name} has a Muster verification record with another token: found ${listed(lookup.found)}, but this community's record is ${expected}. The record may be left from an earlier attempt (removing and adding a domain gives it a new token). Change its value to ${expected}, or add this one beside it, then press Verify again. ${WAIT}`,
        facts,
      );
  }
}

export function dnsLookupFailed(name: string, expected: string, code: string): AppError {
  return new AppError(
    'dns_lookup_failed',
    `The DNS lookup of ${name}'s TXT records failed (${dnsFailureInWords(code)}), so nothing was decided and nothing has changed. Try again in a few minutes. If it keeps failing, ask your DNS host whether ${name}'s name servers answer; the server's operator can check the DNS servers Muster asks (MUSTER_DNS_SERVERS).`,
    { record: expected, found: [], retryAfterSeconds: 60 },
  );
}

/** `taken` is `name` itself or a domain above it that another community has verified. */
export function verifiedElsewhere(name: string, taken: string): AppError {
  const what =
    taken === name
      ? `${name} is already verified by another Muster community`
      : `${taken}, which ${name} is part of, is already verified by another Muster community`;
  return new AppError(
    'domain_verified_elsewhere',
    `${what}, and a domain can be verified by one community only. If it belongs to your organisation, ask that community's admins to remove it, or ask the operator of this Muster server for help.`,
  );
}
