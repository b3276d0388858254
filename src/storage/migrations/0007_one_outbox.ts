import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * One outbox for texts and emails (R20, R50): the SMS outbox becomes `messages`, each with its
 * medium, its recipient (a phone number or an email address), its language and, for email, its
 * subject; both
 * media share the dispatcher's leases, retries, TTL and attempt log. And the links of
 * forgot-password by email: single use, an hour long, stored hashed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sms_messages').renameTo('messages').execute();
  await db.schema.alterTable('messages').renameColumn('to_phone', 'recipient').execute();
  await db.schema
    .alterTable('messages')
    .addColumn('medium', 'text', (c) => c.notNull().defaultTo('sms'))
    .execute();
  await db.schema.alterTable('messages').addColumn('subject', 'text').execute();
  await db.schema.alterTable('messages').addColumn('locale', 'text').execute();
  await db.schema.alterTable('sms_attempts').renameTo('message_attempts').execute();

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('password_reset_tokens_person_idx')
    .on('password_reset_tokens')
    .column('person_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('password_reset_tokens').execute();
  await db.schema.alterTable('message_attempts').renameTo('sms_attempts').execute();
  await db.deleteFrom('messages').where('medium', '!=', 'sms').execute();
  await db.schema.alterTable('messages').dropColumn('locale').execute();
  await db.schema.alterTable('messages').dropColumn('subject').execute();
  await db.schema.alterTable('messages').dropColumn('medium').execute();
  await db.schema.alterTable('messages').renameColumn('recipient', 'to_phone').execute();
  await db.schema.alterTable('messages').renameTo('sms_messages').execute();
}
