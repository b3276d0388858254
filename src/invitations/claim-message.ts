import type { Community } from '../communities/community.js';
import { assertCountryAllowed } from '../communities/sms-countries.js';
import type { Deps } from '../deps.js';
import { emailDomainVerifiedElsewhere } from '../domains/domains.store.js';
import { AppError } from '../errors.js';
import { takeClaimEmail, takeClaimSms } from '../limits/limits.service.js';
import { messageLocale } from '../locales.js';
import { emailMessage, enqueueEmail, type NewEmail } from '../mail/enqueue-email.js';
import { emailCatalogueFor } from '../mail/messages.js';
import type { NewMessage } from '../outbox/enqueue.js';
import type { Person } from '../people/person.js';
import { enqueueSms, type NewSms, smsMessage } from '../sms/enqueue-sms.js';
import { catalogueFor, HIDDEN } from '../sms/messages.js';
import type { Tx } from '../storage/db.js';
import { claimLink, issueClaimToken } from './claim-link.js';
import { startInvitationGeneration } from './invitations.store.js';

/** The refusals that mean "no more claim messages to this person today" (R5). */
export const DAILY_LIMITS: ReadonlySet<string> = new Set([
  'claim_sms_daily_limit',
  'claim_email_daily_limit',
]);

export type ClaimMessageReason = 'invitation' | 'reminder' | 'reset';

type ClaimMessageArgs = {
  community: Community;
  person: Person;
  reason: ClaimMessageReason;
  channel: string;
  preview?: boolean;
};

/**
 * Every claim link goes out through here, whatever asked for it: by text to a phone account
 * (R3), by email to an email account (R20). It takes one of the person's messages for today
 * (R5), issues a fresh link of a new invitation generation (killing older links, R8), marks the
 * person invited, and queues the message, all in the caller's transaction.
 */
export async function sendClaimMessage(
  tx: Tx,
  deps: Deps,
  { community, person, reason, channel, preview = false }: ClaimMessageArgs,
): Promise<{ claimSmsLeftToday: number; person: Person }> {
  const address = person.phone ?? person.email;
  if (!address) {
    throw new AppError(
      'no_contact_address',
      'This person has no mobile number or email address to send a link to. Give them an access code instead.',
    );
  }
  if (person.phone) assertCountryAllowed(community, person.phone);
  else if (await emailDomainVerifiedElsewhere(tx, community.id, address)) {
    throw domainVerifiedElsewhere(address);
  }
  const claimSmsLeftToday = person.phone
    ? await takeClaimSms(tx, deps, community, person.phone)
    : await takeClaimEmail(tx, deps, community, address);
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
  const link = claimLink(deps.config.publicUrl, token);
  const locale = messageLocale(person.locale, community.defaultLocale);
  const message = { community, person, reason, channel, locale, link };
  if (person.phone) await queueClaimText(tx, deps, { ...message, to: person.phone }, preview);
  else await queueClaimEmail(tx, deps, { ...message, to: address }, preview);
  return { claimSmsLeftToday, person: updated };
}

/** R20's refusal: another organisation proved it owns that domain (R26), so its people are not ours to email. */
export function domainVerifiedElsewhere(address: string): AppError {
  return new AppError(
    'email_domain_verified_elsewhere',
    `The domain of ${address} is verified by another organisation on this Muster server, so Muster will not email an invitation there. Check the address, or add this person by mobile number.`,
  );
}

type QueuedClaim = Omit<ClaimMessageArgs, 'preview'> & { locale: string; link: string; to: string };

const KIND = {
  invitation: 'claim_invitation',
  reminder: 'claim_reminder',
  reset: 'claim_invitation',
} as const;
const TEMPLATE = { invitation: 'claimInvitation', reminder: 'claimReminder', reset: 'accountReset' } as const;

function claimText(deps: Deps, claim: QueuedClaim): NewSms {
  const render = catalogueFor(claim.locale)[TEMPLATE[claim.reason]];
  const hidden = claimLink(deps.config.publicUrl, HIDDEN);
  return {
    communityId: claim.community.id,
    personId: claim.person.id,
    to: claim.to,
    kind: KIND[claim.reason],
    channel: claim.channel,
    body: render({ community: claim.community.name, link: claim.link }),
    preview: render({ community: claim.community.name, link: hidden }),
  };
}

function claimEmail(deps: Deps, claim: QueuedClaim): NewEmail {
  const render = emailCatalogueFor(claim.locale)[TEMPLATE[claim.reason]];
  const facts = {
    community: claim.community.name,
    name: claim.person.displayName,
    days: claim.community.settings.claimLinkLifetimeDays,
  };
  return {
    communityId: claim.community.id,
    personId: claim.person.id,
    to: claim.to,
    kind: KIND[claim.reason],
    channel: claim.channel,
    locale: claim.locale,
    content: render({ ...facts, link: claim.link }),
    masked: render({ ...facts, link: claimLink(deps.config.publicUrl, HIDDEN) }),
  };
}

function queueClaimText(tx: Tx, deps: Deps, claim: QueuedClaim, preview: boolean) {
  return enqueueSms(tx, deps, claimText(deps, claim), { preview });
}

function queueClaimEmail(tx: Tx, deps: Deps, claim: QueuedClaim, preview: boolean) {
  return enqueueEmail(tx, deps, claimEmail(deps, claim), { preview });
}

/**
 * The claim message of a person whose link is already issued, as the outbox queues it: a text to
 * a phone account, an email to an email account, in their language. Its budget (R34) and the
 * person's allowance (R5) are the caller's to have taken: an import takes them for a batch.
 */
export function claimMessage(
  deps: Deps,
  claim: { community: Community; person: Person; reason: ClaimMessageReason; channel: string; link: string },
): NewMessage {
  const locale = messageLocale(claim.person.locale, claim.community.defaultLocale);
  if (claim.person.phone) return smsMessage(claimText(deps, { ...claim, locale, to: claim.person.phone }));
  return emailMessage(claimEmail(deps, { ...claim, locale, to: claim.person.email ?? '' }));
}
