import { refusalRecorder } from '../audit/refusals.js';
import { forEachPerson } from '../bulk.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { type IssuedAccessCode, issueAccessCode } from './issue-access-code.js';

/**
 * Access codes for many people at once, for the printed sheet and the CSV (R21): each person on
 * their own, so one refusal (an email account, someone deactivated) loses nothing else. An id
 * given twice gets one code: a second would cancel the first before it was ever printed.
 */
export async function issueAccessCodes({
  deps,
  ctx,
  ids,
}: {
  deps: Deps;
  ctx: ActingContext;
  ids: readonly string[];
}) {
  const issued = new Map<string, IssuedAccessCode>();
  const outcome = await forEachPerson(
    [...new Set(ids)],
    async (id) => issued.set(id, await issueAccessCode({ deps, ctx, id })),
    refusalRecorder(deps, ctx),
  );
  const community = await findCommunityOrThrow(deps.db, ctx.communityId);
  return {
    community,
    done: outcome.done,
    failed: outcome.failed,
    results: outcome.results.map((result) => ({ ...result, issued: issued.get(result.id) ?? null })),
  };
}
