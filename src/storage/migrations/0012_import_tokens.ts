import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * An import started with an API token (R27, R54) names the token as well as its owner: the job
 * acts with the token's authority batch after batch, and stops when the token is revoked.
 * `actor_id` stays a person (the owner), as its foreign key says. Tokens are revoked, never
 * deleted (but with their community, which takes its jobs along), so no key is needed here.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_jobs').addColumn('actor_token_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('import_jobs').dropColumn('actor_token_id').execute();
}
