import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Integrations (R27, R28): API tokens for scripts and identity providers; the SCIM userName and
 * the attributes an identity provider sent, kept to echo them as sent; groups of people.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_ip', 'text')
    .execute();
  await db.schema
    .createIndex('api_tokens_community_idx')
    .on('api_tokens')
    .columns(['community_id', 'id'])
    .execute();

  // userName as SCIM knows it: what the identity provider sent, else the login. Unique per
  // community whatever its case, and indexed for `userName eq` lookups at a million people.
  await db.schema.alterTable('people').addColumn('user_name', 'text').execute();
  await sql`update people set user_name = coalesce(email, phone, username)`.execute(db);
  await sql`create unique index people_user_name_key on people (community_id, lower(user_name))`.execute(db);
  await sql`create index people_email_lower_idx on people (community_id, lower(email))`.execute(db);
  await db.schema.alterTable('people').addColumn('scim_attributes', 'text').execute();
  // SCIM's externalId is the identity provider's own id for the user (Entra's objectId, Okta's
  // user id), not the employee ID: kept as sent, searchable, and not unique.
  await db.schema.alterTable('people').addColumn('scim_external_id', 'text').execute();
  await db.schema
    .createIndex('people_scim_external_id_idx')
    .on('people')
    .columns(['community_id', 'scim_external_id'])
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('groups_community_idx').on('groups').columns(['community_id', 'id']).execute();
  await sql`create index groups_display_name_idx on groups (community_id, lower(display_name))`.execute(db);
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('group_members_person_idx').on('group_members').column('person_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('group_members').execute();
  await db.schema.dropTable('groups').execute();
  await db.schema.dropIndex('people_scim_external_id_idx').execute();
  await db.schema.alterTable('people').dropColumn('scim_external_id').execute();
  await db.schema.alterTable('people').dropColumn('scim_attributes').execute();
  await db.schema.dropIndex('people_email_lower_idx').execute();
  await db.schema.dropIndex('people_user_name_key').execute();
  await db.schema.alterTable('people').dropColumn('user_name').execute();
  await db.schema.dropTable('api_tokens').execute();
}
