import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Import jobs (R54): an uploaded file becomes a job and one row per line of the file, so the work
 * lives in the database, not in a browser tab or a process. Each row carries its own outcome,
 * written in the same transaction as the change it made: a crash loses nothing and repeats
 * nothing. Rows are leased to one worker at a time (SKIP LOCKED on PostgreSQL, R53).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('send_invitations', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('header', 'text', (c) => c.notNull())
    .addColumn('unknown_columns', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_until', 'text')
    .addColumn('phone_accounts_left', 'integer')
    .addColumn('error', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('actor_label', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await sql`create index import_jobs_community_idx on import_jobs (community_id, id)`.execute(db);
  await sql`create index import_jobs_live_idx on import_jobs (state, created_at)`.execute(db);

  await db.schema
    .createTable('import_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('login_key', 'text')
    .addColumn('employee_key', 'text')
    .addColumn('manager_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('manager_state', 'text')
    .addColumn('person_id', 'text')
    .addColumn('code', 'text')
    .addColumn('message', 'text')
    .addColumn('not_before', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addPrimaryKeyConstraint('import_rows_pkey', ['job_id', 'line'])
    .execute();
  // Claims take the next rows of a status in file order without scanning the finished ones.
  await sql`create index import_rows_status_idx on import_rows (job_id, status, line)`.execute(db);
  // "Is this login (employee ID, manager) on an earlier row of the file?", a batch at a time.
  await sql`create index import_rows_login_idx on import_rows (job_id, login_key)`.execute(db);
  await sql`create index import_rows_employee_idx on import_rows (job_id, employee_key)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('import_jobs').execute();
}
