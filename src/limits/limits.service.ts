import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { incrementIfBelow, readCounter } from '../counters/counters.store.js';
import { localDay, nextLocalMidnight, secondsUntil } from '../counters/day.js';
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

const claimSmsScope = (personId: string) => `claim_sms:${personId}`;
const phoneAccountScope = (communityId: string) => `phone_accounts:${communityId}`;

/** R6: more phone accounts a day once a core community has verified a domain. */
function phoneAccountLimit(deps: Deps, community: Community): number {
  const { phoneAccountsPerDay, phoneAccountsPerDayVerified } = deps.config.limits;
  return community.plan === 'core' && community.domainVerified
    ? phoneAccountsPerDayVerified
    : phoneAccountsPerDay;
}

function resetsAt(deps: Deps, community: Community): Date {
  return nextLocalMidnight(deps.clock.now(), community.timeZone);
}

/**
 * R5: takes one of the person's claim SMSs for today inside the caller's transaction, so a
 * refused or rolled-back change gives it back. Every channel comes through here.
 */
export async function takeClaimSms(
  tx: Tx,
  deps: Deps,
  community: Community,
  personId: string,
): Promise<number> {
  const now = deps.clock.now();
  const limit = deps.config.limits.claimSmsPerDay;
  const count = await incrementIfBelow(tx, claimSmsScope(personId), localDay(now, community.timeZone), limit);
  if (count === null) {
    const reset = resetsAt(deps, community);
    throw new AppError(
      'claim_sms_daily_limit',
      `This person has already been sent ${limit} invitation texts today, the most allowed. You can send another after midnight in ${community.timeZone}, ${inWords(now, reset)}.`,
      { retryAfterSeconds: secondsUntil(now, reset), resetsAt: reset.toISOString() },
    );
  }
  return limit - count;
}

/** R6: takes one of the community's phone-account creations for today. */
export async function takePhoneAccountCreation(tx: Tx, deps: Deps, community: Community): Promise<void> {
  const now = deps.clock.now();
  const limit = phoneAccountLimit(deps, community);
  const count = await incrementIfBelow(
    tx,
    phoneAccountScope(community.id),
    localDay(now, community.timeZone),
    limit,
  );
  if (count === null) {
    const reset = resetsAt(deps, community);
    const raise =
      community.plan === 'core'
        ? 'Verify a domain to raise the limit.'
        : 'On the Core plan, verifying a domain raises the limit.';
    throw new AppError(
      'phone_account_daily_limit',
      `Today's limit of ${limit} new mobile-number accounts is reached. It resets at midnight in ${community.timeZone}, ${inWords(now, reset)}. ${raise}`,
      { retryAfterSeconds: secondsUntil(now, reset), resetsAt: reset.toISOString() },
    );
  }
}

export async function claimSmsLeftToday(db: Executor, deps: Deps, community: Community, personId: string) {
  const used = await readCounter(db, claimSmsScope(personId), localDay(deps.clock.now(), community.timeZone));
  const limit = deps.config.limits.claimSmsPerDay;
  return { limit, used, left: Math.max(0, limit - used), resetsAt: resetsAt(deps, community).toISOString() };
}

/** Today's usage of the daily limits, what is left and when they reset (R5, R6). */
export async function getCommunityLimits({ deps, communityId }: { deps: Deps; communityId: string }) {
  const community = await findCommunityOrThrow(deps.db, communityId);
  const day = localDay(deps.clock.now(), community.timeZone);
  const limit = phoneAccountLimit(deps, community);
  const used = await readCounter(deps.db, phoneAccountScope(community.id), day);
  return {
    day,
    timeZone: community.timeZone,
    resetsAt: resetsAt(deps, community).toISOString(),
    phoneAccounts: {
      limit,
      used,
      left: Math.max(0, limit - used),
      howToRaise:
        community.plan === 'core' && community.domainVerified
          ? 'This is the highest daily limit.'
          : community.plan === 'core'
            ? 'Verify a domain to raise it.'
            : 'Move to the Core plan and verify a domain to raise it.',
    },
    claimSmsPerPersonPerDay: deps.config.limits.claimSmsPerDay,
  };
}
