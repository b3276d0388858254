import { AuditType, recordAudit } from '../audit/audit.js';
import {
  type CommunityRow,
  findCommunityBySlug,
  listFirstCommunities,
} from '../communities/communities.store.js';
import type { ActingContext, Deps, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../crypto/passwords.js';
import { AppError, notFound } from '../errors.js';
import { findPersonByLogin, type PersonRow } from '../people/people.store.js';
import { parsePhone } from '../people/phone.js';
import { readSettings } from '../settings/settings.schemas.js';
import type { LoginKind } from '../storage/schema.js';
import { LOGIN_RULES } from '../throttle/throttle.js';
import { checkPassword, personContext } from './password-policy.js';
import { confirmPassword } from './reauth.js';
import { createSession, type IssuedSession } from './sessions.service.js';
import { revokeAllSessions } from './sessions.store.js';

/**
 * With one community the person need not name it; with several, the slug says whose people to
 * look in. Unknown slugs are no secret (they are in every link), so they get a plain answer.
 */
export async function resolveLoginCommunity(deps: Deps, slug: string | undefined): Promise<CommunityRow> {
  if (slug !== undefined) {
    const community = await findCommunityBySlug(deps.db, slug);
    if (!community)
      throw new AppError(
        'community_not_found',
        `There is no community "${slug}". Check the address you were given.`,
      );
    return community;
  }
  const [first, second] = await listFirstCommunities(deps.db);
  if (!first)
    throw new AppError(
      'community_not_found',
      'Muster has not been set up yet. Open the setup link the server printed.',
    );
  if (second)
    throw new AppError(
      'community_required',
      'Several communities use this server: say which one (its short name, the slug).',
    );
  return first;
}

/** Email if it has an @, a phone number if it parses as one, otherwise a username. */
export function classifyIdentifier(
  identifier: string,
  community: CommunityRow,
): { kind: LoginKind; value: string } {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  const phone = parsePhone(trimmed, community.default_country);
  if (phone.ok) return { kind: 'phone', value: phone.e164 };
  return { kind: 'username', value: trimmed.toLowerCase() };
}

const INVALID_CREDENTIALS = () =>
  new AppError(
    'invalid_credentials',
    'That login and password do not match an active account. Check both, or use "Forgot your password?".',
  );

export async function login({
  deps,
  communitySlug,
  identifier,
  password,
  meta,
}: {
  deps: Deps;
  communitySlug: string | undefined;
  identifier: string;
  password: string;
  meta: RequestMeta;
}): Promise<{ session: IssuedSession; person: PersonRow; community: CommunityRow }> {
  const community = await resolveLoginCommunity(deps, communitySlug);
  const login = classifyIdentifier(identifier, community);
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const throttle = deps.throttle;
  const accountKey = `login:account:${community.id}:${login.kind}:${login.value}`;
  try {
    await throttle.attempt([
      { key: accountKey, rule: LOGIN_RULES.account },
      { key: `login:client:${meta.ip ?? 'unknown'}`, rule: LOGIN_RULES.client },
    ]);
  } catch (error) {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.loginFailed,
      outcome: 'failure',
      details: { loginKind: login.kind, reason: 'throttled' },
    });
    throw error;
  }
  const person = await findPersonByLogin(deps.db, community.id, login.kind, login.value);
  const usable = person?.active === 1 && person.claimed === 1 && person.password_hash !== null;
  const passwordOk =
    usable && person.password_hash ? await verifyPassword(person.password_hash, password) : false;
  if (!usable) await burnPasswordCheck(password);
  if (!person || !passwordOk) {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.loginFailed,
      outcome: 'failure',
      target: { id: person?.id ?? null, label: person?.display_name ?? null },
      details: {
        loginKind: login.kind,
        reason: !person ? 'unknown_login' : !usable ? 'account_not_usable' : 'wrong_password',
      },
    });
    throw INVALID_CREDENTIALS();
  }
  const rehashed = needsRehash(person.password_hash ?? '') ? await hashPassword(password) : null;
  const settings = readSettings(community.settings);
  const session = await deps.db.transaction().execute(async (tx) => {
    if (rehashed)
      await tx.updateTable('people').set({ password_hash: rehashed }).where('id', '=', person.id).execute();
    await throttle.clear(accountKey, tx);
    const issued = await createSession(tx, deps.clock, person, settings, meta);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.display_name, role: person.role } },
      {
        type: AuditType.loggedIn,
        target: { id: person.id, label: person.display_name },
        details: { loginKind: login.kind, sessionId: issued.id },
      },
    );
    return issued;
  });
  return { session, person, community };
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
    await tx
      .updateTable('sessions')
      .set({ revoked_at: deps.clock.now().toISOString() })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
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
    const result = await tx
      .updateTable('sessions')
      .set({ revoked_at: deps.clock.now().toISOString() })
      .where('id', '=', sessionId)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('The session');
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.sessionRevoked,
      target: { id: personId, label: ctx.actor?.label ?? null },
      details: { sessionId },
    });
  });
}

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
    const ended = await revokeAllSessions(tx, personId, deps.clock.now().toISOString(), currentSessionId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.otherSessionsRevoked,
      target: { id: personId, label: ctx.actor?.label ?? null },
      details: { sessionsEnded: ended },
    });
    return ended;
  });
}

export async function changePassword({
  deps,
  ctx,
  person,
  community,
  currentSessionId,
  currentPassword,
  newPassword,
  logoutOtherDevices,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: PersonRow;
  community: CommunityRow;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  logoutOtherDevices: boolean;
}): Promise<{ otherSessionsEnded: number }> {
  const target = { id: person.id, label: person.display_name };
  await confirmPassword({
    deps,
    ctx,
    person,
    password: currentPassword,
    field: 'currentPassword',
    failure: AuditType.passwordChangeFailed,
  });
  checkPassword(
    newPassword,
    readSettings(community.settings).passwordMinLength,
    personContext(person, community),
  );
  const hashed = await hashPassword(newPassword);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    await tx
      .updateTable('people')
      .set({ password_hash: hashed, version: person.version + 1, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    const otherSessionsEnded = logoutOtherDevices
      ? await revokeAllSessions(tx, person.id, now, currentSessionId)
      : 0;
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.passwordChanged,
      target,
      details: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}
