import { AuditType, recordAudit } from '../audit/audit.js';
import { confirmPassword } from '../auth/reauth.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import { nextLocalMidnight } from '../counters/day.js';
import { incrementInWindow } from '../counters/window-counters.store.js';
import { hashPassword } from '../crypto/passwords.js';
import { formatRecoveryCode, generateRecoveryCode } from '../crypto/recovery-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageLocale } from '../locales.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { queueNotice } from '../sms/notices.js';

const RECOVERY_CODES_PER_DAY = 5;

/**
 * Get your recovery code (R11): after the password is re-entered, a new code replaces the old,
 * is shown once, and a text tells the worker it happened (so a thief's new code is noticed).
 */
export async function regenerateRecoveryCode({
  deps,
  ctx,
  person,
  community,
  password,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  community: Community;
  password: string;
}): Promise<{ recoveryCode: string }> {
  if (person.loginKind !== 'phone' || !person.phone) {
    throw new AppError(
      'not_a_phone_account',
      'Recovery codes are for accounts that sign in with a mobile number.',
    );
  }
  await confirmPassword({
    deps,
    ctx,
    person,
    password,
    field: 'password',
    failure: AuditType.recoveryCodeFailed,
  });
  const code = generateRecoveryCode();
  const codeHash = await hashPassword(code);
  const phone = person.phone;
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    // Each new code texts a notice: a cap keeps a stolen session from sending texts without end.
    const made = await incrementInWindow(tx, `recovery_codes:${person.id}`, {
      limit: RECOVERY_CODES_PER_DAY,
      now,
      windowEndsAt: nextLocalMidnight(deps.clock.now(), community.timeZone).toISOString(),
    });
    if (made === null) {
      throw new AppError(
        'rate_limited',
        `You have made ${RECOVERY_CODES_PER_DAY} recovery codes today, the most allowed. Keep the newest one; you can make another tomorrow.`,
        { dailyLimit: RECOVERY_CODES_PER_DAY },
      );
    }
    await updatePerson(tx, person.id, {
      recoveryCodeHash: codeHash,
      recoveryCodeCreatedAt: now,
      updatedAt: now,
    });
    await queueNotice(tx, deps, {
      kind: 'recovery_code_changed',
      to: phone,
      communityId: community.id,
      personId: person.id,
      communityName: community.name,
      locale: messageLocale(person.locale, community.defaultLocale),
    });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.recoveryCodeGenerated,
      target: { id: person.id, label: person.displayName },
    });
  });
  return { recoveryCode: formatRecoveryCode(code) };
}
