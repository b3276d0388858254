import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import type { Community } from '../communities/community.js';
import { resolveSignInCommunity } from '../communities/sign-in-community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../crypto/passwords.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { classifyIdentifier, classifyIdentifierAlone } from '../people/login.js';
import { findPersonByLogin, updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { verifySecondFactor } from '../second-factor/verify.js';
import { type IssuedSession, issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { writeAsOne } from '../storage/write-as-one.js';
import { accountThrottleKeys, LOGIN_RULES, type ThrottleKey } from '../throttle/throttle.js';
import { findCommunityAndPerson } from './auth.store.js';
import { rememberDevice, trustedDeviceKey } from './device-cookie.js';

const INVALID_CREDENTIALS = () =>
  new AppError(
    'invalid_credentials',
    'That login and password do not match an active account. Check both, or use "Forgot your password?".',
  );

export interface SignInArgs {
  deps: Deps;
  communitySlug: string | undefined;
  identifier: string;
  password: string;
  /** The code from an authenticator app, or a backup code, for accounts with a second factor (R40). */
  totp?: string | undefined;
  /** The browser's device cookie, if it has one (R33). */
  deviceToken: string | null;
  meta: RequestMeta;
}

export interface SignedIn {
  session: IssuedSession;
  person: Person;
  community: Community;
  deviceToken: string;
}

/**
 * Signs a person in (R30, R31, R33, R40). Every way of failing gives the same answer after the
 * same slow check, so neither the answer nor its timing tells which logins exist. Guesses are
 * counted per account (or per account and browser, for a browser that signed in to it before)
 * and per client address, where a success takes its count back.
 */
export async function login(args: SignInArgs): Promise<SignedIn> {
  const { deps, meta } = args;
  const { community, login, person } = await findAccount(deps, args.communitySlug, args.identifier);
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const deviceKey = await trustedDeviceKey(deps.db, args.deviceToken, person?.id);
  const account: ThrottleKey = deviceKey
    ? { key: `login:${deviceKey}`, rule: LOGIN_RULES.device }
    : { key: accountThrottleKeys.login(community.id, login.kind, login.value), rule: LOGIN_RULES.account };
  const client: ThrottleKey = { key: `login:client:${meta.ip ?? 'unknown'}`, rule: LOGIN_RULES.client };
  const refuse = (reason: string, error: AppError) =>
    refused(deps, ctx, person, { loginKind: login.kind, reason }).then(() => Promise.reject(error));
  try {
    await deps.throttle.attempt([account, client]);
  } catch (error) {
    if (error instanceof AppError) await refuse('throttled', error);
    throw error;
  }
  const usable = person?.active === true && person.claimed && person.passwordHash !== null;
  const passwordOk =
    usable && person.passwordHash ? await verifyPassword(person.passwordHash, args.password) : false;
  if (!usable) await burnPasswordCheck(args.password);
  if (!person || !passwordOk) {
    return refuse(
      !person ? 'unknown_login' : !usable ? 'account_not_usable' : 'wrong_password',
      INVALID_CREDENTIALS(),
    );
  }
  await checkSecondFactor(deps, person, community, args.totp, {
    refuse,
    // The password was right: asking for the code is no failure, so it is charged to nobody.
    askForCode: () => deps.throttle.succeeded({ refund: [account.key, client.key] }),
  });
  // A hash made with weaker parameters is replaced; the password was just proven right.
  if (needsRehash(person.passwordHash ?? '')) {
    await updatePerson(deps.db, person.id, { passwordHash: await hashPassword(args.password) });
  }
  // The success's writes go as one (one statement on PostgreSQL): sign-ins are bound by argon2's
  // CPU, and every statement's cost comes out of the cores that hash.
  return writeAsOne(deps.db, async (writer) => {
    await deps.throttle.succeeded({ forget: [account.key], refund: [client.key] }, writer);
    const deviceToken = await rememberDevice(
      writer,
      args.deviceToken,
      person,
      deps.clock.now().toISOString(),
    );
    const session = await issueSession(
      writer,
      deps.clock,
      person,
      lifetimesFor(person.role, community.settings),
      meta,
    );
    await recordAudit(
      writer,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.displayName, role: person.role } },
      {
        type: AuditType.loggedIn,
        target: { id: person.id, label: person.displayName },
        details: {
          loginKind: login.kind,
          sessionId: session.id,
          secondFactor: person.totpConfirmedAt !== null,
        },
      },
    );
    return { session, person, community, deviceToken };
  });
}

/**
 * The community signed in to, the login as typed, and the person with it (or null). A login that
 * reads the same in every community (an email address, a number with its country code) is looked
 * up together with its community, in one statement.
 */
async function findAccount(deps: Deps, slug: string | undefined, identifier: string) {
  const alone = slug === undefined ? null : classifyIdentifierAlone(identifier);
  const found = slug !== undefined && alone ? await findCommunityAndPerson(deps.db, slug, alone) : null;
  if (alone && found) return { ...found, login: alone };
  // No such community (resolving it again gives its refusal), or a login read as the community reads it.
  const community = await resolveSignInCommunity(deps.db, slug);
  const login = classifyIdentifier(identifier, community);
  return {
    community,
    login,
    person: await findPersonByLogin(deps.db, community.id, login.kind, login.value),
  };
}

/**
 * R40: an account with an authenticator needs its code (or a backup code) as well. A missing code
 * is asked for; a wrong one fails like a wrong password, and was counted like one.
 */
async function checkSecondFactor(
  deps: Deps,
  person: Person,
  community: Community,
  typed: string | undefined,
  {
    refuse,
    askForCode,
  }: { refuse: (reason: string, error: AppError) => Promise<never>; askForCode: () => Promise<void> },
) {
  if (secondFactorStatus(person, community) !== 'enrolled') return;
  if (typed === undefined || typed.trim() === '') {
    await askForCode();
    throw new AppError(
      'totp_required',
      'Enter the 6-digit code from your authenticator app (or one of your backup codes) as well.',
      { errors: [{ path: 'totp', message: 'required for this account' }] },
    );
  }
  if (!(await verifySecondFactor(deps.db, deps, person, typed))) {
    await refuse(
      'wrong_second_factor',
      new AppError(
        'totp_invalid',
        'That code is not right, or was already used. Type the code your app shows now, or a backup code.',
        { errors: [{ path: 'totp', message: 'does not match' }] },
      ),
    );
  }
}

/** A refused sign-in, in the audit log (counted per source and minute, R36). */
function refused(deps: Deps, ctx: ActingContext, person: Person | null, details: Record<string, unknown>) {
  return recordRefusal(deps.db, deps.clock, ctx, {
    type: AuditType.loginFailed,
    target: { id: person?.id ?? null, label: person?.displayName ?? null },
    details,
  });
}
