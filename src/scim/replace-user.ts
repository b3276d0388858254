import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { resetToUnclaimedIn } from '../invitations/reset.js';
import { lockAdminChanges, lockTarget, rethrowUnique } from '../people/guards.js';
import { deactivatePersonIn, reactivatePersonIn } from '../people/lifecycle.js';
import { normaliseUsername } from '../people/login.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { checkManager } from '../people/profile.js';
import type { Tx } from '../storage/db.js';
import { ScimError } from './scim-error.js';
import { readScimUser, type ScimUserFields } from './user-fields.js';
import { assertSameMobile } from './user-login.js';
import { profileFromScim } from './user-profile.js';
import { etagOf } from './user-resource.js';
import { findScimPerson, type ScimPerson, saveSentAttributes } from './users.store.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ReplaceArgs {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  body: unknown;
  ifMatch?: string | undefined;
}

/**
 * PUT /Users/{id} (R28): the User becomes what was sent, in one transaction with the user's row
 * locked, so parallel writes take turns and none is lost. The login keeps its kind and a phone
 * account its number (R4); `active` deactivates or reactivates (R22); Workplace's
 * `invited: true, claimed: false` resets the account to unclaimed (R12). A stale `If-Match` is 412.
 */
export async function replaceScimUser(args: ReplaceArgs): Promise<ScimPerson> {
  const fields = readScimUser(args.body);
  await inUserTransaction(args, (tx, current) => replaceUserIn(tx, args, current, fields));
  const stored = await findScimPerson(args.deps.db, args.ctx.communityId, args.id);
  if (!stored) throw notFound('The user');
  return stored;
}

/**
 * Runs `work` in a transaction holding the community's admin lock (deactivation may need it; it
 * is always taken first, so writers never wait on each other in a circle) and the user's row
 * lock, after checking `If-Match` against the locked version.
 */
export async function inUserTransaction(
  { deps, ctx, id, ifMatch }: Omit<ReplaceArgs, 'body'>,
  work: (tx: Tx, current: Person) => Promise<void>,
): Promise<void> {
  try {
    await deps.db.transaction().execute(async (tx) => {
      await lockAdminChanges(tx, ctx.communityId);
      const current = await lockTarget(tx, ctx, id);
      assertEtag(ifMatch, current.version);
      await work(tx, current);
    });
  } catch (error) {
    rethrowUnique(error);
  }
}

/** The replacement itself, inside the caller's locked transaction. */
export async function replaceUserIn(
  tx: Tx,
  { deps, ctx, id }: ReplaceArgs,
  current: Person,
  fields: ScimUserFields,
) {
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  if (current.loginKind === 'phone') assertSameMobile(fields, current.phone, community.defaultCountry);
  const userName = fields.userName ?? (current.loginKind === 'phone' ? current.userName : undefined);
  if (userName === undefined) throw new ScimError(400, 'userName is required.', 'invalidValue');
  const { displayName, ...profile } = await profileFromScim(tx, ctx.communityId, fields);
  const changes: Partial<Person> = {
    ...profile,
    displayName: displayName ?? current.displayName,
    ...loginChanges(current, userName),
  };
  await checkManager(tx, ctx.communityId, id, changes.managerId);
  const changed = (Object.keys(changes) as (keyof Person)[]).filter((f) => changes[f] !== current[f]);
  if (changed.length > 0) {
    await updatePerson(tx, id, { ...changes, updatedAt: deps.clock.now().toISOString() });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountUpdated,
      target: { id, label: changes.displayName ?? current.displayName },
      details: { fields: changed, channel: 'scim' },
    });
  }
  await saveSentAttributes(tx, id, { externalId: fields.externalId, userName, attributes: fields.echo });
  await applyState(tx, { deps, ctx, id }, current, fields);
}

export function assertEtag(ifMatch: string | undefined, version: number) {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (!tags.includes(etagOf(version)) && !tags.includes(`"${version}"`)) {
    throw new ScimError(
      412,
      'The resource changed since you read it (its ETag no longer matches). Read it again.',
    );
  }
}

/** The login follows userName where it is the login; it never changes kind. */
function loginChanges(person: Person, userName: string): Partial<Person> {
  const changes: Partial<Person> = { userName };
  if (person.loginKind === 'email' && EMAIL.test(userName) && userName.toLowerCase() !== person.email) {
    changes.email = userName.toLowerCase();
  }
  if (person.loginKind === 'username' && !EMAIL.test(userName)) {
    changes.username = normaliseUsername(userName).value;
  }
  return changes;
}

/** active → deactivate or reactivate (R22); invited and not claimed → reset to unclaimed (R12). */
async function applyState(
  tx: Tx,
  args: { deps: Deps; ctx: ActingContext; id: string },
  person: Person,
  fields: ScimUserFields,
) {
  if (person.active && !fields.active) await deactivatePersonIn(tx, args);
  if (!person.active && fields.active) await reactivatePersonIn(tx, args);
  if (fields.active && person.claimed && fields.invited === true && fields.claimed === false) {
    await resetToUnclaimedIn(tx, args);
  }
}
