import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Sign in with Muster (R60), an OpenID Connect provider:
 * - the provider library's own records (sessions, grants, codes, tokens, interactions), one row
 *   each, with the columns it looks them up by;
 * - client apps, each of one community, with a sealed secret when they have one;
 * - signing keys, sealed with the server key; the current one is the only row with current = 1;
 * - account events: a person deactivated, reset to unclaimed or deleted, written in the same
 *   transaction as the change, so the apps' back-channel logout survives a crash; and the
 *   deliveries of those logouts to each app, retried until the app answers.
 */
export async function up(db: AnyDb): Promise<void> {
  await createProviderRecords(db);
  await createClientsAndKeys(db);
  await createLogoutQueues(db);
}

async function createProviderRecords(db: AnyDb) {
  await db.schema
    .createTable('oidc_payloads')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('uid', 'text')
    .addColumn('user_code', 'text')
    .addColumn('account_id', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('consumed_at', 'text')
    .addPrimaryKeyConstraint('oidc_payloads_pkey', ['model', 'id'])
    .execute();
  await db.schema.createIndex('oidc_payloads_grant_idx').on('oidc_payloads').column('grant_id').execute();
  await db.schema
    .createIndex('oidc_payloads_uid_idx')
    .on('oidc_payloads')
    .columns(['model', 'uid'])
    .execute();
  await db.schema.createIndex('oidc_payloads_account_idx').on('oidc_payloads').column('account_id').execute();
  await db.schema.createIndex('oidc_payloads_expires_idx').on('oidc_payloads').column('expires_at').execute();
}

async function createClientsAndKeys(db: AnyDb) {
  await db.schema
    .createTable('oidc_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('post_logout_redirect_uris', 'text', (c) => c.notNull())
    .addColumn('backchannel_logout_uri', 'text')
    .addColumn('first_party', 'integer', (c) => c.notNull())
    .addColumn('auth_method', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text')
    .addColumn('jwks', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'text')
    .execute();
  await db.schema
    .createIndex('oidc_clients_community_idx')
    .on('oidc_clients')
    .columns(['community_id', 'id'])
    .execute();

  await db.schema
    .createTable('oidc_signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    // 1 for the key that signs now, null otherwise: unique, so two servers starting at once
    // cannot both make a current key.
    .addColumn('current', 'integer', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}

async function createLogoutQueues(db: AnyDb) {
  await db.schema
    .createTable('account_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    // No foreign key: the event outlives a deleted person.
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema
    .createIndex('account_events_pending_idx')
    .on('account_events')
    .columns(['processed_at', 'created_at'])
    .execute();

  await db.schema
    .createTable('oidc_logout_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('oidc_clients.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('oidc_logout_deliveries_due_idx')
    .on('oidc_logout_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('oidc_logout_deliveries').execute();
  await db.schema.dropTable('account_events').execute();
  await db.schema.dropTable('oidc_signing_keys').execute();
  await db.schema.dropTable('oidc_clients').execute();
  await db.schema.dropTable('oidc_payloads').execute();
}
