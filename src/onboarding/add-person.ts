import { AuditType, recordAudit } from '../audit/audit.js';
import { sendClaimMessage } from '../invitations/claim-message.js';
import { type CreatePersonArgs, createPersonIn } from '../people/create-person.js';
import { rethrowUnique } from '../people/guards.js';
import type { PersonView } from '../people/people.schemas.js';
import { toPersonView } from '../people/person.view.js';
import type { Tx } from '../storage/db.js';

export interface AddPersonArgs extends CreatePersonArgs {
  /** A rolled-back preview: the invitation is checked but spends no SMS budget. */
  preview?: boolean;
}

/** Adds one person (an admin's "Add person"), sending a phone or email account its invitation (R3, R20). */
export function addPerson(args: AddPersonArgs): Promise<PersonView> {
  return args.deps.db.transaction().execute((tx) => addPersonIn(tx, args));
}

/**
 * Adds one person inside the caller's transaction. The invitation is queued in the same
 * transaction: the person never exists uninvited by accident (R3, R50).
 */
export async function addPersonIn(tx: Tx, { preview = false, ...args }: AddPersonArgs): Promise<PersonView> {
  const { deps, ctx, input, channel } = args;
  const { person, community } = await createPersonIn(tx, args);
  if (person.loginKind === 'username' || input.sendInvitation === false) return toPersonView(person);
  try {
    const invited = await sendClaimMessage(tx, deps, {
      community,
      person,
      reason: 'invitation',
      channel,
      preview,
    });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.invitationSent,
      target: { id: person.id, label: person.displayName },
      details: { channel, claimSmsLeftToday: invited.claimSmsLeftToday },
    });
    return toPersonView(invited.person);
  } catch (error) {
    rethrowUnique(error);
  }
}
