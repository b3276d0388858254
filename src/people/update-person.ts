import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Tx } from '../storage/db.js';
import { lockTarget, rethrowUnique } from './guards.js';
import { normaliseLogin } from './login.js';
import type { PersonView, UpdatePersonInput } from './people.schemas.js';
import { updatePerson as updatePersonRow } from './people.store.js';
import type { Person } from './person.js';
import { toPersonView } from './person.view.js';
import { checkManager, profileChanges } from './profile.js';

type UpdatePersonArgs = { deps: Deps; ctx: ActingContext; id: string; input: UpdatePersonInput };

/**
 * Edits a person's profile. The login keeps its kind, and a phone number never changes (R4):
 * sending the same number again is accepted, a different one is refused.
 */
export async function updatePerson(args: UpdatePersonArgs): Promise<PersonView> {
  try {
    return await args.deps.db.transaction().execute((tx) => updatePersonIn(tx, args));
  } catch (error) {
    rethrowUnique(error, args.input.email !== undefined ? 'email' : undefined);
  }
}

/** Edits inside the caller's transaction (an import applies many rows in one). */
export async function updatePersonIn(
  tx: Tx,
  { deps, ctx, id, input }: UpdatePersonArgs,
): Promise<PersonView> {
  const current = await lockTarget(tx, ctx, id);
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  const changes = profileChanges(input);
  if (input.phone !== undefined && input.email !== undefined) normaliseLogin(input, community);
  if (input.phone !== undefined) {
    const login = normaliseLogin({ phone: input.phone }, community);
    if (current.loginKind !== 'phone') {
      throw new AppError(
        'login_kind_immutable',
        `This person signs in by ${current.loginKind === 'email' ? 'email' : 'username'}; a mobile number cannot be added as a second login.`,
      );
    }
    if (login.value !== current.phone) {
      throw new AppError(
        'phone_immutable',
        'A mobile number account keeps its number for life. To use a new number, add the person again with it and delete or deactivate this account.',
      );
    }
  }
  if (input.email !== undefined) {
    if (current.loginKind !== 'email') {
      throw new AppError(
        'login_kind_immutable',
        `This person signs in by ${current.loginKind === 'phone' ? 'mobile number' : 'username'}; an email address cannot be added as a second login.`,
      );
    }
    changes.email = input.email.trim().toLowerCase();
    // A userName that was just the login follows it; one an identity provider chose stays.
    if (current.userName === current.email) changes.userName = changes.email;
  }
  if ('displayName' in changes && changes.displayName === null) {
    throw new AppError('name_required', 'The display name cannot be empty.');
  }
  // Until they pick a username, the employee ID is all that tells an access-code account apart (R21).
  if (current.loginKind === 'username' && current.username === null && changes.externalId === null) {
    throw new AppError(
      'login_identifier_required',
      'This person has neither email nor phone and has not picked a username yet: their employee ID cannot be cleared. Change it instead.',
      { errors: [{ path: 'externalId', message: 'required until the person picks a username' }] },
    );
  }
  await checkManager(tx, ctx.communityId, id, input.managerId);
  const changed = (Object.keys(changes) as (keyof Person)[]).filter(
    (field) => changes[field] !== current[field],
  );
  if (changed.length === 0) return toPersonView(current);
  const updated = await updatePersonRow(
    tx,
    id,
    { ...changes, updatedAt: deps.clock.now().toISOString() },
    { version: current.version },
  );
  if (!updated) throw new AppError('internal_error', 'The person changed while saving. Try again.');
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.accountUpdated,
    target: { id, label: updated.displayName },
    details: { fields: changed },
  });
  return toPersonView(updated);
}
