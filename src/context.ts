import type { Role } from './storage/schema.js';

export interface Actor {
  id: string;
  label: string;
  role: Role;
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
