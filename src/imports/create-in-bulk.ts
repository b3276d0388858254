import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { emailsVerifiedElsewhere } from '../domains/domains.store.js';
import type { AppError } from '../errors.js';
import { claimMessageRefusals, phoneAccountAllowance } from '../limits/limits.service.js';
import { type EmailBudgetGrant, takeEmailBudgetUpTo } from '../mail/budget.js';
import { type SmsBudgetGrant, takeSmsBudgetUpTo } from '../sms/budget.js';
import { capabilitiesOf, type Executor, type Tx } from '../storage/db.js';
import {
  addressKey,
  type BulkLine,
  type Candidate,
  candidatesOf,
  checkAlone,
  holdOverSmsBudget,
  inFileOrder,
  type Reads,
  refuseOverEmailBudget,
  type Verdict,
} from './bulk-verdicts.js';
import { writeNewPeople } from './bulk-writes.js';
import type { Holds } from './holds.js';
import type { ImportJob, RowOutcome } from './job.js';
import type { Record as RecordOutcomes } from './line-units.js';
import { findPeopleByIds } from './people-keys.store.js';

/**
 * Adds the new people of a run of lines in one transaction, with multi-row statements, exactly
 * as addPersonIn would line by line in file order: one login (R1), the mobile-number gates and
 * SMS countries (R34), the daily limit on new phone accounts with the lines over it held back
 * (R6), the claim-message limit per number or address (R5), domains verified elsewhere (R20),
 * the SMS and email budgets (R34, lines over the SMS budget held back), managers of the
 * community; each added person is invited (R3, R20) and audited (R36), and every line's outcome
 * is recorded with the change (R54). Answers the limits met, for the lines after the run.
 *
 * Throws, having changed nothing, when the writes do not go as the reads promised (a login
 * taken meanwhile, a limit reached by someone else): the caller applies the lines one by one.
 */
export async function createInBulk(
  { deps, ctx, job }: { deps: Deps; ctx: ActingContext; job: ImportJob },
  lines: readonly BulkLine[],
  holds: Holds,
  record: RecordOutcomes,
): Promise<Holds> {
  const budgets = budgetsFor(deps);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const community = await findCommunityOrThrow(tx, job.communityId);
      const now = deps.clock.now();
      const checked = lines.map((line) => checkAlone(line, community));
      const phones = checked.some((c) => c && 'candidate' in c && c.candidate.login.kind === 'phone');
      const allowance = phones ? await phoneAccountAllowance(tx, deps, community) : null;
      const reads = await readForChecks(tx, deps, community, checked);
      const { verdicts, phoneLimit } = inFileOrder(lines, checked, reads, {
        holds,
        sendInvitations: job.sendInvitations,
        allowance,
        now,
      });
      const texts = candidatesOf(verdicts).filter((c) => c.invite?.medium === 'sms');
      const smsLimit = holdOverSmsBudget(lines, verdicts, texts, await budgets.texts(tx, texts), now);
      const emails = candidatesOf(verdicts).filter((c) => c.invite?.medium === 'email');
      refuseOverEmailBudget(verdicts, emails, await budgets.emails(tx, emails));
      const adding = candidatesOf(verdicts);
      await allowance?.spend(adding.filter((c) => c.login.kind === 'phone').length);
      const added = await writeNewPeople(tx, { deps, ctx, community, now }, adding);
      await record(tx, outcomesOf(verdicts, added));
      // Lines held back for texts never reached the limit of new phone accounts.
      const phoneHeld = phoneLimit && !(smsLimit && smsLimit.index <= phoneLimit.index);
      return {
        phoneUntil: holds.phoneUntil ?? (phoneHeld ? phoneLimit.hold : null),
        smsUntil: holds.smsUntil ?? smsLimit?.hold ?? null,
      };
    });
  } catch (error) {
    await budgets.giveBack();
    throw error;
  }
}

/**
 * The SMS and email budgets of a run (R34). They are every sender's rows: where writers run side
 * by side they are taken in short transactions of their own (see sms/budget.ts), and given back
 * if the run does not commit; else in the run's transaction, which gives them back by itself.
 */
function budgetsFor(deps: Deps) {
  const apart = capabilitiesOf(deps.db).concurrentWriters;
  const take = <T>(tx: Tx, taking: (db: Executor) => Promise<T>) =>
    apart ? deps.db.transaction().execute(taking) : taking(tx);
  let sms: { grant: SmsBudgetGrant; numbers: string[] } | null = null;
  let email: EmailBudgetGrant | null = null;
  const none = { granted: 0, refusal: null };
  return {
    async texts(tx: Tx, texts: readonly Candidate[]) {
      if (texts.length === 0) return none;
      const numbers = texts.map((c) => c.invite?.to ?? '');
      const grant = await take(tx, (db) => takeSmsBudgetUpTo(db, deps, numbers));
      sms = { grant, numbers: numbers.slice(0, grant.granted) };
      return grant;
    },
    async emails(tx: Tx, emails: readonly Candidate[]) {
      if (emails.length === 0) return none;
      email = await take(tx, (db) => takeEmailBudgetUpTo(db, deps, emails.length));
      return email;
    },
    async giveBack() {
      if (!apart || (!sms && !email)) return;
      const [texts, emails] = [sms, email];
      await deps.db.transaction().execute(async (tx) => {
        await texts?.grant.giveBack(tx, texts.numbers);
        await emails?.giveBack(tx, emails.granted);
      });
    },
  };
}

/** What the checks after the daily limit read, for all the lines at once. */
async function readForChecks(
  tx: Tx,
  deps: Deps,
  community: Community,
  checked: readonly (Verdict | null)[],
): Promise<Reads> {
  const candidates = checked.flatMap((c) => (c && 'candidate' in c ? [c.candidate] : []));
  const managerIds = [
    ...new Set(candidates.flatMap((c) => (c.plan.input.managerId ? [c.plan.input.managerId] : []))),
  ];
  const managers = new Set((await findPeopleByIds(tx, community.id, managerIds)).map((p) => p.id));
  const invites = candidates.flatMap((c) => (c.invite ? [c.invite] : []));
  const emails = invites.filter((i) => i.medium === 'email').map((i) => i.to);
  const elsewhere =
    emails.length > 0 ? await emailsVerifiedElsewhere(tx, community.id, emails) : new Set<string>();
  const refusals = await claimMessageRefusals(tx, deps, community, invites);
  const claimRefusals = new Map<string, AppError>();
  for (const [i, invite] of invites.entries()) {
    const refusal = refusals[i];
    if (refusal) claimRefusals.set(addressKey(invite), refusal);
  }
  return { managers, elsewhere, claimRefusals };
}

function outcomesOf(
  verdicts: readonly Verdict[],
  added: ReadonlyMap<Candidate, { id: string }>,
): RowOutcome[] {
  return verdicts.map((verdict) =>
    'outcome' in verdict
      ? verdict.outcome
      : {
          line: verdict.candidate.line,
          status: 'created',
          personId: added.get(verdict.candidate)?.id ?? null,
          managerState: verdict.candidate.plan.managerState,
        },
  );
}
