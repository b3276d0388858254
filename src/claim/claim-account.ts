import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { rememberDevice } from '../auth/device-cookie.js';
import type { SignedIn } from '../auth/login.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import { hashToken } from '../crypto/random.js';
import { formatRecoveryCode, generateRecoveryCode } from '../crypto/recovery-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageLocale } from '../locales.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { enqueueSms } from '../sms/enqueue-sms.js';
import { catalogueFor, HIDDEN } from '../sms/messages.js';
import type { Tx } from '../storage/db.js';
import { CLAIM_RULES } from '../throttle/throttle.js';
import { consumeClaimToken } from './claim.store.js';
import { claimLinkProblem, loadClaimLink, supersededLink } from './claim-link.js';

/**
 * Claims an account (R7): the link is consumed by one conditional update that also checks the
 * person's current generation, so a link works once, and only while it is the newest. The worker
 * is signed in and, on a phone account, their recovery code is texted to them in the same
 * transaction.
 */
export async function claimAccount({
  deps,
  token,
  password,
  deviceToken,
  meta,
}: {
  deps: Deps;
  token: string;
  password: string;
  deviceToken: string | null;
  meta: RequestMeta;
}): Promise<SignedIn> {
  const client = `claim:client:${meta.ip ?? 'unknown'}`;
  await deps.throttle.attempt([{ key: client, rule: CLAIM_RULES.client }]);
  const preview = await loadClaimLink(deps.db, token);
  const before = claimLinkProblem(preview, deps.clock.now().toISOString());
  if (before || !preview.community || !preview.person) {
    if (before && preview.person) await failedClaim(deps, preview.person, meta, before);
    throw before;
  }
  checkPassword(
    password,
    preview.community.settings.passwordMinLength,
    personContext(preview.person, preview.community),
  );
  // A phone account gets its recovery code by text (R9); an email account recovers by email.
  const recoveryCode = preview.person.phone ? generateRecoveryCode() : null;
  const [passwordHash, recoveryCodeHash] = await Promise.all([
    hashPassword(password),
    recoveryCode ? hashPassword(recoveryCode) : null,
  ]);

  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const consumed = await consumeClaimToken(tx, hashToken(token), now);
    if (!consumed) {
      throw (
        claimLinkProblem(await loadClaimLink(tx, token), now) ??
        new AppError('claim_link_used', 'This invitation link has already been used.')
      );
    }
    await deps.throttle.succeeded({ refund: [client] }, tx);
    const person = await updatePerson(
      tx,
      consumed.personId,
      {
        claimed: true,
        claimedAt: now,
        passwordHash,
        recoveryCodeHash,
        recoveryCodeCreatedAt: recoveryCodeHash ? now : null,
        updatedAt: now,
      },
      // Checked again on the row itself: on PostgreSQL a reset or deactivation running at the
      // same moment commits first, and then this link must lose (R8).
      { invitationGeneration: consumed.generation, active: true, claimed: false },
    );
    if (!person) throw supersededLink();
    const community = await findCommunityOrThrow(tx, person.communityId);
    if (recoveryCode) await textRecoveryCode(tx, deps, person, community, recoveryCode);
    const session = await issueSession(
      tx,
      deps.clock,
      person,
      lifetimesFor(person.role, community.settings),
      meta,
    );
    const remembered = await rememberDevice(tx, deviceToken, person, now);
    const ctx: ActingContext = {
      communityId: community.id,
      actor: { id: person.id, label: person.displayName, role: person.role },
      meta,
    };
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountClaimed,
      target: { id: person.id, label: person.displayName },
      details: { sessionId: session.id, recoveryCodeTexted: person.phone !== null },
    });
    return { session, person, community, deviceToken: remembered };
  });
}

/** The recovery code goes to the worker by text as they claim (R7, R9); admins see it hidden. */
async function textRecoveryCode(tx: Tx, deps: Deps, person: Person, community: Community, code: string) {
  if (!person.phone) return;
  const text = catalogueFor(messageLocale(person.locale, community.defaultLocale)).recoveryCode;
  await enqueueSms(tx, deps, {
    communityId: community.id,
    personId: person.id,
    to: person.phone,
    kind: 'recovery_code',
    channel: 'claim',
    body: text({ community: community.name, code: formatRecoveryCode(code) }),
    preview: text({ community: community.name, code: HIDDEN }),
  });
}

/** A claim refused for a link that is used, expired or superseded, in the audit log (R36). */
async function failedClaim(deps: Deps, person: Person, meta: RequestMeta, problem: AppError) {
  await recordRefusal(
    deps.db,
    deps.clock,
    { communityId: person.communityId, actor: null, meta },
    {
      type: AuditType.claimFailed,
      target: { id: person.id, label: person.displayName },
      details: { reason: problem.code },
    },
  );
}
