import { AuditType, recordAudit } from '../audit/audit.js';
import { type CommunityRow, findCommunityById } from '../communities/communities.store.js';
import type { ActingContext, Deps, RequestMeta } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import { hashToken } from '../crypto/random.js';
import { formatRecoveryCode, generateRecoveryCode } from '../crypto/recovery-code.js';
import { AppError } from '../errors.js';
import type { PersonRow } from '../people/people.store.js';
import { maskPhone } from '../people/phone.js';
import { checkPassword, personContext } from '../sessions/password-policy.js';
import { createSession, type IssuedSession } from '../sessions/sessions.service.js';
import { readSettings } from '../settings/settings.schemas.js';
import { catalogueFor, HIDDEN } from '../sms/messages.js';
import { enqueueSms } from '../sms/outbox.js';
import type { Db, Tx } from '../storage/db.js';
import type { ClaimTokensTable } from '../storage/schema.js';
import { CLAIM_RULES } from '../throttle/throttle.js';

const ASK_ADMIN = 'Ask your admin to send you a new invitation.';

/**
 * Why a link cannot be used, in words a worker understands. Nothing here says whether the number
 * has an account elsewhere (R8): an unknown link is just "not valid".
 */
function linkProblem(
  token: ClaimTokensTable | undefined,
  person: PersonRow | undefined,
  now: string,
): AppError | null {
  if (!token || !person)
    return new AppError(
      'claim_link_not_found',
      `This invitation link is not valid. Check that you opened the whole link from the text message. ${ASK_ADMIN}`,
    );
  if (token.used_at || (person.claimed && token.generation === person.invitation_generation)) {
    return new AppError(
      'claim_link_used',
      `This invitation link has already been used. If you have set a password, sign in with it; otherwise ${ASK_ADMIN.toLowerCase()}`,
    );
  }
  if (token.generation < person.invitation_generation || !person.active) {
    return new AppError(
      'claim_link_superseded',
      `This invitation link was replaced by a newer one. Use the link in your latest text message, or ${ASK_ADMIN.toLowerCase()}`,
    );
  }
  if (token.expires_at <= now)
    return new AppError('claim_link_expired', `This invitation link has expired. ${ASK_ADMIN}`);
  return null;
}

async function loadLink(db: Db | Tx, rawToken: string) {
  const token = await db
    .selectFrom('claim_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(rawToken))
    .executeTakeFirst();
  const person = token
    ? await db.selectFrom('people').selectAll().where('id', '=', token.person_id).executeTakeFirst()
    : undefined;
  const community = person ? await findCommunityById(db, person.community_id) : undefined;
  return { token, person, community };
}

/** What the claim page shows. A GET changes nothing: link-preview bots fetch links (R7). */
export async function inspectClaimLink({ deps, token }: { deps: Deps; token: string }) {
  const link = await loadLink(deps.db, token);
  const problem = linkProblem(link.token, link.person, deps.clock.now().toISOString());
  if (problem || !link.person || !link.community) throw problem;
  return {
    community: link.community.name,
    displayName: link.person.display_name,
    maskedPhone: link.person.phone ? maskPhone(link.person.phone) : null,
    passwordMinLength: readSettings(link.community.settings).passwordMinLength,
    expiresAt: link.token?.expires_at ?? '',
  };
}

/**
 * Claims an account (R7): the link is consumed by one conditional update that also checks the
 * person's current generation, so a link works once, and only while it is the newest. The worker
 * is signed in and their recovery code is texted to them in the same transaction.
 */
export async function claimAccount({
  deps,
  token,
  password,
  meta,
}: {
  deps: Deps;
  token: string;
  password: string;
  meta: RequestMeta;
}): Promise<{ session: IssuedSession; person: PersonRow; community: CommunityRow }> {
  await deps.throttle.attempt([{ key: `claim:client:${meta.ip ?? 'unknown'}`, rule: CLAIM_RULES.client }]);
  const preview = await loadLink(deps.db, token);
  const before = linkProblem(preview.token, preview.person, deps.clock.now().toISOString());
  if (before || !preview.community) throw before;
  checkPassword(
    password,
    readSettings(preview.community.settings).passwordMinLength,
    personContext(
      preview.person ?? { display_name: '', given_name: null, family_name: null, email: null, phone: null },
      preview.community,
    ),
  );
  const recoveryCode = generateRecoveryCode();
  const [passwordHash, recoveryCodeHash] = await Promise.all([
    hashPassword(password),
    hashPassword(recoveryCode),
  ]);

  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const consumed = await tx
      .updateTable('claim_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where('generation', '=', (eb) =>
        eb
          .selectFrom('people')
          .select('invitation_generation')
          .whereRef('people.id', '=', 'claim_tokens.person_id')
          .where('active', '=', 1)
          .where('claimed', '=', 0),
      )
      .returning(['person_id', 'generation'])
      .executeTakeFirst();
    if (!consumed) {
      const link = await loadLink(tx, token);
      throw (
        linkProblem(link.token, link.person, now) ??
        new AppError('claim_link_used', 'This invitation link has already been used.')
      );
    }
    const person = await tx
      .updateTable('people')
      .set((eb) => ({
        claimed: 1,
        claimed_at: now,
        password_hash: passwordHash,
        recovery_code_hash: recoveryCodeHash,
        recovery_code_created_at: now,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', consumed.person_id)
      // Checked again on the row itself: on PostgreSQL a reset or deactivation running at the
      // same moment commits first, and then this link must lose (R8).
      .where('invitation_generation', '=', consumed.generation)
      .where('active', '=', 1)
      .where('claimed', '=', 0)
      .returningAll()
      .executeTakeFirst();
    if (!person) {
      throw new AppError(
        'claim_link_superseded',
        `This invitation link was replaced by a newer one. ${ASK_ADMIN}`,
      );
    }
    const community = await findCommunityById(tx, person.community_id);
    if (!community) throw new AppError('not_found', 'The community was not found.');
    const text = catalogueFor(person.locale ?? community.default_locale).recoveryCode;
    if (person.phone) {
      await enqueueSms(tx, deps, {
        communityId: community.id,
        personId: person.id,
        to: person.phone,
        kind: 'recovery_code',
        channel: 'claim',
        body: text({ community: community.name, code: formatRecoveryCode(recoveryCode) }),
        preview: text({ community: community.name, code: HIDDEN }),
      });
    }
    const session = await createSession(tx, deps.clock, person, readSettings(community.settings), meta);
    const ctx: ActingContext = {
      communityId: community.id,
      actor: { id: person.id, label: person.display_name, role: person.role },
      meta,
    };
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountClaimed,
      target: { id: person.id, label: person.display_name },
      details: { sessionId: session.id, recoveryCodeTexted: person.phone !== null },
    });
    return { session, person, community };
  });
}
