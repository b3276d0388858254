import { AuditType, recordAudit } from '../audit/audit.js';
import { type CommunityRow, findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext, Deps } from '../context.js';
import { newId } from '../crypto/random.js';
import { decodeCursor, toPage } from '../cursor.js';
import { AppError, notFound } from '../errors.js';
import { sendClaimSms } from '../invitations/claim-sms.js';
import { assertCountryAllowed } from '../invitations/sms-policy.js';
import { takePhoneAccountCreation } from '../limits/limits.service.js';
import { listLiveSessions, revokeAllSessions } from '../sessions/sessions.store.js';
import { toSessionView } from '../sessions/sessions.view.js';
import { readSettings } from '../settings/settings.schemas.js';
import { previewTransactions } from '../sms/budget.js';
import { type Tx, uniqueViolation } from '../storage/db.js';
import { forUpdate } from '../storage/dialects/locking.js';
import type { PeopleTable, Role } from '../storage/schema.js';
import {
  type CreatePersonInput,
  createPersonSchema,
  type PersonView,
  type UpdatePersonInput,
} from './people.schemas.js';
import {
  countActiveSystemAdmins,
  countPeopleByState,
  findPersonById,
  listPeople as listPeopleRows,
  newPersonRow,
  type PersonRow,
  type PersonState,
  stateOf,
} from './people.store.js';
import { parsePhone } from './phone.js';

export function toPersonView(row: PersonRow): PersonView {
  return {
    id: row.id,
    loginKind: row.login_kind,
    email: row.email,
    phone: row.phone,
    username: row.username,
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: row.display_name,
    jobTitle: row.job_title,
    department: row.department,
    division: row.division,
    organization: row.organization,
    costCenter: row.cost_center,
    location: row.location,
    locale: row.locale,
    timeZone: row.time_zone,
    managerId: row.manager_id,
    externalId: row.external_id,
    startDate: row.start_date,
    frontline: row.frontline === 1,
    role: row.role,
    state: stateOf(row),
    invitedAt: row.invited_at,
    claimedAt: row.claimed_at,
    deactivatedAt: row.deactivated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type ProfileInput = Omit<UpdatePersonInput, 'email' | 'phone'>;

/** API field → column, for the profile fields an admin may write. */
const PROFILE_COLUMNS = {
  givenName: 'given_name',
  familyName: 'family_name',
  displayName: 'display_name',
  jobTitle: 'job_title',
  department: 'department',
  division: 'division',
  organization: 'organization',
  costCenter: 'cost_center',
  location: 'location',
  locale: 'locale',
  timeZone: 'time_zone',
  managerId: 'manager_id',
  externalId: 'external_id',
  startDate: 'start_date',
} as const satisfies Record<Exclude<keyof ProfileInput, 'frontline'>, keyof PeopleTable>;

function profileColumns(input: ProfileInput): Partial<PeopleTable> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
    const value = input[field as keyof ProfileInput];
    if (value !== undefined) columns[column] = value;
  }
  if (input.frontline !== undefined) columns.frontline = input.frontline ? 1 : 0;
  return columns as Partial<PeopleTable>;
}

function displayNameOf(given: string | null | undefined, family: string | null | undefined): string | null {
  const name = [given, family].filter(Boolean).join(' ').trim();
  return name === '' ? null : name;
}

export interface NormalisedLogin {
  kind: 'email' | 'phone';
  value: string;
}

/** Turns the submitted email or phone into the canonical login, or explains what is wrong. */
export function normaliseLogin(
  input: { email?: string | undefined; phone?: string | undefined },
  community: CommunityRow,
): NormalisedLogin {
  if (input.email !== undefined && input.phone !== undefined) {
    throw new AppError(
      'login_identifier_conflict',
      'Give either an email address or a mobile number, not both: a person has exactly one login.',
    );
  }
  if (input.email !== undefined) return { kind: 'email', value: input.email.trim().toLowerCase() };
  if (input.phone !== undefined) {
    const parsed = parsePhone(input.phone, community.default_country);
    if (!parsed.ok)
      throw new AppError(parsed.code, parsed.message, {
        errors: [{ path: 'phone', message: parsed.message }],
      });
    return { kind: 'phone', value: parsed.e164 };
  }
  throw new AppError(
    'login_identifier_required',
    'Give the person an email address or a mobile number: it is how they will sign in.',
  );
}

function rethrowUnique(error: unknown): never {
  switch (uniqueViolation(error)) {
    case 'phone':
      throw new AppError('phone_taken', 'Someone in this community already has this mobile number.');
    case 'email':
      throw new AppError('email_taken', 'Someone in this community already has this email address.');
    case 'external_id':
      throw new AppError('external_id_taken', 'Someone in this community already has this employee ID.');
    default:
      throw error;
  }
}

