import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const COLUMNS = [
  'access_code_hash',
  'access_code_created_at',
  'access_code_expires_at',
  'access_code_generation',
  'access_code_used_at',
  'access_code_revoked_at',
] as const;

/**
 * Access codes (R21), as columns of the person they open: one code per account by construction,
 * so a new code replaces the old in the same row. The code is looked up without a username, so
 * its keyed hash is unique across every community. A used or revoked code keeps its hash, so a
 * worker who types it again is told what happened to it rather than "not valid".
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('people').addColumn('access_code_hash', 'text').execute();
  await db.schema.alterTable('people').addColumn('access_code_created_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('access_code_expires_at', 'text').execute();
  // The person's invitation generation when the code was made: deactivation bumps it, so a
  // reactivated account does not bring back a code that was live when it was shut.
  await db.schema.alterTable('people').addColumn('access_code_generation', 'integer').execute();
  await db.schema.alterTable('people').addColumn('access_code_used_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('access_code_revoked_at', 'text').execute();
  await db.schema
    .createIndex('people_access_code_hash_idx')
    .unique()
    .on('people')
    .column('access_code_hash')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('people_access_code_hash_idx').execute();
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
