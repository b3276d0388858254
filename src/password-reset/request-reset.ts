import { AuditType, recordAudit } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import { resolveSignInCommunity } from '../communities/sign-in-community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { incrementInWindow } from '../counters/window-counters.store.js';
import { hashToken, randomToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageLocale } from '../locales.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { emailCatalogueFor } from '../mail/messages.js';
import { findPersonByLogin } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { HIDDEN } from '../sms/messages.js';
import type { Tx } from '../storage/db.js';
import { FORGOT_RULES } from '../throttle/throttle.js';
import { RESET_LINK_MINUTES, resetLink } from './reset-link.js';
import { insertResetToken } from './reset-tokens.store.js';

/** Reset emails one address gets an hour, however often someone asks. */
const RESET_EMAILS_PER_HOUR = 3;

export interface ForgotArgs {
  deps: Deps;
  communitySlug: string | undefined;
  email: string;
  meta: RequestMeta;
}

/**
 * The part of "forgot password" (R20) that answers at once: the caller's address is throttled
 * and the community resolved (neither says anything about the person). What follows runs after
 * the answer, in `sendResetEmail`, so the answer is the same, and as quick, whether or not the
 * address has an account.
 */
export async function acceptForgotPassword({ deps, communitySlug, meta }: ForgotArgs): Promise<Community> {
  await deps.throttle.attempt([{ key: `forgot:client:${meta.ip ?? 'unknown'}`, rule: FORGOT_RULES.client }]);
  return resolveSignInCommunity(deps.db, communitySlug);
}

/**
 * Emails a reset link to an active, claimed email account; anything else sends nothing. An
 * account not claimed yet gets no new invitation either: a stranger's request must not spend its
 * day's invitations (R5) nor replace the link its admin sent. Each outcome is audited; the
 * requester never learns which it was.
 */
export async function sendResetEmail(community: Community, { deps, email, meta }: ForgotArgs): Promise<void> {
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const person = await findPersonByLogin(deps.db, community.id, 'email', email.trim().toLowerCase());
  if (!person?.active) return;
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const taken = await incrementInWindow(tx, `reset_email:${person.id}`, {
      limit: RESET_EMAILS_PER_HOUR,
      now: now.toISOString(),
      windowEndsAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    const outcome =
      taken === null
        ? 'too_many_requests'
        : person.claimed
          ? await emailResetLink(tx, deps, person, community)
          : 'not_claimed';
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.passwordResetRequested,
      outcome: outcome === 'link_sent' ? 'success' : 'failure',
      target: { id: person.id, label: person.displayName },
      details: { outcome },
    });
  });
}

async function emailResetLink(tx: Tx, deps: Deps, person: Person, community: Community) {
  if (!person.email) return 'no_email';
  const now = deps.clock.now();
  const token = randomToken();
  await insertResetToken(tx, {
    tokenHash: hashToken(token),
    personId: person.id,
    communityId: community.id,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
  });
  const locale = messageLocale(person.locale, community.defaultLocale);
  const render = emailCatalogueFor(locale).passwordReset;
  const facts = { community: community.name, name: person.displayName };
  try {
    await enqueueEmail(tx, deps, {
      communityId: community.id,
      personId: person.id,
      to: person.email,
      kind: 'password_reset',
      channel: 'forgot',
      locale,
      content: render({ ...facts, link: resetLink(deps.config.publicUrl, token) }),
      masked: render({ ...facts, link: resetLink(deps.config.publicUrl, HIDDEN) }),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'email_capacity_reached') return 'email_capacity_reached';
    throw error;
  }
  return 'link_sent';
}
