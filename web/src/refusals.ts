/**
 * The server's refusals in the page's language (R61). The server writes every problem's `detail`
 * in English, for admins, logs and API clients; the refusals a worker can meet (signing in,
 * claiming, recovering, a reset link, an access code, the password rules, throttling) have
 * catalogue messages `error.<code>`, with the numbers the server put beside its words. Pure, so
 * the test suite checks it without a browser; web/src/ui/feedback.tsx shows what it picks.
 */
// Types only, named with .js: the server's type check reads this file for its test (Node's
// resolution wants the extension), and the bundle never sees these imports.
import type { Values } from './message-format.js';
import type { en } from './messages/en.js';

/** The catalogue keys (as web/src/catalogues.ts names them). */
type MessageKey = keyof typeof en;

/** What a refusal carries for its words: its code, the fields it names and its other facts. */
export interface Refusal {
  code: string;
  errors: readonly { path: string; message: string }[];
  retryAfterSeconds: number | null;
  extra: Readonly<Record<string, unknown>>;
}

export interface CatalogueMessage {
  key: MessageKey;
  values?: Values;
}

type CodeOf<Key> = Key extends `error.${infer Code}` ? Code : never;
/** The codes the catalogues have words for (`invalid_credentials`, `rate_limited.minutes`…). */
type ErrorKeyCode = CodeOf<MessageKey>;

// Refusals whose words depend on nothing but their code. The type holds each to a catalogue key.
const PLAIN = new Set<string>([
  'invalid_credentials',
  'community_required',
  'community_not_found',
  'unauthenticated',
  'csrf_token_invalid',
  'internal_error',
  'claim_link_not_found',
  'claim_link_expired',
  'claim_link_used',
  'claim_link_superseded',
  'reset_link_not_found',
  'reset_link_expired',
  'reset_link_used',
  'recovery_failed',
  'recovery_not_allowed',
  'second_factor_required',
  'totp_required',
  'password_incorrect',
  'password_too_common',
  'password_too_personal',
  'phone_invalid',
  'phone_not_mobile',
  'access_code_profiles_disabled',
  'access_code_invalid',
  'access_code_used',
  'access_code_revoked',
  'username_required',
] satisfies ErrorKeyCode[]);

// Refusals that share a code with an admin-only refusal saying something else: translated only
// for the field the worker's form names (an admin's own words stay the server's, in English).
const ON_FIELD: Partial<Record<ErrorKeyCode, string>> = {
  totp_invalid: 'totp',
  username_invalid: 'username',
  user_name_taken: 'username',
};

const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** "Wait 40 seconds / 3 minutes / 2 hours", rounded as the server rounds them (src/throttle). */
function wait(seconds: number): CatalogueMessage {
  if (seconds < 90) return { key: 'error.rate_limited.seconds', values: { count: Math.ceil(seconds) } };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return { key: 'error.rate_limited.minutes', values: { count: minutes } };
  return { key: 'error.rate_limited.hours', values: { count: Math.ceil(minutes / 60) } };
}

function withValues(refusal: Refusal, formatDate: (iso: string) => string): CatalogueMessage | null {
  const { code, extra } = refusal;
  switch (code) {
    case 'rate_limited': {
      const dailyLimit = number(extra.dailyLimit);
      if (dailyLimit !== null)
        return { key: 'error.rate_limited.recoveryCodes', values: { count: dailyLimit } };
      return refusal.retryAfterSeconds === null ? null : wait(refusal.retryAfterSeconds);
    }
    case 'password_too_short': {
      const min = number(extra.minLength);
      return min === null ? null : { key: 'error.password_too_short', values: { min } };
    }
    case 'password_too_long': {
      const max = number(extra.maxLength);
      return max === null ? null : { key: 'error.password_too_long', values: { max } };
    }
    case 'access_code_expired':
      return typeof extra.expiresAt === 'string'
        ? { key: 'error.access_code_expired', values: { date: formatDate(extra.expiresAt) } }
        : null;
    case 'username_mismatch':
      return typeof extra.username === 'string'
        ? { key: 'error.username_mismatch', values: { username: extra.username } }
        : null;
    default:
      return null;
  }
}

/**
 * The catalogue message for a refusal, or null when the page should show the server's words: a
 * refusal only admins meet, or one whose numbers did not come with it.
 */
export function refusalMessage(
  refusal: Refusal,
  formatDate: (iso: string) => string,
): CatalogueMessage | null {
  if (PLAIN.has(refusal.code)) return { key: `error.${refusal.code as ErrorKeyCode}` as MessageKey };
  const field = ON_FIELD[refusal.code as ErrorKeyCode];
  if (field !== undefined) {
    return refusal.errors.some((problem) => problem.path === field)
      ? { key: `error.${refusal.code as ErrorKeyCode}` as MessageKey }
      : null;
  }
  return withValues(refusal, formatDate);
}

/** The short words beside a field the refusal names (`At least 8 characters`), or null. */
export function fieldMessage(refusal: Refusal, path: string): CatalogueMessage | null {
  const { code, extra } = refusal;
  switch (code) {
    case 'password_too_short': {
      const min = number(extra.minLength);
      return min === null ? null : { key: 'error.field.tooShort', values: { min } };
    }
    case 'password_too_long': {
      const max = number(extra.maxLength);
      return max === null ? null : { key: 'error.field.tooLong', values: { max } };
    }
    case 'password_too_common':
      return { key: 'error.field.tooCommon' };
    case 'password_too_personal':
      return { key: 'error.field.personal' };
    case 'password_incorrect':
      return { key: 'error.field.mismatch' };
    case 'totp_invalid':
      return path === 'totp' ? { key: 'error.field.mismatch' } : null;
    case 'totp_required':
    case 'second_factor_required':
    case 'username_required':
      return { key: 'error.field.required' };
    case 'access_code_invalid':
      return { key: 'error.field.accessCode' };
    case 'username_invalid':
      return path === 'username' ? { key: 'error.field.readsAsPhone' } : null;
    case 'username_mismatch':
      return typeof extra.username === 'string'
        ? { key: 'error.field.usernameIs', values: { username: extra.username } }
        : null;
    case 'user_name_taken':
      return path === 'username' ? { key: 'error.field.taken' } : null;
    default:
      return null;
  }
}
