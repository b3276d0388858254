import type { Clock } from '../clock.js';
import { normaliseRecoveryCode } from '../crypto/recovery-code.js';
import type { Secrets } from '../crypto/secrets.js';
import type { Person } from '../people/person.js';
import type { Executor } from '../storage/db.js';
import { acceptTotpStep, spendBackupCode } from './second-factor.store.js';
import { matchTotp } from './totp.js';

/**
 * Checks the second factor a person typed: a code from their authenticator app (accepted once,
 * R40) or one of their backup codes (each single use). True only when it was right and unused.
 */
export async function verifySecondFactor(
  db: Executor,
  deps: { clock: Clock; secrets: Secrets },
  person: Pick<Person, 'id' | 'totpSecret'>,
  typed: string,
): Promise<boolean> {
  if (!person.totpSecret) return false;
  const step = matchTotp(deps.secrets.open(person.totpSecret), typed, deps.clock.now());
  if (step !== null) return acceptTotpStep(db, person.id, step);
  const backup = normaliseRecoveryCode(typed);
  if (!backup) return false;
  return spendBackupCode(db, person.id, deps.secrets.mac(backup), deps.clock.now().toISOString());
}
