import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { localDay, nextLocalMidnight, secondsUntil } from '../counters/day.js';
import {
  incrementEachInWindow,
  incrementInWindow,
  lockWindow,
  readOpenWindows,
  readWindow,
  setWindowCount,
} from '../counters/window-counters.store.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Executor, Tx } from '../storage/db.js';

/** "in 3 hours 20 minutes": when a limit resets, as a person reads it. */
function inWords(now: Date, at: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
    rest > 0 ? `${rest} minute${rest === 1 ? '' : 's'}` : '',
  ];
  return `in ${parts.filter(Boolean).join(' ')}`;
}

/** R5 counts texts to the number itself, so deleting and re-adding its person changes nothing. */
const claimSmsScope = (communityId: string, phone: string) => `claim_sms:${communityId}:${phone}`;
/** Claim emails are counted per address the same way, so an inbox cannot be flooded either. */
const claimEmailScope = (communityId: string, email: string) =>
  `claim_email:${communityId}:${email.toLowerCase()}`;
const phoneAccountScope = (communityId: string) => `phone_accounts:${communityId}`;

/** R6: more phone accounts a day once a core community has verified a domain. */
function phoneAccountLimit(deps: Deps, community: Community): number {
  const { phoneAccountsPerDay, phoneAccountsPerDayVerified } = deps.config.limits;
  return community.plan === 'core' && community.domainVerified
    ? phoneAccountsPerDayVerified
    : phoneAccountsPerDay;
}

/**
 * Takes one use of a daily allowance that ends at local midnight (R5, R6). The window's end is
 * fixed by its first use, so a change of the community's time zone mid-day buys nothing.
 */
async function takeDaily(
  tx: Executor,
  deps: Deps,
  community: Community,
  scope: string,
  limit: number,
): Promise<{ count: number } | { resetsAt: Date }> {
  const now = deps.clock.now();
  const count = await incrementInWindow(tx, scope, {
    limit,
    now: now.toISOString(),
    windowEndsAt: nextLocalMidnight(now, community.timeZone).toISOString(),
  });
  if (count !== null) return { count };
  const open = await readWindow(tx, scope, now.toISOString());
  return { resetsAt: open ? new Date(open.windowEndsAt) : nextLocalMidnight(now, community.timeZone) };
}

/**
 * R5: takes one of today's claim texts to a phone number, inside the caller's transaction, so a
 * refused or rolled-back change gives it back. Every channel comes through here.
 */
export async function takeClaimSms(tx: Tx, deps: Deps, community: Community, phone: string): Promise<number> {
  const now = deps.clock.now();
  const limit = deps.config.limits.claimSmsPerDay;
  const taken = await takeDaily(tx, deps, community, claimSmsScope(community.id, phone), limit);
  if ('count' in taken) return limit - taken.count;
  throw claimLimitRefusal('sms', limit, community, now, taken.resetsAt);
}

/** R5's refusal: this number (or address) has had today's claim messages. */
function claimLimitRefusal(
  medium: 'sms' | 'email',
  limit: number,
  community: Community,
  now: Date,
  resetsAt: Date,
) {
  const extra = { retryAfterSeconds: secondsUntil(now, resetsAt), resetsAt: resetsAt.toISOString() };
  return medium === 'sms'
    ? new AppError(
        'claim_sms_daily_limit',
        `This number has already been sent ${limit} invitation texts today, the most allowed. You can send another after midnight in ${community.timeZone}, ${inWords(now, resetsAt)}.`,
        extra,
      )
    : new AppError(
        'claim_email_daily_limit',
        `This address has already been sent ${limit} invitation emails today, the most allowed. You can send another after midnight in ${community.timeZone}, ${inWords(now, resetsAt)}.`,
        extra,
      );
}

/** R5's allowance for claim emails (R20): as many a day per address as texts per number. */
export async function takeClaimEmail(
  tx: Tx,
  deps: Deps,
  community: Community,
  email: string,
): Promise<number> {
  const now = deps.clock.now();
  const limit = deps.config.limits.claimSmsPerDay;
  const taken = await takeDaily(tx, deps, community, claimEmailScope(community.id, email), limit);
  if ('count' in taken) return limit - taken.count;
  throw claimLimitRefusal('email', limit, community, now, taken.resetsAt);
}

/** R6: takes one of the community's phone-account creations for today. */
export async function takePhoneAccountCreation(tx: Tx, deps: Deps, community: Community): Promise<void> {
  const now = deps.clock.now();
  const limit = phoneAccountLimit(deps, community);
  const taken = await takeDaily(tx, deps, community, phoneAccountScope(community.id), limit);
  if ('count' in taken) return;
  throw phoneAccountRefusal(limit, community, now, taken.resetsAt);
}

function phoneAccountRefusal(limit: number, community: Community, now: Date, resetsAt: Date) {
  const raise =
    community.plan === 'core'
      ? 'A system admin can raise it by verifying a domain in Settings → Domains.'
      : 'On the Core plan, verifying a domain (Settings → Domains) raises the limit; the operator of this Muster server changes the plan.';
  return new AppError(
    'phone_account_daily_limit',
    `Today's limit of ${limit} new mobile-number accounts is reached. It resets at midnight in ${community.timeZone}, ${inWords(now, resetsAt)}. ${raise}`,
    { retryAfterSeconds: secondsUntil(now, resetsAt), resetsAt: resetsAt.toISOString() },
  );
}

