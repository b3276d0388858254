import { newId } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';

export type AccountEndKind = 'deactivated' | 'reset' | 'deleted';

/** What happened to the account: it ended, or only every other sign-in of it did. */
type AccountEventKind = AccountEndKind | 'signed_out_everywhere';

async function recordAccountEvent(
  tx: Executor,
  event: { communityId: string; personId: string; kind: AccountEventKind; at: string },
): Promise<void> {
  await tx
    .insertInto('account_events')
    .values({
      id: newId(new Date(event.at)),
      community_id: event.communityId,
      person_id: event.personId,
      kind: event.kind,
      created_at: event.at,
      processed_at: null,
    })
    .execute();
}

/**
 * Records that a person's account ended for the apps they sign in to (R60), in the transaction
 * that ends it: the event exists exactly when the change committed, and whatever acts on it (the
 * OpenID provider's back-channel logout) finds it after a crash. The people slice knows nothing of
 * who reads it.
 */
export async function recordAccountEnded(
  tx: Executor,
  event: { communityId: string; personId: string; kind: AccountEndKind; at: string },
): Promise<void> {
  await recordAccountEvent(tx, event);
}

/**
 * Records that Muster ended a person's other sessions (a password changed or reset with "log out
 * other devices", "log out of other devices", an access-code recovery, a new role), in the same
 * transaction: what apps hold for them ends too (R31, R60), so a password someone else once used
 * keeps nobody in an app. The account itself goes on.
 */
export async function recordSignedOutEverywhere(
  tx: Executor,
  event: { communityId: string; personId: string; at: string },
): Promise<void> {
  await recordAccountEvent(tx, { ...event, kind: 'signed_out_everywhere' });
}
