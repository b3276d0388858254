import type { Clock } from '../clock.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';
import { insertAuditEvent, insertAuditEvents } from './audit.store.js';

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
  roleChanged: 'Admin Role Changed',
  settingsChanged: 'Settings Changed',
  invitationSent: 'Invitation Sent',
  reminderSent: 'Reminder Sent',
  reminderSkipped: 'Reminder Skipped',
  accountSetToUnclaimed: 'Account Set To Unclaimed',
  accountClaimed: 'Account Activated',
  recoveryCodeGenerated: 'Recovery Code Generated',
  recoveryCodeFailed: 'Recovery Code Generation Failed',
  accessCodeCreated: 'Access Code Created',
  accessCodeRevoked: 'Access Code Revoked',
  accessCodeFailed: 'Access Code Failed',
  passwordResetSucceeded: 'Password Reset Succeeded',
  passwordResetFailed: 'Password Reset Failed',
  passwordResetRequested: 'Password Reset Requested',
  smsFailed: 'SMS Failed',
  smsExpired: 'SMS Expired',
  emailFailed: 'Email Failed',
  emailRefused: 'Email Refused',
  emailExpired: 'Email Expired',
  smsRefused: 'SMS Refused',
  accessDenied: 'Access Denied',
  claimFailed: 'Claim Failed',
  attemptsThrottled: 'Too Many Attempts',
  lockoutLifted: 'Lockout Lifted',
  secondFactorEnrolmentStarted: 'Two-Factor Setup Started',
  secondFactorEnrolled: 'Two-Factor Authentication Enabled',
  secondFactorReset: 'Two-Factor Authentication Reset',
  secondFactorFailed: 'Two-Factor Check Failed',
  apiTokenCreated: 'API Token Created',
  apiTokenRevoked: 'API Token Revoked',
  groupCreated: 'Group Created',
  groupUpdated: 'Group Updated',
  groupDeleted: 'Group Deleted',
  domainAdded: 'Domain Added',
  domainVerified: 'Domain Verified',
  domainVerificationFailed: 'Domain Verification Failed',
  domainUnverified: 'Domain Unverified',
  domainRemoved: 'Domain Removed',
  planChanged: 'Plan Changed',
  appRegistered: 'App Registered',
  appChanged: 'App Changed',
  appRemoved: 'App Removed',
  appSecretRotated: 'App Secret Rotated',
  appTokenIssued: 'App Token Issued',
  appSignInRefused: 'App Sign-in Refused',
  appAccessAllowed: 'App Access Allowed',
  appAccessDenied: 'App Access Denied',
  appLogoutFailed: 'App Logout Failed',
  importStarted: 'Import Started',
  importFinished: 'Import Finished',
  importCancelled: 'Import Cancelled',
  importFailed: 'Import Failed',
  peopleExported: 'People Exported',
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
export async function recordAudit(db: Executor, clock: Clock, ctx: ActingContext, entry: AuditEntry) {
  await insertAuditEvent(db, auditEventOf(ctx, entry, clock.now()));
}

/** The row an entry becomes, made by whoever acts in `ctx`, at `now`. */
function auditEventOf(ctx: ActingContext, entry: AuditEntry, now: Date) {
  return {
    id: newId(now),
    communityId: ctx.communityId,
    occurredAt: now.toISOString(),
    type: entry.type,
    outcome: entry.outcome ?? 'success',
    actor: { id: ctx.actor?.id ?? null, label: ctx.actor?.label ?? null },
    target: { id: entry.target?.id ?? null, label: entry.target?.label ?? null },
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
    details: entry.details ?? {},
  };
}

/**
 * Writes many audit rows in the caller's transaction, a few statements whatever their number:
 * an import's batch records each change it makes as one by one would (R36).
 */
export async function recordAudits(
  db: Executor,
  clock: Clock,
  ctx: ActingContext,
  entries: readonly AuditEntry[],
) {
  const now = clock.now();
  await insertAuditEvents(
    db,
    entries.map((entry) => auditEventOf(ctx, entry, now)),
  );
}
