import type { Executor } from '../storage/db.js';

/**
 * Records that a TOTP code was accepted for `step`, only if no code of this or a later step was
 * accepted before: of two parallel uses of one code, exactly one succeeds.
 */
export async function acceptTotpStep(db: Executor, personId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ totp_last_step: step })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a person's backup codes with new ones (their keyed hashes). */
export async function replaceBackupCodes(
  db: Executor,
  personId: string,
  codeHashes: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('backup_codes').where('person_id', '=', personId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('backup_codes')
    .values(
      codeHashes.map((code_hash) => ({ person_id: personId, code_hash, created_at: now, used_at: null })),
    )
    .execute();
}

/** Uses up a backup code in one conditional update: single use even under parallel requests. */
export async function spendBackupCode(
  db: Executor,
  personId: string,
  codeHash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('backup_codes')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
