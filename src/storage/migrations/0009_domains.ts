import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Domains (R26): a community adds a domain and proves it holds it with a DNS TXT record. A
 * community lists a name once; and a name is verified by one community at most, which the
 * database itself guarantees (a partial unique index), so two communities verifying the same
 * name at the same moment cannot both win.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('next_check_at', 'text')
    .addColumn('failing_since', 'text')
    .execute();
  await sql`create unique index domains_community_name_key on domains (community_id, name)`.execute(db);
  await sql`create unique index domains_verified_name_key on domains (name) where verified_at is not null`.execute(
    db,
  );
  await sql`create index domains_recheck_idx on domains (next_check_at) where verified_at is not null`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('domains').execute();
}
