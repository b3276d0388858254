import { lockCommunity } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { type Executor, type Tx, uniqueViolation } from '../storage/db.js';
import type { LoginKind } from '../storage/schema.js';
import { countActiveSystemAdmins, lockPerson } from './people.store.js';
import type { Person } from './person.js';

/** Account managers look after people; only a system admin may change a system admin. */
export function assertMayManage(ctx: ActingContext, target: Person) {
  if (target.role === 'system_admin' && ctx.actor?.role !== 'system_admin') {
    throw new AppError(
      'target_outranks_actor',
      'Only a system admin can change a system admin, or see their sessions. Ask a system admin.',
    );
  }
}

export function assertNotSelf(ctx: ActingContext, id: string, action: string) {
  if (ctx.actor?.id === id) {
    throw new AppError('cannot_target_self', `You cannot ${action} your own account. Ask another admin.`);
  }
}

/** Reads the person an admin is changing, locked, after checking the admin may change them. */
export async function lockTarget(tx: Executor, ctx: ActingContext, id: string): Promise<Person> {
  const person = await lockPerson(tx, ctx.communityId, id);
  if (!person) throw notFound('The person');
  assertMayManage(ctx, person);
  return person;
}

/**
 * Changes that can remove a system admin (deactivate, delete, role) first lock the community
 * row, so two admins demoting each other at once take turns and the second sees the first.
 */
export async function lockAdminChanges(tx: Tx, communityId: string) {
  await lockCommunity(tx, communityId);
}

/** Called after a change inside its transaction: refusing rolls the change back. */
export async function assertSystemAdminRemains(tx: Tx, communityId: string) {
  if ((await countActiveSystemAdmins(tx, communityId)) === 0) {
    throw new AppError(
      'last_system_admin',
      'This is the last active system admin. Make someone else a system admin first.',
    );
  }
}

/** The refusal of a login someone of the community already has. */
export function loginTaken(kind: LoginKind): AppError {
  switch (kind) {
    case 'phone':
      return new AppError('phone_taken', 'Someone in this community already has this mobile number.');
    case 'email':
      return new AppError('email_taken', 'Someone in this community already has this email address.');
    case 'username':
      return new AppError('user_name_taken', 'Someone in this community already has this user name.');
  }
}

/**
 * Turns a broken unique constraint into the error a person can act on. `userNameIsLogin` names the
 * login a clash of the userName really is (when the userName was not chosen apart from it).
 */
export function rethrowUnique(error: unknown, userNameIsLogin?: LoginKind): never {
  const column = uniqueViolation(error);
  switch (column === 'user_name' && userNameIsLogin ? userNameIsLogin : column) {
    case 'phone':
      throw loginTaken('phone');
    case 'email':
      throw loginTaken('email');
    case 'external_id':
      throw new AppError('external_id_taken', 'Someone in this community already has this employee ID.');
    case 'user_name':
    case 'username':
      throw loginTaken('username');
    default:
      throw error;
  }
}
