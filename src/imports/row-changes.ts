import type { UpdatePersonInput } from '../people/people.schemas.js';
import type { Person } from '../people/person.js';
import { displayNameOf, profileChanges } from '../people/profile.js';

/**
 * What a line changes of the person it matched, or null when it changes nothing: a file imported
 * twice leaves everyone as they were. The login is passed on only when it differs, so the rules
 * of an edit decide (a phone number never changes, R4; a login never changes kind). A display
 * name that was made of the given and family names follows them when they change.
 */
export function changesFor(
  target: Person,
  input: UpdatePersonInput,
  loginKey: string | null,
): UpdatePersonInput | null {
  const changes: UpdatePersonInput = {};
  for (const [field, value] of Object.entries(profileChanges(input)) as [keyof Person, unknown][]) {
    if (target[field] !== value) Object.assign(changes, { [field]: value });
  }
  if (input.email !== undefined && `email:${target.email?.toLowerCase()}` !== loginKey) {
    changes.email = input.email;
  }
  if (input.phone !== undefined && `phone:${target.phone}` !== loginKey) changes.phone = input.phone;
  if (
    input.displayName === undefined &&
    (changes.givenName !== undefined || changes.familyName !== undefined)
  ) {
    const derived = displayNameOf(target.givenName, target.familyName) === target.displayName;
    const name = displayNameOf(input.givenName ?? target.givenName, input.familyName ?? target.familyName);
    if (derived && name && name !== target.displayName) changes.displayName = name;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
