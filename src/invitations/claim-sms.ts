import { claimLink, issueClaimToken } from '../claim/claim-tokens.js';
import type { CommunityRow } from '../communities/communities.store.js';
import type { Deps } from '../context.js';
import { AppError } from '../errors.js';
import { takeClaimSms } from '../limits/limits.service.js';
import type { PersonRow } from '../people/people.store.js';
import { readSettings } from '../settings/settings.schemas.js';
import { catalogueFor, HIDDEN } from '../sms/messages.js';
import { enqueueSms } from '../sms/outbox.js';
import type { Tx } from '../storage/db.js';
import { assertCountryAllowed } from './sms-policy.js';

export type ClaimSmsReason = 'invitation' | 'reminder' | 'reset';

/**
 * Every claim SMS goes through here, whatever asked for it (R5): it takes one of the person's
 * texts for today, issues a fresh link of a new invitation generation (killing older links),
 * marks the person invited, and queues the text, all in the caller's transaction.
 */
export async function sendClaimSms(
  tx: Tx,
  deps: Deps,
  {
    community,
    person,
    reason,
    channel,
  }: { community: CommunityRow; person: PersonRow; reason: ClaimSmsReason; channel: string },
): Promise<{ claimSmsLeftToday: number; person: PersonRow }> {
  if (person.login_kind !== 'phone' || !person.phone) {
    throw new AppError(
      'not_a_phone_account',
      'This person signs in by email, so Muster cannot text them an invitation.',
    );
  }
  assertCountryAllowed(community, person.phone);
  const claimSmsLeftToday = await takeClaimSms(tx, deps, community, person.id);
  const now = deps.clock.now().toISOString();
  // A new invitation restarts the automatic reminder schedule; reminders themselves do not.
  const schedule = reason === 'reminder' ? {} : { invitation_sent_at: now, reminders_sent: 0 };
  // The increment happens in the database, so parallel invitations get distinct generations.
  const updated = await tx
    .updateTable('people')
    .set((eb) => ({
      invitation_generation: eb('invitation_generation', '+', 1),
      version: eb('version', '+', 1),
      invited: 1,
      invited_at: person.invited_at ?? now,
      updated_at: now,
      ...schedule,
    }))
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const settings = readSettings(community.settings);
  const token = await issueClaimToken(
    tx,
    deps,
    { id: person.id, communityId: community.id, generation: updated.invitation_generation },
    settings.claimLinkLifetimeDays,
  );
  const catalogue = catalogueFor(person.locale ?? community.default_locale);
  const render =
    catalogue[
      reason === 'invitation' ? 'claimInvitation' : reason === 'reminder' ? 'claimReminder' : 'accountReset'
    ];
  await enqueueSms(tx, deps, {
    communityId: community.id,
    personId: person.id,
    to: person.phone,
    kind: reason === 'reminder' ? 'claim_reminder' : 'claim_invitation',
    channel,
    body: render({ community: community.name, link: claimLink(deps.config.publicUrl, token) }),
    preview: render({ community: community.name, link: claimLink(deps.config.publicUrl, HIDDEN) }),
  });
  return { claimSmsLeftToday, person: updated };
}
