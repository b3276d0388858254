import type { Role } from '../storage/schema.js';
import type { SessionLifetimes } from './issue-session.js';

/** Roles whose sessions are admin sessions: they reach other people's accounts or their data. */
const ADMIN_ROLES: ReadonlySet<Role> = new Set(['system_admin', 'account_manager', 'analyst']);

/**
 * R41: admin sessions are short (12 hours idle, 7 days at most by default), so a forgotten desk
 * session ends; a worker's are long, so a cheap shared phone does not ask for a password daily.
 */
export function lifetimesFor(
  role: Role,
  settings: SessionLifetimes & { adminSessionIdleMinutes: number; adminSessionAbsoluteHours: number },
): SessionLifetimes {
  return ADMIN_ROLES.has(role)
    ? {
        sessionIdleMinutes: settings.adminSessionIdleMinutes,
        sessionAbsoluteHours: settings.adminSessionAbsoluteHours,
      }
    : {
        sessionIdleMinutes: settings.sessionIdleMinutes,
        sessionAbsoluteHours: settings.sessionAbsoluteHours,
      };
}
