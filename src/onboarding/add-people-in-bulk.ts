import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { emailsVerifiedElsewhere } from '../domains/domains.store.js';
import type { AppError } from '../errors.js';
import { claimMessageRefusals, phoneAccountAllowance } from '../limits/limits.service.js';
import { type EmailBudgetGrant, takeEmailBudgetUpTo } from '../mail/budget.js';
import { findExistingIds, findTakenLogins } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { type SmsBudgetGrant, takeSmsBudgetUpTo } from '../sms/budget.js';
import { capabilitiesOf, type Executor, type Tx } from '../storage/db.js';
import {
  addressKey,
  type Candidate,
  candidatesOf,
  checkAlone,
  holdOverSmsBudget,
  inOrder,
  type NewLine,
  type Reads,
  type Result,
  refuseOverEmailBudget,
  type Verdict,
} from './bulk-verdicts.js';
import { NotInBulk, writeNewPeople } from './bulk-writes.js';
import { type Holds, NO_HOLDS } from './limits-met.js';

export interface BulkAdd {
  deps: Deps;
  ctx: ActingContext;
  /** Where the people come from, as the audit log and the outbox name it ('import', 'batch'). */
  channel: string;
  /**
   * What a daily limit met does to the lines it stops (R6, R34): an import holds them back, to
   * add them by itself when the limit resets; anyone else asked for each line's own answer, which
   * only one by one gives exactly, so nothing is done and NotInBulk is thrown.
   */
  limitsMet: 'hold' | 'one-by-one';
  /** The caller has looked every login up already (an import), so they are not read again. */
  loginsLookedUp?: boolean;
}

/** Records what became of the lines, in the transaction that added them. */
export type RecordResults = (tx: Tx, results: readonly Result[]) => Promise<void>;

/**
 * Adds many new people in one transaction, with multi-row statements, exactly as addPersonIn
 * would line by line in order: one login (R1), the mobile-number gates and SMS countries (R34),
 * the daily limit on new phone accounts (R6), logins already taken, the claim-message limit per
 * number or address (R5), domains verified elsewhere (R20), the SMS and email budgets (R34),
 * managers of the community; each added person is invited (R3, R20) and audited (R36). Answers
 * each line's result, in order, and the limits met, for the lines after these.
 *
 * Throws, having changed nothing, when the writes do not go as the reads promised (a login taken
 * meanwhile, a limit reached by someone else): the caller applies the lines one by one.
 */
export async function addPeopleInBulk(
  adding: BulkAdd,
  lines: readonly NewLine[],
  holds: Holds,
  record?: RecordResults,
): Promise<{ results: Result[]; holds: Holds }> {
  const budgets = budgetsFor(adding.deps);
  try {
    return await adding.deps.db
      .transaction()
      .execute((tx) => addIn(tx, adding, { lines, holds, record, budgets }));
  } catch (error) {
    await budgets.giveBack();
    throw error;
  }
}

/**
 * The same in the caller's transaction, which will be rolled back: a dry run. Like a preview of
 * Add person, it neither takes nor holds the SMS and email budgets, every sender's rows, and wakes
 * no dispatcher; each line meets the daily limits as the lines before it left them.
 */
export async function previewInBulk(tx: Tx, adding: BulkAdd, lines: readonly NewLine[]): Promise<Result[]> {
  const budgets = { texts: grantAll, emails: grantAll, giveBack: async () => undefined };
  const { results } = await addIn(tx, adding, { lines, holds: NO_HOLDS, budgets, preview: true });
  return results;
}

const grantAll = async (_tx: Tx, asked: readonly Candidate[]) => ({
  granted: asked.length,
  refusal: null,
});

type Budgets = ReturnType<typeof budgetsFor> | Pick<ReturnType<typeof budgetsFor>, 'texts' | 'emails'>;

async function addIn(
  tx: Tx,
  adding: BulkAdd,
  run: {
    lines: readonly NewLine[];
    holds: Holds;
    budgets: Budgets;
    record?: RecordResults | undefined;
    preview?: boolean;
  },
): Promise<{ results: Result[]; holds: Holds }> {
  const { deps, ctx } = adding;
  const { lines, holds, budgets } = run;
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  const now = deps.clock.now();
  const checked = lines.map((line) => checkAlone(line, community));
  const phones = checked.some((c) => 'candidate' in c && c.candidate.login.kind === 'phone');
  const allowance = phones ? await phoneAccountAllowance(tx, deps, community) : null;
  const reads = await readForChecks(tx, deps, community, checked, adding.loginsLookedUp === true);
  const { verdicts, phoneLimit } = inOrder(lines, checked, reads, { holds, allowance, now });
  const texts = candidatesOf(verdicts).filter((c) => c.invite?.medium === 'sms');
  const smsLimit = holdOverSmsBudget(lines, verdicts, texts, await budgets.texts(tx, texts), now);
  const emails = candidatesOf(verdicts).filter((c) => c.invite?.medium === 'email');
  const emailGrant = await budgets.emails(tx, emails);
  if (adding.limitsMet === 'one-by-one' && (phoneLimit || smsLimit || emailGrant.refusal)) {
    throw new NotInBulk('A daily limit stops some of the lines.');
  }
  refuseOverEmailBudget(verdicts, emails, emailGrant);
  const added = candidatesOf(verdicts);
  await allowance?.spend(added.filter((c) => c.login.kind === 'phone').length);
  const writing = { deps, ctx, community, now, channel: adding.channel, preview: run.preview === true };
  const people = await writeNewPeople(tx, writing, added);
  const results = verdicts.map((v) => resultOf(v, people));
  await run.record?.(tx, results);
  // Lines held back for texts never reached the limit of new phone accounts.
  const phoneHeld = phoneLimit && !(smsLimit && smsLimit.index <= phoneLimit.index);
  return {
    results,
    holds: {
      phoneUntil: holds.phoneUntil ?? (phoneHeld ? phoneLimit.hold : null),
      smsUntil: holds.smsUntil ?? smsLimit?.hold ?? null,
    },
  };
}

function resultOf(verdict: Verdict, people: ReadonlyMap<Candidate, Person>): Result {
  if (!('candidate' in verdict)) return verdict;
  return { added: people.get(verdict.candidate) as Person };
}

/**
 * The SMS and email budgets of the lines (R34). They are every sender's rows: where writers run
 * side by side they are taken in short transactions of their own (see sms/budget.ts), and given
 * back if the lines do not commit; else in the lines' transaction, which gives them back by itself.
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
  checked: readonly Verdict[],
  loginsLookedUp: boolean,
): Promise<Reads> {
  const candidates = candidatesOf(checked);
  const managerIds = candidates.flatMap((c) => (c.input.managerId ? [c.input.managerId] : []));
  const managers = await findExistingIds(tx, community.id, managerIds);
  const loginsOf = (kind: 'phone' | 'email') =>
    candidates.flatMap((c) => (c.login.kind === kind ? [c.login.value] : []));
  const taken = loginsLookedUp
    ? new Set<string>()
    : await findTakenLogins(tx, community.id, { phones: loginsOf('phone'), emails: loginsOf('email') });
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
  return { managers, taken, elsewhere, claimRefusals };
}