async function checkManager(
  tx: Tx,
  communityId: string,
  personId: string | null,
  managerId: string | null | undefined,
) {
  if (managerId == null) return;
  if (managerId === personId) throw new AppError('manager_cycle', 'A person cannot be their own manager.');
  if (!(await findPersonById(tx, communityId, managerId))) {
    throw new AppError(
      'manager_not_found',
      'The manager was not found in this community. Pick someone from the people list.',
    );
  }
  // Walk up the chain so that A → B → A is refused; chains are short in practice.
  let current: string | null = managerId;
  for (let depth = 0; current && depth < 1000; depth++) {
    if (current === personId)
      throw new AppError('manager_cycle', 'That manager reports to this person, which would make a loop.');
    const row = await tx
      .selectFrom('people')
      .select('manager_id')
      .where('community_id', '=', communityId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.manager_id ?? null;
  }
}

export async function createPerson({
  deps,
  ctx,
  input,
  channel = 'api',
}: {
  deps: Deps;
  ctx: ActingContext;
  input: CreatePersonInput;
  channel?: string;
}): Promise<PersonView> {
  return deps.db.transaction().execute((tx) => createPersonIn(tx, { deps, ctx, input, channel }));
}

/** Adds one person inside the caller's transaction; every rule and limit applies. */
async function createPersonIn(
  tx: Tx,
  {
    deps,
    ctx,
    input,
    channel,
  }: { deps: Deps; ctx: ActingContext; input: CreatePersonInput; channel: string },
): Promise<PersonView> {
  const displayName = input.displayName ?? displayNameOf(input.givenName, input.familyName);
  if (!displayName) {
    throw new AppError('name_required', 'Give the person a name: a display name, or a given or family name.');
  }
  try {
    const community = await findCommunityOrThrow(tx, ctx.communityId);
    const login = normaliseLogin(input, community);
    if (login.kind === 'phone') {
      if (!readSettings(community.settings).phoneProfilesEnabled) {
        throw new AppError(
          'phone_profiles_disabled',
          'Profile creation with mobile number is turned off. A system admin can turn it on in Settings.',
        );
      }
      assertCountryAllowed(community, login.value);
      await takePhoneAccountCreation(tx, deps, community);
    }
    const now = deps.clock.now();
    const id = newId(now);
    await checkManager(tx, ctx.communityId, id, input.managerId);
    const row: PersonRow = {
      ...newPersonRow({ id, communityId: ctx.communityId, login, displayName, now: now.toISOString() }),
      ...profileColumns(input),
      display_name: displayName,
    };
    await tx.insertInto('people').values(row).execute();
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountCreated,
      target: { id, label: displayName },
      details: { loginKind: login.kind, channel },
    });
    if (login.kind !== 'phone' || input.sendInvitation === false) return toPersonView(row);
    // The invitation is queued in the same transaction: the person never exists uninvited by accident (R3, R50).
    const invited = await sendClaimSms(tx, deps, { community, person: row, reason: 'invitation', channel });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.invitationSent,
      target: { id, label: displayName },
      details: { channel, claimSmsLeftToday: invited.claimSmsLeftToday },
    });
    return toPersonView(invited.person);
  } catch (error) {
    rethrowUnique(error);
  }
}

export async function countPeople({ deps, communityId }: { deps: Deps; communityId: string }) {
  const byState = await countPeopleByState(deps.db, communityId);
  return { total: Object.values(byState).reduce((a, b) => a + b, 0), byState };
}

/** Where a person is signed in, for their admin. */
export async function listPersonSessions({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}) {
  const person = await getPerson({ deps, communityId, id });
  const rows = await listLiveSessions(deps.db, person.id, deps.clock.now().toISOString());
  return { items: rows.map((row) => toSessionView(row, null)) };
}

export async function getPerson({ deps, communityId, id }: { deps: Deps; communityId: string; id: string }) {
  const row = await findPersonById(deps.db, communityId, id);
  if (!row) throw notFound('The person');
  return toPersonView(row);
}

export async function listPeople({
  deps,
  communityId,
  filter,
}: {
  deps: Deps;
  communityId: string;
  filter: {
    state?: PersonState | undefined;
    kind?: PersonRow['login_kind'] | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  };
}): Promise<{ items: PersonView[]; nextCursor: string | null }> {
  const afterId = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const rows = await listPeopleRows(deps.db, communityId, { ...filter, afterId, limit: filter.limit + 1 });
  return toPage(rows, filter.limit, toPersonView);
}

