import type { Role } from './storage/schema.js';

export interface Actor {
  id: string;
  label: string;
  role: Role;
  /**
   * Set when an API token acts (R27): `id` is then the token's, as the audit log names it, and
   * this is the person who made the token (null for a token the operator made).
   */
  token?: { ownerId: string | null };
}

/** The person behind an action: the actor, or the owner of the API token acting; null for none. */
export function actingPersonId(actor: Actor | null): string | null {
  if (!actor) return null;
  return actor.token ? actor.token.ownerId : actor.id;
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

/** Who is acting, in which community, from where: every service call that changes data gets one. */
export interface ActingContext {
  communityId: string;
  actor: Actor | null;
  meta: RequestMeta;
}

/** The context of work nobody asked for in a request: the dispatcher, reminders, housekeeping. */
export function systemContext(communityId: string, userAgent: string): ActingContext {
  return { communityId, actor: null, meta: { ip: null, requestId: null, userAgent } };
}
