import type { Clock } from '../clock.js';
import type { ActingContext } from '../context.js';
import { lockCounters, setCounters } from '../counters/counters.store.js';
import { newId } from '../crypto/random.js';
import type { AppError, ErrorCode } from '../errors.js';
import type { Db } from '../storage/db.js';
import { type AuditEntry, AuditType, type AuditTypeName } from './audit.js';
import { countAgain, insertAggregated } from './audit.store.js';

/** Distinct targets one source may fill rows with per kind and minute; the rest share one row. */
const TARGETS_PER_SOURCE_MINUTE = 20;

/**
 * Records a refusal (R36) in its own transaction, after the refused change rolled back, so the
 * rollback cannot erase it. Refusals are counted per source (community, kind, address, caller),
 * target and minute in one row. A source gets rows for at most a few targets a minute, taken as
 * slots from a counter locked while a target's row is added; every further target shares one
 * row. So however fast a flood comes, and from however many parallel requests, it adds a bounded
 * number of rows a minute, one for each of its first targets.
 *
 * Pass the database itself, never a transaction: the refused change's transaction is over.
 */
export async function recordRefusal(
  db: Db,
  clock: Clock,
  ctx: ActingContext,
  entry: Omit<AuditEntry, 'outcome'>,
): Promise<void> {
  const now = clock.now();
  const minute = now.toISOString().slice(0, 16);
  const caller = ctx.actor?.id ?? 'anonymous';
  const source = [ctx.communityId, entry.type, ctx.meta.ip ?? 'unknown', caller, minute].join('|');
  const specific = `${source}|${entry.target?.id ?? entry.target?.label ?? '-'}`;
  // Most refusals in a flood count again on a row that is already there: one statement.
  if (await countAgain(db, specific)) return;
  // A new target: the source's slot counter is locked first, then the row looked for again, so
  // parallel requests for the same target take one slot between them, not one each.
  await db.transaction().execute(async (trx) => {
    const slots = { scope: `audit_targets:${source}`, period: minute.slice(0, 10) };
    const [taken = 0] = await lockCounters(trx, [slots]);
    if (await countAgain(trx, specific)) return;
    const crowded = taken >= TARGETS_PER_SOURCE_MINUTE;
    if (!crowded) await setCounters(trx, [{ ...slots, count: taken + 1 }]);
    await insertAggregated(
      trx,
      {
        id: newId(now),
        communityId: ctx.communityId,
        occurredAt: now.toISOString(),
        type: entry.type,
        outcome: 'failure',
        actor: { id: ctx.actor?.id ?? null, label: ctx.actor?.label ?? null },
        target: crowded
          ? { id: null, label: 'many' }
          : { id: entry.target?.id ?? null, label: entry.target?.label ?? null },
        ip: ctx.meta.ip,
        requestId: ctx.meta.requestId,
        details: crowded ? { ...entry.details, manyTargets: true } : (entry.details ?? {}),
      },
      crowded ? `${source}|*` : specific,
    );
  });
}

/** The refusals worth an audit row when they reach a signed-in caller, by error code. */
const REFUSED: Partial<Record<ErrorCode, AuditTypeName>> = {
  forbidden: AuditType.accessDenied,
  csrf_token_invalid: AuditType.accessDenied,
  target_outranks_actor: AuditType.accessDenied,
  totp_enrollment_required: AuditType.accessDenied,
  claim_sms_daily_limit: AuditType.smsRefused,
  claim_email_daily_limit: AuditType.emailRefused,
  email_capacity_reached: AuditType.emailRefused,
  sms_capacity_reached: AuditType.smsRefused,
  phone_country_not_allowed: AuditType.smsRefused,
  phone_account_daily_limit: AuditType.smsRefused,
};

/** A recorder of refused errors for one acting context, for loops that refuse item by item. */
export function refusalRecorder(deps: { db: Db; clock: Clock }, ctx: ActingContext) {
  return (error: AppError, targetId: string) =>
    recordRefusedError(deps.db, deps.clock, ctx, error, { target: { id: targetId, label: null } });
}

/** Records an error as a refusal if it is one (a 403, a refused SMS); other errors are not events. */
export async function recordRefusedError(
  db: Db,
  clock: Clock,
  ctx: ActingContext,
  error: AppError,
  facts: { target?: { id: string | null; label: string | null }; route?: string } = {},
): Promise<void> {
  const type = REFUSED[error.code];
  if (!type) return;
  await recordRefusal(db, clock, ctx, {
    type,
    ...(facts.target ? { target: facts.target } : {}),
    details: { code: error.code, ...(facts.route ? { route: facts.route } : {}) },
  });
}