/** Account managers look after people; only a system admin may change a system admin. */
export function assertMayManage(ctx: ActingContext, target: PersonRow) {
  if (target.role === 'system_admin' && ctx.actor?.role !== 'system_admin') {
    throw new AppError('target_outranks_actor', 'Only a system admin can change a system admin.');
  }
}

/** Reads the target with a row lock, so parallel changes to one person take turns. */
export async function lockTarget(tx: Tx, deps: Deps, ctx: ActingContext, id: string): Promise<PersonRow> {
  const row = await forUpdate(
    deps.dialect,
    tx.selectFrom('people').selectAll().where('community_id', '=', ctx.communityId).where('id', '=', id),
  ).executeTakeFirst();
  if (!row) throw notFound('The person');
  assertMayManage(ctx, row);
  return row;
}

export async function updatePerson({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  input: UpdatePersonInput;
}): Promise<PersonView> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const current = await lockTarget(tx, deps, ctx, id);
      const community = await findCommunityOrThrow(tx, ctx.communityId);
      const changes: Partial<PeopleTable> = profileColumns(input);
      if (input.phone !== undefined && input.email !== undefined) normaliseLogin(input, community);
      if (input.phone !== undefined) {
        const login = normaliseLogin({ phone: input.phone }, community);
        if (current.login_kind !== 'phone') {
          throw new AppError(
            'login_kind_immutable',
            'This person signs in by email; a mobile number cannot be added as a second login.',
          );
        }
        if (login.value !== current.phone) {
          throw new AppError(
            'phone_immutable',
            'A mobile number account keeps its number for life. To use a new number, add the person again with it and delete or deactivate this account.',
          );
        }
      }
      if (input.email !== undefined) {
        if (current.login_kind !== 'email') {
          throw new AppError(
            'login_kind_immutable',
            'This person signs in by mobile number; an email address cannot be added as a second login.',
          );
        }
        changes.email = input.email.trim().toLowerCase();
      }
      if ('display_name' in changes && changes.display_name === null) {
        throw new AppError('name_required', 'The display name cannot be empty.');
      }
      await checkManager(tx, ctx.communityId, id, input.managerId);
      const changed = Object.keys(changes).filter(
        (column) => changes[column as keyof PeopleTable] !== current[column as keyof PeopleTable],
      );
      if (changed.length === 0) return toPersonView(current);
      const now = deps.clock.now().toISOString();
      const updated = await tx
        .updateTable('people')
        .set({ ...changes, version: current.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new AppError('internal_error', 'The person changed while saving. Try again.');
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.accountUpdated,
        target: { id, label: updated.display_name },
        details: { fields: changed },
      });
      return toPersonView(updated);
    });
  } catch (error) {
    rethrowUnique(error);
  }
}

export function assertNotSelf(ctx: ActingContext, id: string, action: string) {
  if (ctx.actor?.id === id) {
    throw new AppError('cannot_target_self', `You cannot ${action} your own account. Ask another admin.`);
  }
}

/**
 * Changes that can remove a system admin (deactivate, delete, role) first lock the community
 * row, so two admins demoting each other at once take turns and the second sees the first.
 */
async function lockAdminChanges(tx: Tx, deps: Deps, communityId: string) {
  await forUpdate(
    deps.dialect,
    tx.selectFrom('communities').select('id').where('id', '=', communityId),
  ).execute();
}

/** Called after a change inside its transaction: refusing rolls the change back. */
async function assertSystemAdminRemains(tx: Tx, communityId: string) {
  if ((await countActiveSystemAdmins(tx, communityId)) === 0) {
    throw new AppError(
      'last_system_admin',
      'This is the last active system admin. Make someone else a system admin first.',
    );
  }
}

