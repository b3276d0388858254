import { type AuditTypeName, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import { verifyPassword } from '../crypto/passwords.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Person } from '../people/person.js';
import { REAUTH_RULES } from '../throttle/throttle.js';

/**
 * Asks a signed-in person for their password again before a sensitive change (new password,
 * new recovery code). Someone holding a stolen session could otherwise guess the password
 * here without limit, so attempts are throttled (R33) and failures audited (R36).
 */
export async function confirmPassword({
  deps,
  ctx,
  person,
  password,
  field,
  failure,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  password: string;
  field: string;
  failure: AuditTypeName;
}) {
  const throttle = deps.throttle;
  const key = `reauth:${person.id}`;
  await throttle.attempt([{ key, rule: REAUTH_RULES.account }]);
  if (person.passwordHash && (await verifyPassword(person.passwordHash, password))) {
    await throttle.succeeded({ forget: [key] });
    return;
  }
  await recordAudit(deps.db, deps.clock, ctx, {
    type: failure,
    outcome: 'failure',
    target: { id: person.id, label: person.displayName },
    details: { reason: 'wrong_password' },
  });
  throw new AppError('password_incorrect', 'Your password is not right. Type it again.', {
    errors: [{ path: field, message: 'does not match' }],
  });
}
