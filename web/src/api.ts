/** The one way the web app talks to Muster: the public REST API, with the session cookie. */
import type { Problem } from '../../src/wire';
import { currentLocale, t } from './i18n';

// The shapes the API answers with come from the server's own zod schemas (src/wire.ts), as
// types only: nothing of the server reaches the browser bundle.
export type {
  AccessCodeRedeemed,
  AccessCodeSheet,
  AccessCodeStatus,
  Allowance,
  ApiTokenView,
  AuditEvent,
  BulkResult,
  ClaimInfo,
  DevMail,
  DevSms,
  DomainView,
  ImportJob,
  ImportRow,
  IssuedAccessCode,
  Limits,
  Lockout,
  NewApiToken,
  NewOidcClient,
  OidcClient,
  OidcClientInput,
  OidcClientSecret,
  OidcInteraction,
  Page,
  PeopleCounts,
  Person,
  RemindAllResult,
  ResetLinkView,
  Role,
  SessionInfo,
  Settings,
  SettingsChanges,
  SignedIn,
  Sms,
  State,
} from '../../src/wire';

/** One field the server refused, as named in a problem answer's `errors`. */
export type FieldProblem = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly retryAfterSeconds: number | null = null,
    /** The facts the server put beside its words (`minLength`…), for the page to say them in its language. */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }
}

let csrfToken: string | null = null;

/** Remembered from sign-in (or /me) and sent with every change, as the server requires. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/** Hears every refused call, so one place can react to a refusal any page may meet. */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  // The page's language goes with every call, for the server's own words (R61).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', t('app.offline'));
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) throw refusal(response, data);
  // Re-authenticating (a new password, recovery code or authenticator) starts a new session
  // (R41), whose answer carries the new session's token: the old one no longer works.
  if (typeof data?.csrfToken === 'string') setCsrfToken(data.csrfToken);
  return data as T;
}

function refusal(response: Response, data: Record<string, unknown> | null): ApiError {
  const retry = response.headers.get('retry-after');
  const { type, title, status, code, detail, requestId, errors, ...extra } = data ?? {};
  const error = new ApiError(
    response.status,
    typeof code === 'string' ? code : 'error',
    typeof detail === 'string' ? detail : t('app.failed', { status: String(response.status) }),
    Array.isArray(errors) ? (errors as FieldProblem[]) : [],
    retry ? Number(retry) : null,
    extra,
  );
  for (const listener of errorListeners) listener(error);
  return error;
}

/**
 * Sends a file as the body of a POST, as it is: the server streams it into an import job, so a
 * big file is never read into this page's memory either.
 */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale(),
    'content-type': contentType,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network_error', t('app.offline'));
  }
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) throw refusal(response, data);
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
