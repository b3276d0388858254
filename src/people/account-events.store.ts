import { newId } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';

export type AccountEndKind = 'deactivated' | 'reset' | 'deleted';

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
