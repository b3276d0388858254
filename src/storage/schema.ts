import type { Generated } from 'kysely';

/**
 * Row types as both databases hold them. Flags are 0/1 integers and times are ISO-8601 UTC text
 * in both, so SQLite and PostgreSQL store, sort and compare them the same way.
 */
export type Flag = 0 | 1;
export type Plan = 'essentials' | 'core';
export type Role = 'system_admin' | 'account_manager' | 'analyst' | 'member';
export type LoginKind = 'email' | 'phone' | 'username';

export interface CommunitiesTable {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  time_zone: string;
  default_locale: string;
  default_country: string;
  domain_verified: Flag;
  /** JSON text of CommunitySettings. */
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  community_id: string;
  login_kind: LoginKind;
  email: string | null;
  phone: string | null;
  username: string | null;
  given_name: string | null;
  family_name: string | null;
  display_name: string;
  job_title: string | null;
  department: string | null;
  division: string | null;
  organization: string | null;
  cost_center: string | null;
  location: string | null;
  locale: string | null;
  time_zone: string | null;
  manager_id: string | null;
  external_id: string | null;
  start_date: string | null;
  frontline: Flag;
  role: Role;
  active: Flag;
  invited: Flag;
  claimed: Flag;
  invited_at: string | null;
  claimed_at: string | null;
  deactivated_at: string | null;
  password_hash: string | null;
  /** Bumped by every invitation, reset or deactivation; links of older generations are dead. */
  invitation_generation: number;
  version: number;
  created_at: string;
  updated_at: string;
  /** argon2id of the current recovery code (R9); null when none or used. */
  recovery_code_hash: string | null;
  recovery_code_created_at: string | null;
  /** When an admin last sent a claim invitation; reminders count from here (R13). */
  invitation_sent_at: string | null;
  reminders_sent: number;
  /** The TOTP secret (R40), sealed with the server's secret key; confirmed once a code proves it. */
  totp_secret: string | null;
  /** A secret being enrolled: it replaces totp_secret once a code from it is confirmed. */
  totp_pending_secret: string | null;
  totp_confirmed_at: string | null;
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  totp_last_step: number | null;
  /** userName as SCIM knows it: as the identity provider sent it, else the login (R28). */
  user_name: string | null;
  /** JSON of the SCIM attributes an identity provider sent, echoed back as sent (R28). */
  scim_attributes: string | null;
  /** SCIM's externalId: the identity provider's own id for the user, as sent (R28). */
  scim_external_id: string | null;
}

export interface SessionsTable {
  id: string;
  community_id: string;
  person_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  community_id: string;
  occurred_at: string;
  type: string;
  outcome: 'success' | 'failure';
  actor_id: string | null;
  actor_label: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  request_id: string | null;
  /** JSON text; never holds a secret. */
  details: string;
  /** How many times this happened: above 1 only for refusals aggregated per source and minute. */
  count: Generated<number>;
  /** Set on aggregated refusals: community, type, source and minute. */
  aggregation_key: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  status_code: number | null;
  response_body: string | null;
  /** The Location header of the first answer, replayed with it. */
  response_location: string | null;
  created_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ThrottlesTable {
  key: string;
  attempts: number;
  window_ends_at: string;
  locked_until: string | null;
  lockouts: number;
}

export interface ClaimTokensTable {
  token_hash: string;
  community_id: string;
  person_id: string;
  /** The person's invitation generation when issued; an older one is superseded (R8). */
  generation: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type SmsStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'expired';
export type SmsKind =
  | 'claim_invitation'
  | 'claim_reminder'
  | 'recovery_code'
  | 'recovery_code_changed'
  | 'password_changed';

export interface SmsMessagesTable {
  id: string;
  community_id: string;
  person_id: string | null;
  to_phone: string;
  kind: SmsKind;
  /** What asked for it: api, reminder, resend, claim… */
  channel: string;
  /** The text to send, secrets included; cleared once the message is final (R32). */
  body: string | null;
  /** The text with its secrets masked: what admins see. */
  preview: string;
  status: SmsStatus;
  attempts: number;
  next_attempt_at: string;
  /** While sending: when a crashed dispatcher's claim on it lapses. */
  lease_expires_at: string | null;
  /** Past this it is never delivered: no stale link or code (R50). */
  expires_at: string;
  provider: string | null;
  provider_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  delivered_at: string | null;
}

export interface SmsAttemptsTable {
  id: string;
  message_id: string;
  attempt: number;
  started_at: string;
  finished_at: string | null;
  outcome: 'sending' | 'sent' | 'transient_error' | 'permanent_error' | 'expired';
  provider_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
}

export interface SmsReceiptsTable {
  provider_message_id: string;
  status: 'delivered' | 'failed';
  error_code: string | null;
  received_at: string;
}

export interface DailyCountersTable {
  scope: string;
  /** The calendar day in the community's time zone, YYYY-MM-DD. */
  day: string;
  count: number;
}

export interface TrustedDevicesTable {
  /** SHA-256 of the device cookie's token. */
  token_hash: string;
  person_id: string;
  community_id: string;
  created_at: string;
  last_used_at: string;
}

export interface WindowCountersTable {
  scope: string;
  count: number;
  /** The counter starts again from zero at this instant. */
  window_ends_at: string;
}

export interface BackupCodesTable {
  person_id: string;
  /** A keyed hash (HMAC with the server's secret key) of the code. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  community_id: string;
  /** The system admin who made it; null for tokens the operator made with the CLI. */
  created_by: string | null;
  name: string;
  /** Space-separated: scim, rest. */
  scopes: string;
  token_hash: string;
  /** The token's last four characters, so people can tell tokens apart. */
  hint: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
}

export interface GroupsTable {
  id: string;
  community_id: string;
  display_name: string;
  external_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  person_id: string;
}

export interface Database {
  communities: CommunitiesTable;
  people: PeopleTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  setup_tokens: SetupTokensTable;
  throttles: ThrottlesTable;
  claim_tokens: ClaimTokensTable;
  sms_messages: SmsMessagesTable;
  sms_attempts: SmsAttemptsTable;
  daily_counters: DailyCountersTable;
  sms_receipts: SmsReceiptsTable;
  trusted_devices: TrustedDevicesTable;
  window_counters: WindowCountersTable;
  backup_codes: BackupCodesTable;
  api_tokens: ApiTokensTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
}
