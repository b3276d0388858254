import QRCode from 'qrcode';
import { AuditType, recordAudit } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import { formatRecoveryCode, generateRecoveryCode } from '../crypto/recovery-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { replaceBackupCodes } from './second-factor.store.js';
import { matchTotp, newTotpSecret, otpauthUrl, totpStep } from './totp.js';
import { verifySecondFactor } from './verify.js';

const BACKUP_CODES = 10;

/**
 * Starts enrolling an authenticator app (R40): a new secret, kept sealed and pending until a code
 * from it is confirmed, shown once as a key and a QR code. Replacing an authenticator already in
 * use needs a code from it (or a backup code): a stolen session and password cannot swap it.
 * The caller has had the person re-enter their password.
 */
export async function startTotpEnrolment({
  deps,
  ctx,
  person,
  community,
  currentCode,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  community: Community;
  currentCode: string | undefined;
}) {
  if (person.totpConfirmedAt !== null) {
    if (currentCode === undefined || !(await verifySecondFactor(deps.db, deps, person, currentCode))) {
      throw new AppError(
        'totp_invalid',
        'To set up a new authenticator, also enter a code from the one you use now (or a backup code).',
        { errors: [{ path: 'code', message: 'a current code is needed' }] },
      );
    }
  }
  const secret = newTotpSecret();
  await updatePerson(deps.db, person.id, { totpPendingSecret: deps.secrets.seal(secret) });
  await recordAudit(deps.db, deps.clock, ctx, {
    type: AuditType.secondFactorEnrolmentStarted,
    target: { id: person.id, label: person.displayName },
  });
  const url = otpauthUrl({
    secret,
    issuer: `Muster (${community.name})`,
    account: person.email ?? person.phone ?? person.username ?? person.displayName,
  });
  return { secret, otpauthUrl: url, qrCodeSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }) };
}

/**
 * Confirms enrolment with a code from the new authenticator: the secret takes effect, and ten
 * single-use backup codes are made and shown once (kept only as keyed hashes).
 */
export async function confirmTotpEnrolment({
  deps,
  ctx,
  person,
  code,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  code: string;
}): Promise<{ backupCodes: string[] }> {
  if (!person.totpPendingSecret) {
    throw new AppError(
      'totp_not_pending',
      'Start setting up your authenticator first: there is no code to confirm.',
    );
  }
  const now = deps.clock.now();
  const step = matchTotp(deps.secrets.open(person.totpPendingSecret), code, now);
  if (step === null) {
    throw new AppError(
      'totp_invalid',
      'That code is not right. Check the time on your phone is set automatically, then type the code your app shows now.',
      { errors: [{ path: 'code', message: 'does not match' }] },
    );
  }
  const backupCodes = Array.from({ length: BACKUP_CODES }, generateRecoveryCode);
  await deps.db.transaction().execute(async (tx) => {
    await updatePerson(
      tx,
      person.id,
      {
        totpSecret: person.totpPendingSecret,
        totpPendingSecret: null,
        totpConfirmedAt: now.toISOString(),
        // The code that confirmed cannot sign in as well.
        totpLastStep: Math.max(step, totpStep(now)),
      },
      { version: person.version },
    );
    await replaceBackupCodes(
      tx,
      person.id,
      backupCodes.map((c) => deps.secrets.mac(c)),
      now.toISOString(),
    );
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.secondFactorEnrolled,
      target: { id: person.id, label: person.displayName },
    });
  });
  return { backupCodes: backupCodes.map(formatRecoveryCode) };
}

/** Removes a person's second factor, so they enrol again: the operator's (or another admin's) escape hatch. */
export async function resetSecondFactor({
  deps,
  ctx,
  person,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
}) {
  await deps.db.transaction().execute(async (tx) => {
    await updatePerson(tx, person.id, {
      totpSecret: null,
      totpPendingSecret: null,
      totpConfirmedAt: null,
      totpLastStep: null,
      updatedAt: deps.clock.now().toISOString(),
    });
    await replaceBackupCodes(tx, person.id, [], deps.clock.now().toISOString());
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.secondFactorReset,
      target: { id: person.id, label: person.displayName },
    });
  });
}
