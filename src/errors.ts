/**
 * Every error a person or client can meet has a stable code. The HTTP status of each code lives
 * in one table (http/status.ts); the message tells the person what happened and what to do.
 */
const ERROR_CODES = [
  'invalid_request',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'method_not_allowed',
  'unauthenticated',
  'forbidden',
  'csrf_token_invalid',
  'invalid_credentials',
  'community_required',
  'community_not_found',
  'slug_taken',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_too_personal',
  'password_incorrect',
  'setup_token_invalid',
  'setup_already_done',
  'phone_invalid',
  'phone_not_mobile',
  'phone_profiles_disabled',
  'access_code_profiles_disabled',
  'not_an_access_code_account',
  'access_code_invalid',
  'access_code_expired',
  'access_code_used',
  'access_code_revoked',
  'username_required',
  'username_mismatch',
  'phone_country_not_allowed',
  'phone_taken',
  'phone_immutable',
  'email_invalid',
  'email_taken',
  'external_id_taken',
  'user_name_taken',
  'username_invalid',
  'login_identifier_required',
  'login_identifier_conflict',
  'login_kind_immutable',
  'name_required',
  'manager_not_found',
  'manager_cycle',
  'person_not_deletable',
  'cannot_target_self',
  'last_system_admin',
  'target_outranks_actor',
  'already_deactivated',
  'not_deactivated',
  'idempotency_key_reused',
  'idempotency_key_in_progress',
  'cursor_invalid',
  'rate_limited',
  'claim_sms_daily_limit',
  'claim_email_daily_limit',
  'sms_capacity_reached',
  'phone_account_daily_limit',
  'claim_link_not_found',
  'claim_link_expired',
  'claim_link_used',
  'claim_link_superseded',
  'reset_link_not_found',
  'reset_link_expired',
  'reset_link_used',
  'recovery_failed',
  'not_a_phone_account',
  'no_contact_address',
  'account_not_invitable',
  'account_not_claimed',
  'sms_not_resendable',
  'signature_invalid',
  'totp_required',
  'totp_invalid',
  'totp_not_pending',
  'totp_enrollment_required',
  'second_factor_required',
  'recovery_not_allowed',
  'domain_invalid',
  'domain_public_mail',
  'domain_exists',
  'domain_verified_elsewhere',
  'email_domain_verified_elsewhere',
  'email_capacity_reached',
  'domain_record_missing',
  'domain_record_mismatch',
  'dns_lookup_failed',
  'oidc_client_invalid',
  'oidc_client_secretless',
  'oidc_client_limit',
  'import_file_required',
  'import_file_unreadable',
  'import_header_invalid',
  'import_finished',
  'duplicate_in_file',
  'identity_conflict',
  'too_many_keys',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldProblem[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found. Check the id, or list them again.`);
}
