import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * R36: the audit log is append-only, enforced by the database itself, so no code path (or
 * person at a SQL prompt going through the application's account) can rewrite history.
 * Deleting stays possible for the retention sweep and for a community's removal.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await sql`create trigger audit_events_append_only before update on audit_events
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    return;
  }
  await sql`create function muster_audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'the audit log is append-only'; end $$`.execute(db);
  await sql`create trigger audit_events_append_only before update on audit_events
    for each row execute function muster_audit_append_only()`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await sql`drop trigger audit_events_append_only`.execute(db);
    return;
  }
  await sql`drop trigger audit_events_append_only on audit_events`.execute(db);
  await sql`drop function muster_audit_append_only()`.execute(db);
}
