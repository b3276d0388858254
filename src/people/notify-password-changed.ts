import type { Community } from '../communities/community.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageLocale } from '../locales.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { emailCatalogueFor } from '../mail/messages.js';
import { queueNotice } from '../sms/notices.js';
import type { Tx } from '../storage/db.js';
import type { Person } from './person.js';

/**
 * R41: tells the person, by text or by email, that their password changed, so a change made by
 * someone holding a stolen session or code does not go unnoticed. Queued in the change's
 * transaction; false when no notice could be queued (no address, or the server's budget is spent).
 */
export async function notifyPasswordChanged(
  tx: Tx,
  deps: Deps,
  person: Person,
  community: Community,
): Promise<boolean> {
  const locale = messageLocale(person.locale, community.defaultLocale);
  if (person.phone) {
    return queueNotice(tx, deps, {
      kind: 'password_changed',
      to: person.phone,
      communityId: community.id,
      personId: person.id,
      communityName: community.name,
      locale,
    });
  }
  if (!person.email) return false;
  const email = emailCatalogueFor(locale).passwordChanged({
    community: community.name,
    name: person.displayName,
  });
  try {
    await enqueueEmail(tx, deps, {
      communityId: community.id,
      personId: person.id,
      to: person.email,
      kind: 'password_changed',
      channel: 'notice',
      locale,
      content: email,
      masked: email,
    });
    return true;
  } catch (error) {
    // As with texts: a notice never blocks the change it reports.
    if (error instanceof AppError && error.code === 'email_capacity_reached') return false;
    throw error;
  }
}
