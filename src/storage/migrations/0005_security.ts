import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Every column of audit_events but `count`: what an aggregated row may never change. */
const FIXED_AUDIT_COLUMNS = [
  'id',
  'community_id',
  'occurred_at',
  'type',
  'outcome',
  'actor_id',
  'actor_label',
  'target_id',
  'target_label',
  'ip',
  'request_id',
  'details',
  'aggregation_key',
];

/**
 * Admin-grade security (R5, R33, R36, R40, R41):
 * - trusted devices: browsers that signed in to an account before keep their own allowance of
 *   guesses, so a stranger cannot lock a worker out (R33, OWASP's device cookies);
 * - window counters: R5's claim texts counted per phone number in a window that ends at the
 *   local midnight it started under, so neither a re-added person nor a new time zone buys texts;
 * - TOTP for admins and their single-use backup codes (R40);
 * - audit rows that count repeated refusals from one source in one minute (R36): the only update
 *   the append-only log allows is raising the count of such a row.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trusted_devices_pkey', ['token_hash', 'person_id'])
    .execute();
  await db.schema
    .createIndex('trusted_devices_person_idx')
    .on('trusted_devices')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('window_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('people').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('people').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('people').addColumn('totp_confirmed_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .createTable('backup_codes')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('backup_codes_pkey', ['person_id', 'code_hash'])
    .execute();

  await db.schema
    .alterTable('audit_events')
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('audit_events').addColumn('aggregation_key', 'text').execute();
  await db.schema
    .createIndex('audit_events_aggregation_key')
    .unique()
    .on('audit_events')
    .column('aggregation_key')
    .execute();
  await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').column('occurred_at').execute();

  const unchanged = FIXED_AUDIT_COLUMNS.map((c) => `new.${c} is old.${c}`).join(' and ');
  if (isSqlite(db)) {
    await sql`drop trigger audit_events_append_only`.execute(db);
    await sql
      .raw(`create trigger audit_events_append_only before update on audit_events
        when not (old.aggregation_key is not null and new.count > old.count and ${unchanged})
        begin select raise(abort, 'the audit log is append-only'); end`)
      .execute(db);
    return;
  }
  const unchangedPg = FIXED_AUDIT_COLUMNS.map((c) => `new.${c} is not distinct from old.${c}`).join(' and ');
  await sql
    .raw(`create or replace function muster_audit_append_only() returns trigger language plpgsql as $$
    begin
      if old.aggregation_key is not null and new.count > old.count and ${unchangedPg} then
        return new;
      end if;
      raise exception 'the audit log is append-only';
    end $$`)
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await sql`drop trigger audit_events_append_only`.execute(db);
    await sql`create trigger audit_events_append_only before update on audit_events
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  } else {
    await sql`create or replace function muster_audit_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only'; end $$`.execute(db);
  }
  await db.schema.dropIndex('audit_events_occurred_idx').execute();
  await db.schema.dropIndex('audit_events_aggregation_key').execute();
  await db.schema.alterTable('audit_events').dropColumn('aggregation_key').execute();
  await db.schema.alterTable('audit_events').dropColumn('count').execute();
  await db.schema.dropTable('backup_codes').execute();
  await db.schema.alterTable('people').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('people').dropColumn('totp_confirmed_at').execute();
  await db.schema.alterTable('people').dropColumn('totp_pending_secret').execute();
  await db.schema.alterTable('people').dropColumn('totp_secret').execute();
  await db.schema.dropTable('window_counters').execute();
  await db.schema.dropIndex('trusted_devices_person_idx').execute();
  await db.schema.dropTable('trusted_devices').execute();
}
