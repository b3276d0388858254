/** The one way the web app talks to Muster: the public REST API, with the session cookie. */

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail);
  }
}

let csrfToken: string | null = null;

/** Remembered from sign-in (or /me) and sent with every change, as the server requires. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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
    throw new ApiError(0, 'network_error', 'Muster cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const retry = response.headers.get('retry-after');
    throw new ApiError(
      response.status,
      typeof data?.code === 'string' ? data.code : 'error',
      typeof data?.detail === 'string'
        ? data.detail
        : `Something went wrong (${response.status}). Try again.`,
      Array.isArray(data?.errors) ? (data.errors as FieldProblem[]) : [],
      retry ? Number(retry) : null,
    );
  }
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

// Shapes the API returns (see /api/v1/openapi.json).
export type State = 'not_invited' | 'invited' | 'active' | 'deactivated';
export type Role = 'system_admin' | 'account_manager' | 'analyst' | 'member';

export interface Person {
  id: string;
  loginKind: 'email' | 'phone' | 'username';
  email: string | null;
  phone: string | null;
  username: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  organization: string | null;
  costCenter: string | null;
  location: string | null;
  locale: string | null;
  timeZone: string | null;
  managerId: string | null;
  externalId: string | null;
  startDate: string | null;
  frontline: boolean;
  role: Role;
  state: State;
  invitedAt: string | null;
  claimedAt: string | null;
  deactivatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SignedIn {
  person: Person;
  community: {
    id: string;
    name: string;
    slug: string;
    timeZone: string;
    defaultCountry: string;
    phoneProfilesEnabled: boolean;
    passwordMinLength: number;
  };
  csrfToken: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Sms {
  id: string;
  personId: string | null;
  to: string;
  kind: string;
  channel: string;
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'expired';
  text: string;
  attempts: number;
  error: { code: string; message: string | null } | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  resendable: boolean;
}

export interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  type: string;
  outcome: 'success' | 'failure';
  actor: { id: string | null; label: string | null };
  target: { id: string | null; label: string | null };
  ip: string | null;
  details: Record<string, unknown>;
}

export interface BulkResult {
  done: number;
  failed: number;
  results: { id: string; status: 'done' | 'error'; code?: string; message?: string }[];
}

export interface Allowance {
  limit: number;
  used: number;
  left: number;
  resetsAt: string;
}
