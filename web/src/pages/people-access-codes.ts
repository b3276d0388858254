import { type AccessCodeSheet, type Person, post } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { handOverSheet } from './access-code-sheet-store';

/**
 * "Get access codes" on the People list (R21): new codes for the people selected, after a
 * warning that their current codes stop working, shown on the printable sheet. Only people with
 * neither email nor phone get one; the sheet says why the others did not.
 */
export async function makeAccessCodeSheet(ids: string[], seen: readonly Person[]) {
  if (!window.confirm(t('codes.confirmBulk', { count: ids.length }))) return;
  const sheet = await post<AccessCodeSheet>('/api/v1/people/access-codes', { ids });
  handOverSheet({ sheet, names: Object.fromEntries(seen.map((person) => [person.id, person.displayName])) });
  navigate('/people/access-codes');
}
