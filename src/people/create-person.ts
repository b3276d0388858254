import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { assertCountryAllowed } from '../communities/sms-countries.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { takePhoneAccountCreation } from '../limits/limits.service.js';
import type { Tx } from '../storage/db.js';
import type { LoginKind } from '../storage/schema.js';
import { accessCodeLogin, hasNoLogin } from './access-code-login.js';
import { rethrowUnique } from './guards.js';
import { type NormalisedLogin, normaliseLogin } from './login.js';
import type { CreatePersonInput } from './people.schemas.js';
import { insertPerson } from './people.store.js';
import { newPerson, type Person } from './person.js';
import { checkManager, displayNameOf, profileChanges } from './profile.js';

/**
 * Adds one person inside the caller's transaction, with every rule and limit: a name, one
 * login, the mobile-number and access-code gates (R1, R21), allowed SMS countries (R34) and the
 * daily limit on new phone accounts (R6). Inviting them is the caller's next step (see onboarding/).
 */
export interface CreatePersonArgs {
  deps: Deps;
  ctx: ActingContext;
  input: CreatePersonInput;
  channel: string;
  /** A login decided by the caller (SCIM decides from userName), instead of the input's email or phone. */
  login?: NormalisedLogin | undefined;
  /** userName as an identity provider sent it (R28); else the login. */
  userName?: string | undefined;
}

export async function createPersonIn(
  tx: Tx,
  { deps, ctx, input, channel, ...decided }: CreatePersonArgs,
): Promise<{ person: Person; community: Community }> {
  const displayName = nameOfNewPerson(input);
  try {
    const community = await findCommunityOrThrow(tx, ctx.communityId);
    const login = loginOfNewPerson(input, community, decided.login);
    if (login.kind === 'phone') await takePhoneAccountCreation(tx, deps, community);
    const now = deps.clock.now();
    const id = newId(now);
    await checkManager(tx, ctx.communityId, id, input.managerId);
    const person = newPersonFrom(input, {
      id,
      communityId: ctx.communityId,
      login,
      displayName,
      now: now.toISOString(),
      userName: decided.userName,
    });
    await insertPerson(tx, person);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountCreated,
      target: { id, label: displayName },
      details: { loginKind: login.kind, channel },
    });
    return { person, community };
  } catch (error) {
    // Unless an identity provider chose it, the userName is the login: a clash of the two is
    // the login's clash, and the person should hear "this mobile number", not "this user name".
    rethrowUnique(
      error,
      decided.userName === undefined ? (decided.login?.kind ?? loginKindOf(input)) : undefined,
    );
  }
}

/** A new person's name: the display name, else made of the given and family names. */
export function nameOfNewPerson(input: CreatePersonInput): string {
  const displayName = input.displayName ?? displayNameOf(input.givenName, input.familyName);
  if (!displayName) {
    throw new AppError('name_required', 'Give the person a name: a display name, or a given or family name.');
  }
  return displayName;
}

/**
 * A new person's login, checked before anything is written: one login (R1), mobile numbers only
 * while the community allows phone accounts and texts their country (R34), access codes only
 * while it allows them (R21). The daily limit (R6) is the caller's next step.
 */
export function loginOfNewPerson(
  input: CreatePersonInput,
  community: Community,
  decided?: NormalisedLogin | undefined,
): NormalisedLogin {
  const login =
    decided ?? (hasNoLogin(input) ? accessCodeLogin(input, community) : normaliseLogin(input, community));
  if (login.kind === 'phone') {
    if (!community.settings.phoneProfilesEnabled) {
      throw new AppError(
        'phone_profiles_disabled',
        'Profile creation with mobile number is turned off. A system admin can turn it on in Settings.',
      );
    }
    assertCountryAllowed(community, login.value);
  }
  return login;
}

/** The person the input describes, as it will be stored. */
export function newPersonFrom(
  input: CreatePersonInput,
  fields: Parameters<typeof newPerson>[0] & { userName?: string | undefined },
): Person {
  const { userName, ...base } = fields;
  return {
    ...newPerson(base),
    ...profileChanges(input),
    displayName: fields.displayName,
    ...(userName !== undefined ? { userName } : {}),
  };
}

function loginKindOf(input: CreatePersonInput): LoginKind | undefined {
  return input.email !== undefined ? 'email' : input.phone !== undefined ? 'phone' : undefined;
}
