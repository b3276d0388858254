import { AuditType, recordAudit } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import { resolveSignInCommunity } from '../communities/sign-in-community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../crypto/passwords.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { classifyIdentifier } from '../people/login.js';
import { findPersonByLogin, updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { type IssuedSession, issueSession } from '../sessions/issue-session.js';
import { LOGIN_RULES } from '../throttle/throttle.js';

const INVALID_CREDENTIALS = () =>
  new AppError(
    'invalid_credentials',
    'That login and password do not match an active account. Check both, or use "Forgot your password?".',
  );

/**
 * Signs a person in with their login and password (R30, R31). Every way of failing gives the
 * same answer after the same slow check, so neither the answer nor its timing tells which
 * logins exist; attempts are throttled per account and per client (R33).
 */
export async function login({
  deps,
  communitySlug,
  identifier,
  password,
  meta,
}: {
  deps: Deps;
  communitySlug: string | undefined;
  identifier: string;
  password: string;
  meta: RequestMeta;
}): Promise<{ session: IssuedSession; person: Person; community: Community }> {
  const community = await resolveSignInCommunity(deps.db, communitySlug);
  const login = classifyIdentifier(identifier, community);
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const throttle = deps.throttle;
  const accountKey = `login:account:${community.id}:${login.kind}:${login.value}`;
  try {
    await throttle.attempt([
      { key: accountKey, rule: LOGIN_RULES.account },
      { key: `login:client:${meta.ip ?? 'unknown'}`, rule: LOGIN_RULES.client },
    ]);
  } catch (error) {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.loginFailed,
      outcome: 'failure',
      details: { loginKind: login.kind, reason: 'throttled' },
    });
    throw error;
  }
  const person = await findPersonByLogin(deps.db, community.id, login.kind, login.value);
  const usable = person?.active === true && person.claimed && person.passwordHash !== null;
  const passwordOk =
    usable && person.passwordHash ? await verifyPassword(person.passwordHash, password) : false;
  if (!usable) await burnPasswordCheck(password);
  if (!person || !passwordOk) {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.loginFailed,
      outcome: 'failure',
      target: { id: person?.id ?? null, label: person?.displayName ?? null },
      details: {
        loginKind: login.kind,
        reason: !person ? 'unknown_login' : !usable ? 'account_not_usable' : 'wrong_password',
      },
    });
    throw INVALID_CREDENTIALS();
  }
  const rehashed = needsRehash(person.passwordHash ?? '') ? await hashPassword(password) : null;
  const session = await deps.db.transaction().execute(async (tx) => {
    if (rehashed) await updatePerson(tx, person.id, { passwordHash: rehashed });
    await throttle.clear(accountKey, tx);
    const issued = await issueSession(tx, deps.clock, person, community.settings, meta);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.displayName, role: person.role } },
      {
        type: AuditType.loggedIn,
        target: { id: person.id, label: person.displayName },
        details: { loginKind: login.kind, sessionId: issued.id },
      },
    );
    return issued;
  });
  return { session, person, community };
}
