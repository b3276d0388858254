import { type Kysely, sql } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the code types it now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a migration lists its tables in one place
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('plan', 'text', (c) => c.notNull().check(sql`plan in ('essentials', 'core')`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull())
    .addColumn('default_country', 'text', (c) => c.notNull())
    .addColumn('domain_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('login_kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('username', 'text')
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text')
    .addColumn('department', 'text')
    .addColumn('division', 'text')
    .addColumn('organization', 'text')
    .addColumn('cost_center', 'text')
    .addColumn('location', 'text')
    .addColumn('locale', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('manager_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('external_id', 'text')
    .addColumn('start_date', 'text')
    .addColumn('frontline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('system_admin', 'account_manager', 'analyst', 'member')`),
    )
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('claimed', 'integer', (c) => c.notNull())
    .addColumn('invited_at', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('deactivated_at', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('invitation_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Exactly one login identifier, and it is the one the kind names (access-code accounts
    // have no username until they claim, so theirs may still be empty).
    .addCheckConstraint(
      'people_one_login_identifier',
      sql`(login_kind = 'email' and email is not null and phone is null and username is null)
       or (login_kind = 'phone' and phone is not null and email is null and username is null)
       or (login_kind = 'username' and email is null and phone is null)`,
    )
    .execute();
  // Unique per community; NULLs never collide, so each index only binds people of its kind.
  await db.schema
    .createIndex('people_community_phone_key')
    .unique()
    .on('people')
    .columns(['community_id', 'phone'])
    .execute();
  await db.schema
    .createIndex('people_community_email_key')
    .unique()
    .on('people')
    .columns(['community_id', 'email'])
    .execute();
  await db.schema
    .createIndex('people_community_username_key')
    .unique()
    .on('people')
    .columns(['community_id', 'username'])
    .execute();
  await db.schema
    .createIndex('people_community_external_id_key')
    .unique()
    .on('people')
    .columns(['community_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('people_community_id_idx')
    .on('people')
    .columns(['community_id', 'id'])
    .execute();
  await db.schema.createIndex('people_manager_idx').on('people').column('manager_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('sessions_person_idx')
    .on('sessions')
    .columns(['person_id', 'revoked_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_label', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_community_idx')
    .on('audit_events')
    .columns(['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_type_idx')
    .on('audit_events')
    .columns(['community_id', 'type', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_target_idx')
    .on('audit_events')
    .columns(['community_id', 'target_id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('response_location', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'setup_tokens',
    'idempotency_keys',
    'audit_events',
    'sessions',
    'people',
    'communities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
