import type { Community } from '../communities/community.js';
import type { Person } from '../people/person.js';

export type SecondFactorStatus = 'not_required' | 'enrolled' | 'enrollment_required';

/**
 * R40: a system admin must have a second factor, and so must account managers where the
 * community asks for it. Anyone who has enrolled one is asked for it whatever their role.
 */
export function secondFactorStatus(
  person: Pick<Person, 'role' | 'totpConfirmedAt'>,
  community: Pick<Community, 'settings'>,
): SecondFactorStatus {
  if (person.totpConfirmedAt !== null) return 'enrolled';
  const required =
    person.role === 'system_admin' ||
    (person.role === 'account_manager' && community.settings.secondFactorForAccountManagers);
  return required ? 'enrollment_required' : 'not_required';
}
