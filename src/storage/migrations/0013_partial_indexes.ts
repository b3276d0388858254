import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

interface Index {
  name: string;
  table: string;
  unique: boolean;
  /** What it indexes, as SQL. */
  on: string;
  /** The value whose rows it holds: a lookup of that value implies it is not null, on both databases. */
  set: string;
}

/**
 * Indexes on values most rows leave empty hold only the rows that have one. A person added by
 * mobile number has no email, username, employee id, manager, SCIM externalId or access code,
 * yet every insert wrote an entry for each into its index: 7 of the 12 a person has
 * (docs/benchmarks.md has the before and after). Every lookup these indexes serve
 * compares the value, which tells both databases' planners that it is not null, so they still
 * use them; NULLs were always distinct, so uniqueness is unchanged. Rebuilding them reads each
 * table once; writes to it wait meanwhile.
 */
const PARTIAL: readonly Index[] = [
  {
    name: 'people_community_email_key',
    table: 'people',
    unique: true,
    on: 'community_id, email',
    set: 'email',
  },
  {
    name: 'people_community_username_key',
    table: 'people',
    unique: true,
    on: 'community_id, username',
    set: 'username',
  },
  {
    name: 'people_community_external_id_key',
    table: 'people',
    unique: true,
    on: 'community_id, external_id',
    set: 'external_id',
  },
  { name: 'people_manager_idx', table: 'people', unique: false, on: 'manager_id', set: 'manager_id' },
  {
    name: 'people_email_lower_idx',
    table: 'people',
    unique: false,
    on: 'community_id, lower(email)',
    // SQLite sees that `lower(email) = ?` implies this, not that it implies `email is not null`.
    set: 'lower(email)',
  },
  {
    name: 'people_scim_external_id_idx',
    table: 'people',
    unique: false,
    on: 'community_id, scim_external_id',
    set: 'scim_external_id',
  },
  {
    name: 'people_access_code_hash_idx',
    table: 'people',
    unique: true,
    on: 'access_code_hash',
    set: 'access_code_hash',
  },
  {
    name: 'audit_events_aggregation_key',
    table: 'audit_events',
    unique: true,
    on: 'aggregation_key',
    set: 'aggregation_key',
  },
  {
    name: 'import_rows_employee_idx',
    table: 'import_rows',
    unique: false,
    on: 'job_id, employee_key',
    set: 'employee_key',
  },
];

const create = (index: Index, partial: boolean) =>
  sql.raw(
    `create ${index.unique ? 'unique ' : ''}index ${index.name} on ${index.table} (${index.on})${partial ? ` where ${index.set} is not null` : ''}`,
  );

export async function up(db: AnyDb): Promise<void> {
  for (const index of PARTIAL) {
    await sql`drop index ${sql.ref(index.name)}`.execute(db);
    await create(index, true).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of PARTIAL) {
    await sql`drop index ${sql.ref(index.name)}`.execute(db);
    await create(index, false).execute(db);
  }
}
