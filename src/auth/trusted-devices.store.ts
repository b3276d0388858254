import type { Executor } from '../storage/db.js';

export async function isTrustedDevice(db: Executor, tokenHash: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('trusted_devices')
    .select('person_id')
    .where('token_hash', '=', tokenHash)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function trustDevice(
  db: Executor,
  device: { tokenHash: string; personId: string; communityId: string; now: string },
): Promise<void> {
  await db
    .insertInto('trusted_devices')
    .values({
      token_hash: device.tokenHash,
      person_id: device.personId,
      community_id: device.communityId,
      created_at: device.now,
      last_used_at: device.now,
    })
    .onConflict((oc) => oc.columns(['token_hash', 'person_id']).doUpdateSet({ last_used_at: device.now }))
    .execute();
}

/** Devices not used to sign in for a long time are trusted no more. */
export async function deleteDevicesUnusedSince(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('trusted_devices').where('last_used_at', '<', before).execute();
}
