import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { addPersonIn } from '../onboarding/add-person.js';
import { deactivatePerson } from '../people/lifecycle.js';
import { readScimUser } from './user-fields.js';
import { loginForNewUser } from './user-login.js';
import { profileFromScim } from './user-profile.js';
import { findScimPerson, type ScimPerson, saveSentAttributes } from './users.store.js';

/**
 * POST /Users (R28): a new person, with every rule of the phone lifecycle as through REST: the
 * mobile-number gate (R1), the daily limit (R6), allowed countries (R34), and an invitation by
 * text for a phone account (R3) unless Workplace's `invited: false` says to wait. Audited with the
 * token as the actor (R36).
 */
export async function createScimUser({
  deps,
  ctx,
  body,
}: {
  deps: Deps;
  ctx: ActingContext;
  body: unknown;
}): Promise<ScimPerson> {
  const fields = readScimUser(body);
  const community = await findCommunityOrThrow(deps.db, ctx.communityId);
  const login = loginForNewUser(fields, community);
  const { displayName, ...profile } = await profileFromScim(deps.db, ctx.communityId, fields);
  const created = await deps.db.transaction().execute(async (tx) => {
    const person = await addPersonIn(tx, {
      deps,
      ctx,
      input: {
        ...profile,
        displayName: displayName ?? login.value,
        sendInvitation: fields.invited !== false,
      },
      channel: 'scim',
      login,
      userName: fields.userName ?? login.value,
    });
    await saveSentAttributes(tx, person.id, {
      externalId: fields.externalId,
      userName: fields.userName ?? login.value,
      attributes: fields.echo,
    });
    return person;
  });
  if (!fields.active) await deactivatePerson({ deps, ctx, id: created.id });
  const stored = await findScimPerson(deps.db, ctx.communityId, created.id);
  if (!stored) throw new Error('A person created a moment ago was not found.');
  return stored;
}
