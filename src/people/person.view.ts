import type { PersonView } from './people.schemas.js';
import { type ListedPerson, stateOf } from './person.js';

/** What the API shows of a person: never a secret, never an internal counter. */
export function toPersonView(person: ListedPerson): PersonView {
  return {
    id: person.id,
    loginKind: person.loginKind,
    email: person.email,
    phone: person.phone,
    username: person.username,
    givenName: person.givenName,
    familyName: person.familyName,
    displayName: person.displayName,
    jobTitle: person.jobTitle,
    department: person.department,
    division: person.division,
    organization: person.organization,
    costCenter: person.costCenter,
    location: person.location,
    locale: person.locale,
    timeZone: person.timeZone,
    managerId: person.managerId,
    externalId: person.externalId,
    startDate: person.startDate,
    frontline: person.frontline,
    role: person.role,
    state: stateOf(person),
    invitedAt: person.invitedAt,
    claimedAt: person.claimedAt,
    deactivatedAt: person.deactivatedAt,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}
