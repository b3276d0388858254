import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { findPersonById } from '../people/people.store.js';
import { findAccessCodeOf } from './access-codes.store.js';
import { accessCodeProblem, assertAccessCodeAccount } from './rules.js';

export type AccessCodeState = 'none' | 'active' | 'used' | 'revoked' | 'expired';

const STATE_OF_PROBLEM: Record<string, AccessCodeState> = {
  access_code_used: 'used',
  access_code_revoked: 'revoked',
  access_code_expired: 'expired',
};

/** Whether a person has an access code they can use now, and when it was made and ends. */
export async function getAccessCodeStatus({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}) {
  const person = await findPersonById(deps.db, communityId, id);
  if (!person) throw notFound('The person');
  assertAccessCodeAccount(person);
  const code = await findAccessCodeOf(deps.db, communityId, id);
  if (!code) return { state: 'none' as const, createdAt: null, expiresAt: null, usedAt: null };
  const problem = accessCodeProblem(person, code, deps.clock.now().toISOString());
  return {
    state: problem ? (STATE_OF_PROBLEM[problem.code] ?? 'revoked') : ('active' as AccessCodeState),
    createdAt: code.createdAt,
    expiresAt: code.expiresAt,
    usedAt: code.usedAt,
  };
}
