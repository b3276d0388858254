import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { lockTarget } from '../people/guards.js';
import type { Person } from '../people/person.js';
import { toPersonView } from '../people/person.view.js';
import type { Tx } from '../storage/db.js';
import { sendClaimMessage } from './claim-message.js';

function assertInvitable(person: Person) {
  if (!person.active) {
    throw new AppError(
      'account_not_invitable',
      'This account is deactivated. Reactivate it before inviting the person again.',
    );
  }
  if (person.claimed) {
    throw new AppError(
      'account_not_invitable',
      'This person has already claimed their account. To make them choose a new password, reset the account to unclaimed.',
    );
  }
}

export interface TextArgs {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  reason: 'invitation' | 'reminder';
  channel?: string;
  /** The failed or expired text this invitation replaces, for the audit log. */
  resentMessageId?: string;
}

/** Sends (or resends) the claim invitation of an unclaimed account (R3, R13). */
export function invitePerson(args: Omit<TextArgs, 'reason'>) {
  return args.deps.db
    .transaction()
    .execute((tx) => textUnclaimedPersonIn(tx, { ...args, reason: 'invitation' }));
}

export function remindPerson(args: Omit<TextArgs, 'reason'> & { channel: string }) {
  return args.deps.db
    .transaction()
    .execute((tx) => textUnclaimedPersonIn(tx, { ...args, reason: 'reminder' }));
}

/** Sends an invitation or a reminder to one unclaimed person, audited in the same transaction. */
export async function textUnclaimedPersonIn(
  tx: Tx,
  { deps, ctx, id, reason, channel = 'api', resentMessageId }: TextArgs,
) {
  const person = await lockTarget(tx, ctx, id);
  assertInvitable(person);
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  const sent = await sendClaimMessage(tx, deps, { community, person, reason, channel });
  await recordAudit(tx, deps.clock, ctx, {
    type: reason === 'invitation' ? AuditType.invitationSent : AuditType.reminderSent,
    target: { id, label: person.displayName },
    details: {
      channel,
      claimSmsLeftToday: sent.claimSmsLeftToday,
      ...(resentMessageId ? { resentMessageId } : {}),
    },
  });
  return { person: toPersonView(sent.person), claimSmsLeftToday: sent.claimSmsLeftToday };
}
