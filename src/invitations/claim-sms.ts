import type { Community } from '../communities/community.js';
import { assertCountryAllowed } from '../communities/sms-countries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { takeClaimSms } from '../limits/limits.service.js';
import type { Person } from '../people/person.js';
import { catalogueFor, HIDDEN } from '../sms/messages.js';
import { enqueueSms } from '../sms/outbox.js';
import type { Tx } from '../storage/db.js';
import { claimLink, issueClaimToken } from './claim-link.js';
import { startInvitationGeneration } from './invitations.store.js';

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
    preview = false,
  }: { community: Community; person: Person; reason: ClaimSmsReason; channel: string; preview?: boolean },
): Promise<{ claimSmsLeftToday: number; person: Person }> {
  if (person.loginKind !== 'phone' || !person.phone) {
    throw new AppError(
      'not_a_phone_account',
      'This person signs in by email, so Muster cannot text them an invitation.',
    );
  }
  assertCountryAllowed(community, person.phone);
  const claimSmsLeftToday = await takeClaimSms(tx, deps, community, person.phone);
  const updated = await startInvitationGeneration(tx, person, {
    now: deps.clock.now().toISOString(),
    restartReminders: reason !== 'reminder',
  });
  const token = await issueClaimToken(
    tx,
    deps.clock,
    { id: person.id, communityId: community.id, generation: updated.invitationGeneration },
    community.settings.claimLinkLifetimeDays,
  );
  const catalogue = catalogueFor(person.locale ?? community.defaultLocale);
  const render =
    catalogue[
      reason === 'invitation' ? 'claimInvitation' : reason === 'reminder' ? 'claimReminder' : 'accountReset'
    ];
  await enqueueSms(
    tx,
    deps,
    {
      communityId: community.id,
      personId: person.id,
      to: person.phone,
      kind: reason === 'reminder' ? 'claim_reminder' : 'claim_invitation',
      channel,
      body: render({ community: community.name, link: claimLink(deps.config.publicUrl, token) }),
      preview: render({ community: community.name, link: claimLink(deps.config.publicUrl, HIDDEN) }),
    },
    { preview },
  );
  return { claimSmsLeftToday, person: updated };
}
