import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { recordSignedOutEverywhere } from '../people/account-events.store.js';
import { listLiveSessions, revokeAllSessions, revokeSession } from '../sessions/sessions.store.js';
import { toSessionView } from '../sessions/sessions.view.js';

/** Where you are signed in (R31). */
export async function listOwnSessions({
  deps,
  personId,
  currentSessionId,
}: {
  deps: Deps;
  personId: string;
  currentSessionId: string;
}) {
  const sessions = await listLiveSessions(deps.db, personId, deps.clock.now().toISOString());
  return { items: sessions.map((session) => toSessionView(session, currentSessionId)) };
}

export async function logout({
  deps,
  ctx,
  sessionId,
}: {
  deps: Deps;
  ctx: ActingContext;
  sessionId: string;
}) {
  await deps.db.transaction().execute(async (tx) => {
    await revokeSession(tx, sessionId, deps.clock.now().toISOString());
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.loggedOut,
      target: { id: ctx.actor?.id ?? null, label: ctx.actor?.label ?? null },
      details: { sessionId },
    });
  });
}

export async function revokeOwnSession({
  deps,
  ctx,
  personId,
  sessionId,
}: {
  deps: Deps;
  ctx: ActingContext;
  personId: string;
  sessionId: string;
}) {
  await deps.db.transaction().execute(async (tx) => {
    if (!(await revokeSession(tx, sessionId, deps.clock.now().toISOString(), personId))) {
      throw notFound('The session');
    }
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.sessionRevoked,
      target: { id: personId, label: ctx.actor?.label ?? null },
      details: { sessionId },
    });
  });
}

/** Log out of other devices (R31). */
export async function revokeOtherSessions({
  deps,
  ctx,
  personId,
  currentSessionId,
}: {
  deps: Deps;
  ctx: ActingContext;
  personId: string;
  currentSessionId: string;
}): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const ended = await revokeAllSessions(tx, personId, now, currentSessionId);
    await recordSignedOutEverywhere(tx, { communityId: ctx.communityId, personId, at: now });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.otherSessionsRevoked,
      target: { id: personId, label: ctx.actor?.label ?? null },
      details: { sessionsEnded: ended },
    });
    return ended;
  });
}
