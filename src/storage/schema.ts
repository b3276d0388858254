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
  /** HMAC (server key) of the person's access code (R21); kept after use or revocation. */
  access_code_hash: string | null;
  access_code_created_at: string | null;
  access_code_expires_at: string | null;
  /** The invitation generation the code was made at; deactivation moves on and kills it. */
  access_code_generation: number | null;
  access_code_used_at: string | null;
  access_code_revoked_at: string | null;
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

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'expired';
export type Medium = 'sms' | 'email';
export type MessageKind =
  | 'claim_invitation'
  | 'claim_reminder'
  | 'recovery_code'
  | 'recovery_code_changed'
  | 'password_changed'
  | 'password_reset';

/** The outbox (R50): texts and emails, each sent by the dispatcher with leases and retries. */
export interface MessagesTable {
  id: string;
  community_id: string;
  person_id: string | null;
  medium: Medium;
  /** A phone number in E.164 for a text, an email address for an email. */
  recipient: string;
  kind: MessageKind;
  /** What asked for it: api, reminder, resend, claim… */
  channel: string;
  /** Emails only. */
  subject: string | null;
  /** The language it is written in (an email's lang and Content-Language). */
  locale: string | null;
  /** The text to send, secrets included; cleared once the message is final (R32). */
  body: string | null;
  /** The text with its secrets masked: what admins see. */
  preview: string;
  status: MessageStatus;
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

export interface MessageAttemptsTable {
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

/** Forgot password by email (R20): single use, short-lived, stored hashed. */
export interface PasswordResetTokensTable {
  token_hash: string;
  community_id: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
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

export interface DomainsTable {
  id: string;
  community_id: string;
  /** Lower-case ASCII (an IDN as punycode), no trailing dot. */
  name: string;
  /** What the TXT record must carry after `muster-domain-verification=`; public, not a secret. */
  token: string;
  created_by: string | null;
  created_at: string;
  /** Set while verified (R26); one verified row per name across communities. */
  verified_at: string | null;
  last_checked_at: string | null;
  /** When housekeeping looks at a verified domain again. */
  next_check_at: string | null;
  /** Since when every re-check has failed to get an answer from DNS; null when the last one did. */
  failing_since: string | null;
}

/** One record of the OpenID provider library (R60): a session, grant, code, token or interaction. */
export interface OidcPayloadsTable {
  model: string;
  id: string;
  /** JSON text, as the library gave it. */
  payload: string;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  /** The person (sub) it belongs to, so everything of theirs can be revoked at once. */
  account_id: string | null;
  expires_at: string | null;
  consumed_at: string | null;
}

export interface OidcClientsTable {
  id: string;
  community_id: string;
  name: string;
  /** JSON arrays of URIs. */
  redirect_uris: string;
  post_logout_redirect_uris: string;
  backchannel_logout_uri: string | null;
  first_party: Flag;
  auth_method: 'none' | 'client_secret_basic' | 'private_key_jwt';
  /** The client secret sealed with the server key; the library compares it in the clear. */
  secret_sealed: string | null;
  /** JSON text of the client's public JWK set, for private_key_jwt. */
  jwks: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  secret_rotated_at: string | null;
}

export interface OidcSigningKeysTable {
  /** The key id (kid). */
  id: string;
  /** The private JWK, sealed with the server key. */
  key_sealed: string;
  current: 1 | null;
  created_at: string;
  retired_at: string | null;
}

/** A person's account ended for the apps: deactivated, reset to unclaimed or deleted. */
export interface AccountEventsTable {
  id: string;
  community_id: string;
  person_id: string;
  /** signed_out_everywhere: the person's other sessions ended; the account itself goes on. */
  kind: 'deactivated' | 'reset' | 'deleted' | 'signed_out_everywhere';
  created_at: string;
  processed_at: string | null;
}

export interface OidcLogoutDeliveriesTable {
  id: string;
  community_id: string;
  client_id: string;
  person_id: string;
  reason: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export type ImportState = 'receiving' | 'queued' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';
export type ImportRowStatus = 'pending' | 'created' | 'updated' | 'unchanged' | 'failed' | 'waiting';

/** An import job (R54): one uploaded file, its progress and who started it. */
export interface ImportJobsTable {
  id: string;
  community_id: string;
  state: ImportState;
  dry_run: Flag;
  send_invitations: Flag;
  format: 'csv' | 'xlsx';
  file_name: string | null;
  /** JSON array of the file's header cells, as written. */
  header: string;
  /** JSON array of the header cells Muster does not know. */
  unknown_columns: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Rows held back until a daily limit resets (R6). */
  waiting: number;
  waiting_until: string | null;
  /** A preview's copy of today's R6 allowance, spent row by row as a real import would. */
  phone_accounts_left: number | null;
  error: string | null;
  actor_id: string | null;
  actor_label: string | null;
  actor_role: Role | null;
  /** The API token that started the job, if one did; `actor_id` is then its owner. */
  actor_token_id: string | null;
  ip: string | null;
  request_id: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One line of an imported file, with its outcome once applied. */
export interface ImportRowsTable {
  job_id: string;
  line: number;
  /** JSON array of the line's cells, as written. */
  cells: string;
  login_key: string | null;
  employee_key: string | null;
  manager_key: string | null;
  status: ImportRowStatus;
  manager_state: 'pending' | 'done' | null;
  person_id: string | null;
  code: string | null;
  message: string | null;
  not_before: string | null;
  lease_owner: string | null;
  lease_until: string | null;
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
  messages: MessagesTable;
  message_attempts: MessageAttemptsTable;
  password_reset_tokens: PasswordResetTokensTable;
  daily_counters: DailyCountersTable;
  sms_receipts: SmsReceiptsTable;
  trusted_devices: TrustedDevicesTable;
  window_counters: WindowCountersTable;
  backup_codes: BackupCodesTable;
  api_tokens: ApiTokensTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  domains: DomainsTable;
  oidc_payloads: OidcPayloadsTable;
  oidc_clients: OidcClientsTable;
  oidc_signing_keys: OidcSigningKeysTable;
  account_events: AccountEventsTable;
  oidc_logout_deliveries: OidcLogoutDeliveriesTable;
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
}
