import { AuditType } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import {
  findCommunityById,
  findCommunityBySlug,
  listFirstCommunities,
} from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { RequestMeta } from '../context.js';
import { normaliseAccessCode } from '../crypto/access-code.js';
import { hashPassword } from '../crypto/passwords.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { classifyIdentifier, normaliseUsername } from '../people/login.js';
import { findPersonByLogin } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { requireSecondFactor } from '../second-factor/beside-one-factor.js';
import type { ThrottleKey } from '../throttle/throttle.js';
import { findByAccessCode } from './access-codes.store.js';
import { completeRedemption, type Redeemed, usernameTaken } from './complete-redemption.js';
import { ACCESS_CODE_RULES, accessCodeHash, accessCodeProblem, invalidCode, usedCode } from './rules.js';
import { ACCESS_CODE } from './second-factor.js';

export interface RedeemArgs {
  deps: Deps;
  /** The community the worker named, if any: the code itself says which one it belongs to. */
  communitySlug: string | undefined;
  accessCode: string;
  /** The username to pick (an unclaimed account); for one that has a username, empty or that one. */
  username?: string | undefined;
  password: string;
  /** For an account with an authenticator: its code or a backup code, too (R40). */
  totp?: string | undefined;
  deviceToken: string | null;
  meta: RequestMeta;
}

/**
 * Redeems an access code (R21): on an unclaimed account the worker picks a unique username and a
 * password (a claim); on a claimed one the code resets the password and ends every other session
 * (a recovery). Either way the worker is signed in, and the code is spent by the same conditional
 * update that makes the change, so of parallel uses exactly one succeeds. An account with an
 * authenticator also gives its code, as with every other way back in (R40).
 *
 * Guesses are counted per client address (a code is looked up without a username, so there is no
 * account to count against until it matches), and a code that matches takes its count back (R33).
 */
export async function redeemAccessCode(args: RedeemArgs): Promise<Redeemed> {
  const { deps, meta } = args;
  const code = normaliseAccessCode(args.accessCode);
  if (!code) throw invalidCode();
  const typedUsername = args.username?.trim() ? normaliseUsername(args.username) : null;
  const client: ThrottleKey = {
    key: `access-code:client:${meta.ip ?? 'unknown'}`,
    rule: ACCESS_CODE_RULES.client,
  };
  const refuse = (person: Person | null, reason: string, error: AppError): Promise<never> =>
    refused(args, person, reason).then(() => Promise.reject(error));
  try {
    await deps.throttle.attempt([client]);
  } catch (error) {
    if (error instanceof AppError) await refuse(null, 'throttled', error);
    throw error;
  }
  const hash = accessCodeHash(deps.secrets, code);
  const found = await findByAccessCode(deps.db, hash);
  const community = found ? await findCommunityById(deps.db, found.person.communityId) : null;
  if (!found || !community || (args.communitySlug !== undefined && args.communitySlug !== community.slug)) {
    return refuse(null, 'unknown_code', invalidCode());
  }
  const { person } = found;
  const problem = accessCodeProblem(person, found.code, deps.clock.now().toISOString());
  if (problem) return refuse(person, problem.code.replace('access_code_', ''), problem);
  if (!community.settings.accessCodeProfilesEnabled) {
    return refuse(
      person,
      'access_codes_off',
      new AppError(
        'access_code_profiles_disabled',
        `Access codes are turned off in ${community.name} for now. Ask your admin.`,
      ),
    );
  }
  // The code is right: what can still go wrong (a username, a password, an authenticator code,
  // which is counted per account) is no guess at a code, and is not charged to the client address.
  const username = await checkChoices(args, person, community, typedUsername)
    .then(async (chosen) => {
      await requireSecondFactor(args, ACCESS_CODE, { person, community }, (reason, error) =>
        refuse(person, reason, error),
      );
      return chosen;
    })
    .catch(async (error) => {
      await deps.throttle.succeeded({ refund: [client.key] });
      throw error;
    });
  const result = await completeRedemption({
    deps,
    person,
    community,
    hash,
    username,
    passwordHash: await hashPassword(args.password),
    deviceToken: args.deviceToken,
    meta,
    clientKey: client.key,
  }).catch(async (error) => {
    if (error instanceof AppError && error.code === 'user_name_taken') {
      await deps.throttle.succeeded({ refund: [client.key] });
    }
    throw error;
  });
  if (!result) {
    // Something changed between the check and the update: most likely a parallel use of the code.
    const again = await findByAccessCode(deps.db, hash);
    const why =
      (again && accessCodeProblem(again.person, again.code, deps.clock.now().toISOString())) ?? usedCode();
    return refuse(person, why.code.replace('access_code_', ''), why);
  }
  return result;
}

/**
 * The username the account will have (null: it keeps the one it has) and a password the policy
 * accepts (R30), checked before the slow hash and before the code is spent.
 */
async function checkChoices(
  args: RedeemArgs,
  person: Person,
  community: Community,
  typed: { value: string } | null,
): Promise<string | null> {
  const username = chooseUsername(person, community, typed);
  const context = personContext(person, community);
  checkPassword(args.password, community.settings.passwordMinLength, {
    ...context,
    words: [...context.words, username ?? person.username, person.externalId],
  });
  if (username && (await findPersonByLogin(args.deps.db, community.id, 'username', username))) {
    throw usernameTaken(username);
  }
  return username;
}

/**
 * An account without a username picks one now. One that has a username already (claimed, or
 * named by an identity provider) keeps it: the worker may leave the field empty or type that
 * username, and is told which one it is if they type another (the code proved who they are).
 */
function chooseUsername(
  person: Person,
  community: Community,
  typed: { value: string } | null,
): string | null {
  if (person.username !== null) {
    if (typed && typed.value !== person.username) {
      throw new AppError(
        'username_mismatch',
        `This access code is for the account with the username "${person.username}". Type that username, or leave the username empty.`,
        {
          username: person.username,
          errors: [{ path: 'username', message: `this account's username is ${person.username}` }],
        },
      );
    }
    return null;
  }
  if (!typed) {
    throw new AppError(
      'username_required',
      'Choose a username: you will sign in with it. Use letters, digits, dots, dashes or underscores.',
      { errors: [{ path: 'username', message: 'required' }] },
    );
  }
  // A username that reads as a mobile number would be taken for one at sign-in.
  if (classifyIdentifier(typed.value, community).kind !== 'username') {
    throw new AppError(
      'username_invalid',
      `"${typed.value}" reads as a mobile number, so it cannot be a username. Add a letter or two.`,
      { errors: [{ path: 'username', message: 'reads as a mobile number' }] },
    );
  }
  return typed.value;
}

/** A refused redemption in the audit log (R36), in its own transaction, once the community is known. */
async function refused(args: RedeemArgs, person: Person | null, reason: string) {
  const communityId = person?.communityId ?? (await communityOfRefusal(args));
  if (!communityId) return;
  await recordRefusal(
    args.deps.db,
    args.deps.clock,
    { communityId, actor: null, meta: args.meta },
    {
      type: AuditType.accessCodeFailed,
      target: { id: person?.id ?? null, label: person?.displayName ?? null },
      details: { reason },
    },
  );
}

/** Whose log an unknown code goes in: the community named, or the only one there is. */
async function communityOfRefusal({ deps, communitySlug }: RedeemArgs): Promise<string | null> {
  if (communitySlug !== undefined) return (await findCommunityBySlug(deps.db, communitySlug))?.id ?? null;
  const [first, second] = await listFirstCommunities(deps.db);
  return first && !second ? first.id : null;
}
