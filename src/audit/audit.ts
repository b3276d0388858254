import type { Clock } from '../clock.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Db, Tx } from '../storage/db.js';

/** Event names follow Workplace's security log, so administrators recognise them (R36). */
export const AuditType = {
  communityCreated: 'Community Created',
  loggedIn: 'Logged in',
  loginFailed: 'Login Failed',
  loggedOut: 'Logged Out',
  passwordChanged: 'Password Changed',
  passwordChangeFailed: 'Password Change Failed',
  sessionRevoked: 'Session Revoked',
  otherSessionsRevoked: 'Other Sessions Logged Out',
  accountCreated: 'Account Created',
  accountUpdated: 'Account Updated',
  accountDeactivated: 'Account Deactivated',
  accountReactivated: 'Account Reactivated',
  accountDeleted: 'Account Deleted',
  roleChanged: 'Role Changed',
  settingsChanged: 'Settings Changed',
  invitationSent: 'Invitation Sent',
  reminderSent: 'Reminder Sent',
  reminderSkipped: 'Reminder Skipped',
  accountSetToUnclaimed: 'Account Set To Unclaimed',
  accountClaimed: 'Account Claimed',
  recoveryCodeGenerated: 'Recovery Code Generated',
  recoveryCodeFailed: 'Recovery Code Generation Failed',
  passwordResetSucceeded: 'Password Reset Succeeded',
  passwordResetFailed: 'Password Reset Failed',
  smsFailed: 'SMS Failed',
  smsExpired: 'SMS Expired',
} as const;

export type AuditTypeName = (typeof AuditType)[keyof typeof AuditType];

export interface AuditEntry {
  type: AuditTypeName;
  outcome?: 'success' | 'failure';
  target?: { id: string | null; label: string | null };
  /** Facts about the event; never a secret. */
  details?: Record<string, unknown>;
}

/**
 * Writes one audit row. Pass the transaction that makes the change, so the change and its
 * record commit together or not at all.
 */
export async function recordAudit(db: Db | Tx, clock: Clock, ctx: ActingContext, entry: AuditEntry) {
  const now = clock.now();
  await db
    .insertInto('audit_events')
    .values({
      id: newId(now),
      community_id: ctx.communityId,
      occurred_at: now.toISOString(),
      type: entry.type,
      outcome: entry.outcome ?? 'success',
      actor_id: ctx.actor?.id ?? null,
      actor_label: ctx.actor?.label ?? null,
      target_id: entry.target?.id ?? null,
      target_label: entry.target?.label ?? null,
      ip: ctx.meta.ip,
      request_id: ctx.meta.requestId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