export async function deactivatePerson({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  assertNotSelf(ctx, id, 'deactivate');
  return deps.db.transaction().execute(async (tx) => {
    await lockAdminChanges(tx, deps, ctx.communityId);
    const current = await lockTarget(tx, deps, ctx, id);
    const now = deps.clock.now().toISOString();
    // Conditional on active = 1, so two parallel deactivations record one event.
    const updated = await tx
      .updateTable('people')
      .set({
        active: 0,
        deactivated_at: now,
        invitation_generation: current.invitation_generation + 1,
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('active', '=', 1)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('already_deactivated', 'This account is already deactivated.');
    await assertSystemAdminRemains(tx, ctx.communityId);
    const sessionsEnded = await revokeAllSessions(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountDeactivated,
      target: { id, label: updated.display_name },
      details: { sessionsEnded },
    });
    return toPersonView(updated);
  });
}

export async function reactivatePerson({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockTarget(tx, deps, ctx, id);
    const now = deps.clock.now().toISOString();
    // Claimed and invited are untouched: the account returns to the state it had (R22).
    const updated = await tx
      .updateTable('people')
      .set({ active: 1, deactivated_at: null, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('active', '=', 0)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('not_deactivated', 'This account is not deactivated.');
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountReactivated,
      target: { id, label: updated.display_name },
      details: { state: stateOf(updated) },
    });
    return toPersonView(updated);
  });
}

/** R23: only never-claimed or deactivated accounts; the audit log keeps a tombstone. */
export async function deletePerson({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  assertNotSelf(ctx, id, 'delete');
  await deps.db.transaction().execute(async (tx) => {
    await lockAdminChanges(tx, deps, ctx.communityId);
    const current = await lockTarget(tx, deps, ctx, id);
    // Ever claimed (even if reset to unclaimed since) and still active: the account has a
    // history, so R23 asks for deactivation first.
    if (current.active && current.claimed_at !== null) {
      throw new AppError(
        'person_not_deletable',
        'This person has claimed their account before. Deactivate it first, then delete it.',
      );
    }
    const deleted = await tx
      .deleteFrom('people')
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw notFound('The person');
    await assertSystemAdminRemains(tx, ctx.communityId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountDeleted,
      target: { id, label: current.display_name },
      details: { loginKind: current.login_kind, state: stateOf(current), externalId: current.external_id },
    });
  });
}

export async function setRole({
  deps,
  ctx,
  id,
  role,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  role: Role;
}) {
  assertNotSelf(ctx, id, 'change the role of');
  return deps.db.transaction().execute(async (tx) => {
    await lockAdminChanges(tx, deps, ctx.communityId);
    const current = await lockTarget(tx, deps, ctx, id);
    if (current.role === role) return toPersonView(current);
    if (role === 'system_admin' && current.login_kind === 'username') {
      throw new AppError(
        'forbidden',
        'A system admin must sign in with an email address or a mobile number.',
      );
    }
    const now = deps.clock.now().toISOString();
    const updated = await tx
      .updateTable('people')
      .set({ role, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    await assertSystemAdminRemains(tx, ctx.communityId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.roleChanged,
      target: { id, label: current.display_name },
      details: { from: current.role, to: role },
    });
    return toPersonView(updated);
  });
}

/**
 * Adds many people, each row in its own transaction (R2, R6): a bad row, a duplicate or the daily
 * limit refuses that row with its reason and loses nothing else.
 *
 * With `dryRun`, every row goes through exactly the same rules inside one transaction (a
 * savepoint per row) that is then rolled back: the preview shows what sending would do,
 * including rows over today's limit, and changes nothing.
 */
export async function createPeopleBatch({
  deps,
  ctx,
  rows,
  sendInvitations,
  dryRun = false,
}: {
  deps: Deps;
  ctx: ActingContext;
  rows: readonly unknown[];
  sendInvitations: boolean;
  dryRun?: boolean;
}) {
  const results: BatchRowResult[] = [];
  const preview = dryRun ? await deps.db.startTransaction().execute() : null;
  try {
    for (const [index, raw] of rows.entries()) {
      const parsed = createPersonSchema.safeParse(raw);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({
          path: issue.path.join('.') || '(row)',
          message: issue.message,
        }));
        results.push({
          index,
          status: 'error',
          code: 'invalid_request',
          message: `Row ${index + 1}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
          errors,
        });
        continue;
      }
      const args = {
        deps,
        ctx,
        input: { ...parsed.data, sendInvitation: sendInvitations },
        channel: 'batch',
      };
      try {
        let person: PersonView;
        if (preview) {
          // Rows that would succeed stay in the preview, so later rows meet the daily limit as they would.
          const row = await preview.savepoint('row').execute();
          previewTransactions.add(row);
          try {
            person = await createPersonIn(row, args);
            await row.releaseSavepoint('row').execute();
          } catch (error) {
            await row.rollbackToSavepoint('row').execute();
            throw error;
          }
        } else {
          person = await createPerson(args);
        }
        results.push({ index, status: 'created', person });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({
          index,
          status: 'error',
          code: error.code,
          message: error.message,
          ...(error.extra.errors ? { errors: error.extra.errors } : {}),
        });
      }
    }
  } finally {
    await preview?.rollback().execute();
  }
  const created = results.filter((r) => r.status === 'created').length;
  return { created, failed: results.length - created, results };
}

type BatchRowResult =
  | { index: number; status: 'created'; person: PersonView }
  | {
      index: number;
      status: 'error';
      code: string;
      message: string;
      errors?: { path: string; message: string }[];
    };
