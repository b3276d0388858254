import type { DomainsTable } from '../storage/schema.js';

/** What the TXT record starts with; after it comes the domain's token (R26). */
export const VERIFICATION_PREFIX = 'muster-domain-verification=';

/** A domain a community has added, verified or not (R26). */
export interface Domain {
  id: string;
  communityId: string;
  /** Lower-case ASCII (an IDN as punycode), no trailing dot. */
  name: string;
  /** Random and public: it ties the TXT record to this community's claim, and is no secret. */
  token: string;
  createdBy: string | null;
  createdAt: string;
  verifiedAt: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  failingSince: string | null;
}

export function toDomain(row: DomainsTable): Domain {
  return {
    id: row.id,
    communityId: row.community_id,
    name: row.name,
    token: row.token,
    createdBy: row.created_by,
    createdAt: row.created_at,
    verifiedAt: row.verified_at,
    lastCheckedAt: row.last_checked_at,
    nextCheckAt: row.next_check_at,
    failingSince: row.failing_since,
  };
}

/** The value to publish as a TXT record at the domain itself. */
export const txtRecordOf = (domain: Pick<Domain, 'token'>) => `${VERIFICATION_PREFIX}${domain.token}`;
