import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a migration lists its tables in one place
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('people').addColumn('recovery_code_hash', 'text').execute();
  await db.schema.alterTable('people').addColumn('recovery_code_created_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('invitation_sent_at', 'text').execute();
  await db.schema
    .alterTable('people')
    .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('people_invited_idx')
    .on('people')
    .columns(['invited', 'claimed', 'active'])
    .execute();

  await db.schema
    .createTable('claim_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('claim_tokens_person_idx').on('claim_tokens').column('person_id').execute();

  await db.schema
    .createTable('sms_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('to_phone', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('preview', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_expires_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('sms_messages_due_idx')
    .on('sms_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('sms_messages_community_idx')
    .on('sms_messages')
    .columns(['community_id', 'id'])
    .execute();
  await db.schema.createIndex('sms_messages_person_idx').on('sms_messages').columns(['person_id']).execute();
  await db.schema
    .createIndex('sms_messages_provider_id_idx')
    .on('sms_messages')
    .columns(['provider_message_id'])
    .execute();

  await db.schema
    .createTable('sms_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('sms_messages.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema
    .createIndex('sms_attempts_message_idx')
    .on('sms_attempts')
    .columns(['message_id', 'attempt'])
    .execute();

  // Delivery reports that arrive before the dispatcher has recorded the provider's id.
  await db.schema
    .createTable('sms_receipts')
    .addColumn('provider_message_id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('daily_counters')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_counters_pkey', ['scope', 'day'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['daily_counters', 'sms_receipts', 'sms_attempts', 'sms_messages', 'claim_tokens']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('people_invited_idx').execute();
  for (const column of [
    'reminders_sent',
    'invitation_sent_at',
    'recovery_code_created_at',
    'recovery_code_hash',
  ]) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
