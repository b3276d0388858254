import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { resetToUnclaimed } from '../invitations/reset.js';
import { lockTarget, rethrowUnique } from '../people/guards.js';
import { deactivatePerson, reactivatePerson } from '../people/lifecycle.js';
import { normaliseUsername } from '../people/login.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { checkManager } from '../people/profile.js';
import { ScimError } from './scim-error.js';
import { readScimUser, type ScimUserFields } from './user-fields.js';
import { assertSameMobile } from './user-login.js';
import { profileFromScim } from './user-profile.js';
import { etagOf } from './user-resource.js';
import { findScimPerson, type ScimPerson, saveSentAttributes } from './users.store.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * PUT /Users/{id} (R28), and PATCH after its operations are applied: the User becomes what was
 * sent. The login keeps its kind and a phone account its number (R4); `active` deactivates or
 * reactivates (R22); Workplace's `invited: true, claimed: false` resets the account to unclaimed
 * (R12). `ifMatch` is the client's ETag: a stale one is 412, so no change is lost.
 */
export async function replaceScimUser({
  deps,
  ctx,
  id,
  body,
  ifMatch,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  body: unknown;
  ifMatch?: string | undefined;
}): Promise<ScimPerson> {
  const fields = readScimUser(body);
  const current = await findScimPerson(deps.db, ctx.communityId, id);
  if (!current) throw notFound('The user');
  assertEtag(ifMatch, current.person.version);
  const community = await findCommunityOrThrow(deps.db, ctx.communityId);
  if (current.person.loginKind === 'phone')
    assertSameMobile(fields, current.person.phone, community.defaultCountry);
  const userName =
    fields.userName ?? (current.person.loginKind === 'phone' ? current.person.userName : undefined);
  if (userName === undefined) throw new ScimError(400, 'userName is required.', 'invalidValue');
  const { displayName, ...profile } = await profileFromScim(deps.db, ctx.communityId, fields);
  const changes: Partial<Person> = {
    ...profile,
    displayName: displayName ?? current.person.displayName,
    ...loginChanges(current.person, userName),
  };
  try {
    await deps.db.transaction().execute(async (tx) => {
      const person = await lockTarget(tx, ctx, id);
      await checkManager(tx, ctx.communityId, id, changes.managerId);
      const changed = (Object.keys(changes) as (keyof Person)[]).filter((f) => changes[f] !== person[f]);
      if (changed.length > 0) {
        await updatePerson(tx, id, { ...changes, updatedAt: deps.clock.now().toISOString() });
        await recordAudit(tx, deps.clock, ctx, {
          type: AuditType.accountUpdated,
          target: { id, label: changes.displayName ?? person.displayName },
          details: { fields: changed, channel: 'scim' },
        });
      }
      await saveSentAttributes(tx, id, {
        externalId: fields.externalId,
        userName,
        attributes: fields.echo,
      });
    });
  } catch (error) {
    rethrowUnique(error);
  }
  await applyState({ deps, ctx, person: current.person, fields });
  const stored = await findScimPerson(deps.db, ctx.communityId, id);
  if (!stored) throw notFound('The user');
  return stored;
}

export function assertEtag(ifMatch: string | undefined, version: number) {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (!tags.includes(etagOf(version)) && !tags.includes(`"${version}"`)) {
    throw new ScimError(
      412,
      'The user changed since you read it (its ETag no longer matches). Read it again.',
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
async function applyState({
  deps,
  ctx,
  person,
  fields,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  fields: ScimUserFields;
}) {
  if (person.active && !fields.active) await deactivatePerson({ deps, ctx, id: person.id });
  if (!person.active && fields.active) await reactivatePerson({ deps, ctx, id: person.id });
  if (fields.active && person.claimed && fields.invited === true && fields.claimed === false) {
    await resetToUnclaimed({ deps, ctx, id: person.id });
  }
}
