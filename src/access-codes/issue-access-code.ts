import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import { formatAccessCode, generateAccessCode } from '../crypto/access-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { assertNotSelf, lockTarget } from '../people/guards.js';
import type { Person } from '../people/person.js';
import { replaceAccessCode } from './access-codes.store.js';
import {
  ACCESS_CODE_LIFETIME_DAYS,
  accessCodeHash,
  assertAccessCodeAccount,
  assertAccessCodesEnabled,
  assertMayHandOutCodeFor,
} from './rules.js';

export interface IssuedAccessCode {
  person: Person;
  community: Community;
  /** The code, shown this once, as ABCD-EFGH-JKMN-PQRS. */
  accessCode: string;
  expiresAt: string;
  /** What the code will do: claim an unclaimed account, or reset a claimed one's password. */
  purpose: 'claim' | 'recovery';
}

/**
 * Makes a person's access code (R21): 16 letters, shown once, stored as a keyed hash, valid for
 * 90 days, replacing any earlier code of theirs. For an unclaimed account it is the invitation;
 * for a claimed one, a way back in when the password is forgotten. Audited without the code.
 */
export async function issueAccessCode({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
}): Promise<IssuedAccessCode> {
  assertNotSelf(ctx, id, 'make an access code for');
  const code = generateAccessCode();
  return deps.db.transaction().execute(async (tx) => {
    const person = await lockTarget(tx, ctx, id);
    assertAccessCodeAccount(person);
    assertMayHandOutCodeFor(ctx, person);
    if (!person.active) {
      throw new AppError(
        'account_not_invitable',
        'This account is deactivated. Reactivate it first, then make its access code.',
      );
    }
    const community = await findCommunityOrThrow(tx, ctx.communityId);
    assertAccessCodesEnabled(community);
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + ACCESS_CODE_LIFETIME_DAYS * 86_400_000).toISOString();
    const purpose = person.claimed ? 'recovery' : 'claim';
    const updated = await replaceAccessCode(tx, person.id, {
      hash: accessCodeHash(deps.secrets, code),
      createdAt: now.toISOString(),
      expiresAt,
      generation: person.invitationGeneration,
      invite: !person.claimed,
    });
    if (!updated) throw new AppError('internal_error', 'The person changed while saving. Try again.');
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accessCodeCreated,
      target: { id: person.id, label: person.displayName },
      details: { purpose, expiresAt },
    });
    return { person: updated, community, accessCode: formatAccessCode(code), expiresAt, purpose };
  });
}