/** Today's allowance of new phone accounts (R6), taken for a batch of them at once. */
export interface PhoneAccountAllowance {
  /** How many more the community may add today. */
  left: number;
  /** What a person reads for the ones over it. */
  refusal: AppError;
  /** Records that `used` of them were added, in the transaction that added them. */
  spend(used: number): Promise<void>;
}

/**
 * R6 for a batch (an import): reads today's count and holds it (locked on PostgreSQL) until the
 * caller's transaction ends, so the batch takes up to what is left, learns how many it got, and
 * holds back the rest, exactly as that many takePhoneAccountCreation calls would.
 */
export async function phoneAccountAllowance(
  tx: Tx,
  deps: Deps,
  community: Community,
): Promise<PhoneAccountAllowance> {
  const now = deps.clock.now();
  const limit = phoneAccountLimit(deps, community);
  const scope = phoneAccountScope(community.id);
  const open = await lockWindow(tx, scope, {
    now: now.toISOString(),
    windowEndsAt: nextLocalMidnight(now, community.timeZone).toISOString(),
  });
  return {
    left: Math.max(0, limit - open.count),
    refusal: phoneAccountRefusal(limit, community, now, new Date(open.windowEndsAt)),
    spend: async (used) => {
      if (used > 0) await setWindowCount(tx, scope, open.count + used);
    },
  };
}

/** Where a claim message goes: a phone account's number or an email account's address. */
export type ClaimAddress = { medium: 'sms' | 'email'; to: string };

const claimScope = (communityId: string, address: ClaimAddress) =>
  address.medium === 'sms'
    ? claimSmsScope(communityId, address.to)
    : claimEmailScope(communityId, address.to);

/**
 * R5 for a batch, read without taking: for each address, null while it may be sent a claim
 * message today, else the refusal takeClaimSms (or takeClaimEmail) would give.
 */
export async function claimMessageRefusals(
  db: Executor,
  deps: Deps,
  community: Community,
  addresses: readonly ClaimAddress[],
): Promise<(AppError | null)[]> {
  const now = deps.clock.now();
  const limit = deps.config.limits.claimSmsPerDay;
  const open = await readOpenWindows(
    db,
    addresses.map((a) => claimScope(community.id, a)),
    now.toISOString(),
  );
  return addresses.map((address) => {
    const window = open.get(claimScope(community.id, address));
    if (!window || window.count < limit) return null;
    return claimLimitRefusal(address.medium, limit, community, now, new Date(window.windowEndsAt));
  });
}

/**
 * Takes one of today's claim messages for each address (all different), in the caller's
 * transaction, in a statement per chunk: answers how many each has left, or null for an address
 * that reached its limit since claimMessageRefusals read it.
 */
export async function takeClaimMessages(
  tx: Tx,
  deps: Deps,
  community: Community,
  addresses: readonly ClaimAddress[],
): Promise<(number | null)[]> {
  const now = deps.clock.now();
  const limit = deps.config.limits.claimSmsPerDay;
  const scopes = addresses.map((a) => claimScope(community.id, a));
  const counts = await incrementEachInWindow(tx, scopes, {
    limit,
    now: now.toISOString(),
    windowEndsAt: nextLocalMidnight(now, community.timeZone).toISOString(),
  });
  return scopes.map((scope) => {
    const count = counts.get(scope);
    return count === undefined ? null : limit - count;
  });
}

/** How much of a daily allowance is used now, and when it starts again. */
async function usage(db: Executor, deps: Deps, community: Community, scope: string) {
  const now = deps.clock.now();
  const open = await readWindow(db, scope, now.toISOString());
  return {
    used: open?.count ?? 0,
    resetsAt: open?.windowEndsAt ?? nextLocalMidnight(now, community.timeZone).toISOString(),
  };
}

/** Claim messages (texts or emails) sent to a person's number or address today, and left. */
export async function claimSmsLeftToday(
  db: Executor,
  deps: Deps,
  community: Community,
  to: { phone: string | null; email: string | null },
) {
  const limit = deps.config.limits.claimSmsPerDay;
  const scope = to.phone
    ? claimSmsScope(community.id, to.phone)
    : to.email
      ? claimEmailScope(community.id, to.email)
      : null;
  const { used, resetsAt } = scope
    ? await usage(db, deps, community, scope)
    : { used: 0, resetsAt: nextLocalMidnight(deps.clock.now(), community.timeZone).toISOString() };
  return { limit, used, left: Math.max(0, limit - used), resetsAt };
}

/** Today's usage of the daily limits, what is left and when they reset (R5, R6). */
export async function getCommunityLimits({ deps, communityId }: { deps: Deps; communityId: string }) {
  const community = await findCommunityOrThrow(deps.db, communityId);
  const limit = phoneAccountLimit(deps, community);
  const { used, resetsAt } = await usage(deps.db, deps, community, phoneAccountScope(community.id));
  return {
    day: localDay(deps.clock.now(), community.timeZone),
    timeZone: community.timeZone,
    resetsAt,
    phoneAccounts: {
      limit,
      used,
      left: Math.max(0, limit - used),
      howToRaise:
        community.plan === 'core' && community.domainVerified
          ? 'This is the highest daily limit.'
          : community.plan === 'core'
            ? 'A system admin can raise it by verifying a domain in Settings → Domains.'
            : 'On the Core plan, verifying a domain (Settings → Domains) raises it; ask the operator of this Muster server to move the community to Core.',
    },
    claimSmsPerPersonPerDay: deps.config.limits.claimSmsPerDay,
  };
}
