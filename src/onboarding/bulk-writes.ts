import { type AuditEntry, AuditType, recordAudits } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { claimLink, issueClaimTokens } from '../invitations/claim-link.js';
import { claimMessage } from '../invitations/claim-message.js';
import { type ClaimAddress, takeClaimMessages } from '../limits/limits.service.js';
import { enqueueMessages } from '../outbox/enqueue.js';
import { newPersonFrom } from '../people/create-person.js';
import { insertPeople } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import type { Tx } from '../storage/db.js';
import type { Candidate } from './bulk-verdicts.js';

/** The bulk path cannot vouch for the lines (a limit moved meanwhile): they go one by one. */
export class NotInBulk extends Error {}

interface Writing {
  deps: Deps;
  ctx: ActingContext;
  community: Community;
  now: Date;
  /** Where the people came from, as the audit log and the outbox name it ('import', 'batch'). */
  channel: string;
  /** A dry run, rolled back: its texts and emails wake no dispatcher. */
  preview: boolean;
}

/**
 * Writes the people of a bulk add, their claim links, invitations and audit rows, a few
 * statements for all: the rows addPersonIn and sendClaimMessage would write for each, one after
 * the other. Answers each candidate's person.
 */
export async function writeNewPeople(
  tx: Tx,
  writing: Writing,
  adding: readonly Candidate[],
): Promise<Map<Candidate, Person>> {
  const invites = adding.filter((c) => c.invite !== null);
  const left = await takeClaimMessages(
    tx,
    writing.deps,
    writing.community,
    invites.map((c) => c.invite as ClaimAddress),
  );
  if (left.some((n) => n === null)) throw new NotInBulk('A claim-message limit was reached meanwhile.');
  const added = new Map(adding.map((c) => [c, personOf(c, writing)] as const));
  await insertPeople(tx, [...added.values()]);
  await invite(
    tx,
    writing,
    invites.map((c) => added.get(c) as Person),
  );
  const leftOf = new Map(invites.map((c, i) => [c, left[i] as number]));
  await recordAudits(
    tx,
    writing.deps.clock,
    writing.ctx,
    adding.flatMap((c) => auditsOf(c, added.get(c) as Person, writing.channel, leftOf.get(c))),
  );
  return added;
}

/** The person a line adds, as addPersonIn stores them, marked invited as startInvitationGeneration does. */
function personOf(candidate: Candidate, { community, now }: Writing): Person {
  const at = now.toISOString();
  const person = newPersonFrom(candidate.input, {
    id: newId(now),
    communityId: community.id,
    login: candidate.login,
    displayName: candidate.displayName,
    now: at,
  });
  if (!candidate.invite) return person;
  // The first generation of claim links (R8), and the reminder schedule starting now (R13).
  return {
    ...person,
    invited: true,
    invitedAt: person.invitedAt ?? at,
    invitationSentAt: at,
    remindersSent: 0,
    invitationGeneration: person.invitationGeneration + 1,
    version: person.version + 1,
  };
}

/** A claim link each, and its text or email queued in the outbox (R3, R8, R20, R50). */
async function invite(tx: Tx, { deps, community, channel, preview }: Writing, people: readonly Person[]) {
  const tokens = await issueClaimTokens(
    tx,
    deps.clock,
    people.map((p) => ({ id: p.id, communityId: community.id, generation: p.invitationGeneration })),
    community.settings.claimLinkLifetimeDays,
  );
  await enqueueMessages(
    tx,
    deps,
    people.map((person, i) =>
      claimMessage(deps, {
        community,
        person,
        reason: 'invitation',
        channel,
        link: claimLink(deps.config.publicUrl, tokens[i] ?? ''),
      }),
    ),
    { preview },
  );
}

/** The audit rows of one added person, as Add person writes them (R36). */
function auditsOf(
  candidate: Candidate,
  person: Person,
  channel: string,
  claimSmsLeftToday: number | undefined,
): AuditEntry[] {
  const target = { id: person.id, label: person.displayName };
  const created: AuditEntry = {
    type: AuditType.accountCreated,
    target,
    details: { loginKind: candidate.login.kind, channel },
  };
  if (!candidate.invite) return [created];
  return [created, { type: AuditType.invitationSent, target, details: { channel, claimSmsLeftToday } }];
}
