import { AppError, type ErrorCode } from '../errors.js';
import { ScimFilterError } from './filter/error.js';
import { ScimPatchError } from './patch/error.js';

export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** An error in RFC 7644 §3.12's terms: an HTTP status and, for 400s and 409s, a scimType. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
    this.name = 'ScimError';
  }
}

/** Muster's error codes as SCIM sees them: the status of our one table, and a scimType where one fits. */
const SCIM_TYPE: Partial<Record<ErrorCode, ScimType>> = {
  invalid_request: 'invalidValue',
  malformed_json: 'invalidSyntax',
  phone_invalid: 'invalidValue',
  phone_not_mobile: 'invalidValue',
  phone_country_not_allowed: 'invalidValue',
  email_invalid: 'invalidValue',
  name_required: 'invalidValue',
  login_identifier_required: 'invalidValue',
  login_identifier_conflict: 'invalidValue',
  manager_cycle: 'invalidValue',
  manager_not_found: 'invalidValue',
  phone_taken: 'uniqueness',
  email_taken: 'uniqueness',
  external_id_taken: 'uniqueness',
  user_name_taken: 'uniqueness',
  username_invalid: 'invalidValue',
  phone_immutable: 'mutability',
  login_kind_immutable: 'mutability',
};

/** Statuses SCIM gives some of our codes: an account R23 keeps is a failed precondition (412). */
const SCIM_STATUS: Partial<Record<ErrorCode, number>> = {
  person_not_deletable: 412,
  phone_immutable: 400,
  login_kind_immutable: 400,
};

export function toScimError(error: unknown, statusOf: (code: ErrorCode) => number): ScimError | null {
  if (error instanceof ScimError) return error;
  if (error instanceof ScimFilterError) return new ScimError(400, error.message, 'invalidFilter');
  if (error instanceof ScimPatchError) return new ScimError(400, error.message, error.scimType);
  if (error instanceof AppError) {
    return new ScimError(
      SCIM_STATUS[error.code] ?? statusOf(error.code),
      error.message,
      SCIM_TYPE[error.code],
    );
  }
  return null;
}
