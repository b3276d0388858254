import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';
import { slices } from '../storage/many-rows.js';
import type { Flag } from '../storage/schema.js';
import { type Domain, toDomain } from './domain.js';
import { emailDomainCandidates } from './domain-name.js';

export async function insertDomain(db: Executor, domain: Domain): Promise<void> {
  await db
    .insertInto('domains')
    .values({
      id: domain.id,
      community_id: domain.communityId,
      name: domain.name,
      token: domain.token,
      created_by: domain.createdBy,
      created_at: domain.createdAt,
      verified_at: null,
      last_checked_at: null,
      next_check_at: null,
      failing_since: null,
    })
    .execute();
}

export async function listDomains(db: Executor, communityId: string): Promise<Domain[]> {
  const rows = await db
    .selectFrom('domains')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('name')
    .execute();
  return rows.map(toDomain);
}

export async function findDomain(db: Executor, communityId: string, id: string): Promise<Domain | null> {
  const row = await db
    .selectFrom('domains')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

export async function deleteDomain(db: Executor, communityId: string, id: string): Promise<Domain | null> {
  const row = await db
    .deleteFrom('domains')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

/**
 * Marks an unverified domain verified; null if it is gone or already verified. Throws a unique
 * violation when another community has verified the name meanwhile (domains_verified_name_key):
 * on PostgreSQL the second of two such transactions waits for the first and then fails.
 */
export async function markVerified(
  db: Executor,
  communityId: string,
  id: string,
  times: { now: string; nextCheckAt: string },
): Promise<Domain | null> {
  const row = await db
    .updateTable('domains')
    .set({
      verified_at: times.now,
      last_checked_at: times.now,
      next_check_at: times.nextCheckAt,
      failing_since: null,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

/** Records a check of a verified domain that did not end its verification; null if it is no longer verified. */
export async function recordCheck(
  db: Executor,
  id: string,
  check: { at: string; nextCheckAt: string; failingSince: string | null },
): Promise<Domain | null> {
  const row = await db
    .updateTable('domains')
    .set({ last_checked_at: check.at, next_check_at: check.nextCheckAt, failing_since: check.failingSince })
    .where('id', '=', id)
    .where('verified_at', 'is not', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

/** Records that an unverified domain was looked up (and not found verified). */
export async function recordUnverifiedCheck(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable('domains')
    .set({ last_checked_at: at })
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .execute();
}

/** Ends a domain's verification; null if it was not verified (so its end is recorded once). */
export async function markUnverified(db: Executor, id: string, at: string): Promise<Domain | null> {
  const row = await db
    .updateTable('domains')
    .set({ verified_at: null, last_checked_at: at, next_check_at: null, failing_since: null })
    .where('id', '=', id)
    .where('verified_at', 'is not', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toDomain(row) : null;
}

/**
 * Sets `communities.domain_verified` from the domains themselves: true while the community has a
 * verified domain (the flag R6 reads). Call it in the transaction that changed a domain, after
 * locking the community row, so two changes at once cannot leave it stale.
 */
export async function syncCommunityDomainVerified(db: Executor, communityId: string): Promise<boolean> {
  const row = await db
    .updateTable('communities')
    .set({
      domain_verified: sql<Flag>`case when exists (select 1 from domains where domains.community_id = ${communityId} and domains.verified_at is not null) then 1 else 0 end`,
    })
    .where('id', '=', communityId)
    .returning('domain_verified')
    .executeTakeFirst();
  return row?.domain_verified === 1;
}

/** Of `names`, the first that a community other than `communityId` has verified, or null. */
export async function findVerifiedElsewhere(
  db: Executor,
  communityId: string,
  names: readonly string[],
): Promise<string | null> {
  if (names.length === 0) return null;
  const rows = await db
    .selectFrom('domains')
    .select('name')
    .where('name', 'in', [...names])
    .where('verified_at', 'is not', null)
    .where('community_id', '!=', communityId)
    .execute();
  const taken = new Set(rows.map((row) => row.name));
  return names.find((name) => taken.has(name)) ?? null;
}

/**
 * Whether another community has verified the domain of this email address, or a domain above it
 * (`ana@uk.acme.com` is covered by `acme.com`). Email invitations to such an address are refused:
 * the address belongs to that organisation (R26).
 */
export async function emailDomainVerifiedElsewhere(
  db: Executor,
  communityId: string,
  email: string,
): Promise<boolean> {
  return (await findVerifiedElsewhere(db, communityId, emailDomainCandidates(email))) !== null;
}

/**
 * emailDomainVerifiedElsewhere for many addresses at once (an import's batch): the addresses whose
 * domain, or a domain above it, another community has verified, looked up a chunk of names per
 * statement.
 */
export async function emailsVerifiedElsewhere(
  db: Executor,
  communityId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  const candidatesOf = new Map<string, string[]>();
  for (const email of emails) {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!candidatesOf.has(domain)) candidatesOf.set(domain, emailDomainCandidates(email));
  }
  const names = [...new Set([...candidatesOf.values()].flat())];
  const taken = new Set<string>();
  for (const some of slices(names)) {
    const rows = await db
      .selectFrom('domains')
      .select('name')
      .where('name', 'in', some)
      .where('verified_at', 'is not', null)
      .where('community_id', '!=', communityId)
      .execute();
    for (const row of rows) taken.add(row.name);
  }
  if (taken.size === 0) return new Set();
  return new Set(
    emails.filter((email) =>
      (candidatesOf.get(email.slice(email.lastIndexOf('@') + 1)) ?? []).some((name) => taken.has(name)),
    ),
  );
}

/** Verified domains whose next check is due, oldest first. */
export async function listDueRechecks(db: Executor, now: string, limit: number): Promise<Domain[]> {
  const rows = await db
    .selectFrom('domains')
    .selectAll()
    .where('verified_at', 'is not', null)
    .where('next_check_at', '<=', now)
    .orderBy('next_check_at')
    .limit(limit)
    .execute();
  return rows.map(toDomain);
}

/**
 * Takes a due re-check for this process: moves its next check to `leaseUntil` if nobody else has
 * since. Several processes run housekeeping on PostgreSQL; each domain is checked (and any change
 * audited) by one of them, and a crash mid-check only delays the next one to `leaseUntil`.
 */
export async function claimRecheck(
  db: Executor,
  domain: Pick<Domain, 'id' | 'nextCheckAt'>,
  leaseUntil: string,
): Promise<boolean> {
  if (domain.nextCheckAt === null) return false;
  const result = await db
    .updateTable('domains')
    .set({ next_check_at: leaseUntil })
    .where('id', '=', domain.id)
    .where('verified_at', 'is not', null)
    .where('next_check_at', '=', domain.nextCheckAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
