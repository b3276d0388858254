import type { Community } from '../communities/community.js';
import { AppError } from '../errors.js';
import { domainVerifiedElsewhere } from '../invitations/claim-message.js';
import type { ClaimAddress, PhoneAccountAllowance } from '../limits/limits.service.js';
import { loginOfNewPerson, nameOfNewPerson } from '../people/create-person.js';
import type { NormalisedLogin } from '../people/login.js';
import type { CreatePersonInput } from '../people/people.schemas.js';
import { managerNotFound } from '../people/profile.js';
import { deferred, type Hold, type Holds, untilOf } from './holds.js';
import type { ClaimedRow, RowOutcome } from './job.js';
import type { Plan } from './plan-row.js';

// The verdicts of a run of lines added in bulk, decided in memory from what the run read, in
// the order addPersonIn makes its checks line after line.

/** A line of a batch that adds a person, or whose outcome is already known. */
export interface BulkLine {
  row: ClaimedRow;
  plan: Exclude<Plan, { kind: 'update' }>;
}

/** A line that passed every check so far: it adds this person, and invites them at `invite`. */
export interface Candidate {
  line: number;
  plan: Extract<Plan, { kind: 'create' }>;
  displayName: string;
  login: NormalisedLogin;
  invite: ClaimAddress | null;
}

export type Verdict = { outcome: RowOutcome } | { candidate: Candidate };

/** What the checks after the daily limit need, read for all the lines at once. */
export interface Reads {
  /** Ids of the managers the lines name that are people of the community. */
  managers: ReadonlySet<string>;
  /** Addresses whose domain another community has verified (R20, R26). */
  elsewhere: ReadonlySet<string>;
  /** R5's refusal of each address (`sms:…`, `email:…`) that had today's claim messages. */
  claimRefusals: ReadonlyMap<string, AppError>;
}

export const addressKey = (address: ClaimAddress) => `${address.medium}:${address.to}`;

export const candidatesOf = (verdicts: readonly Verdict[]) =>
  verdicts.flatMap((v) => ('candidate' in v ? [v.candidate] : []));

function failed(line: number, error: AppError): RowOutcome {
  return { line, status: 'failed', code: error.code, message: error.message };
}

/**
 * The checks of one line that read nothing: its name and its login (R1, R21, R34's countries),
 * in the order addPersonIn makes them. Null for a line whose outcome is already known.
 */
export function checkAlone(line: BulkLine, community: Community): Verdict | null {
  if (line.plan.kind === 'done') return null;
  const { input } = line.plan;
  try {
    const displayName = nameOfNewPerson(input);
    const login = loginOfNewPerson(input, community, readWhenStored(line.row, input));
    const invite = inviteOf(input, login);
    return { candidate: { line: line.row.line, plan: line.plan, displayName, login, invite } };
  } catch (error) {
    if (error instanceof AppError) return { outcome: failed(line.row.line, error) };
    throw error;
  }
}

/**
 * The login a line's key already holds, where reading it again would give the same: a number
 * written with its country code was read as the file was stored, and reads the same now (the
 * community's default country plays no part). Reading numbers is the dearest check of a line.
 */
function readWhenStored(row: ClaimedRow, input: CreatePersonInput): NormalisedLogin | undefined {
  if (input.email !== undefined || !input.phone?.trim().startsWith('+')) return undefined;
  return row.loginKey?.startsWith('phone:')
    ? { kind: 'phone', value: row.loginKey.slice('phone:'.length) }
    : undefined;
}

/** Where the person's invitation goes, if they get one: phone and email accounts do (R3, R20). */
function inviteOf(input: CreatePersonInput, login: NormalisedLogin): ClaimAddress | null {
  if (login.kind === 'username' || input.sendInvitation === false) return null;
  return { medium: login.kind === 'phone' ? 'sms' : 'email', to: login.value };
}

/** The daily limit of new phone accounts met by a line of the run (R6): where, and until when. */
export interface LimitMet {
  index: number;
  hold: Hold;
}

/**
 * Each line's verdict in file order, as one by one: a limit met before it holds a phone line back
 * (the daily limit of new phone accounts, R6, or one an earlier run met); the checks that read
 * come after the line takes its place under the limit, and a line they refuse gives it back.
 */
export function inFileOrder(
  lines: readonly BulkLine[],
  checked: readonly (Verdict | null)[],
  reads: Reads,
  limits: { holds: Holds; sendInvitations: boolean; allowance: PhoneAccountAllowance | null; now: Date },
): { verdicts: Verdict[]; phoneLimit: LimitMet | null } {
  const { holds, sendInvitations, allowance, now } = limits;
  let phoneLeft = allowance?.left ?? 0;
  let phoneLimit: LimitMet | null = null;
  const verdicts: Verdict[] = [];
  for (const [index, line] of lines.entries()) {
    const check = checked[index];
    if (line.plan.kind === 'done' || !check) {
      verdicts.push({ outcome: (line.plan as { outcome: RowOutcome }).outcome });
      continue;
    }
    const hold = line.plan.phone
      ? (holds.phoneUntil ?? phoneLimit?.hold ?? (sendInvitations ? holds.smsUntil : null))
      : null;
    if (hold) verdicts.push({ outcome: deferred(line.row.line, hold) });
    else if ('outcome' in check) verdicts.push(check);
    else if (check.candidate.login.kind === 'phone' && phoneLeft <= 0 && allowance) {
      phoneLimit = { index, hold: { at: untilOf(allowance.refusal, now), error: allowance.refusal } };
      verdicts.push({ outcome: deferred(line.row.line, phoneLimit.hold) });
    } else {
      const refusal = laterRefusal(check.candidate, reads);
      if (refusal) verdicts.push({ outcome: failed(check.candidate.line, refusal) });
      else {
        if (check.candidate.login.kind === 'phone') phoneLeft -= 1;
        verdicts.push(check);
      }
    }
  }
  return { verdicts, phoneLimit };
}

/** The refusal a line meets after taking its place under the daily limit, in addPersonIn's order. */
function laterRefusal(candidate: Candidate, reads: Reads): AppError | null {
  const managerId = candidate.plan.input.managerId;
  if (managerId && !reads.managers.has(managerId)) return managerNotFound();
  const invite = candidate.invite;
  if (!invite) return null;
  if (invite.medium === 'email' && reads.elsewhere.has(invite.to)) return domainVerifiedElsewhere(invite.to);
  return reads.claimRefusals.get(addressKey(invite)) ?? null;
}

/**
 * The SMS budget granted the first `granted` texts (R34): the line it stopped waits, and so does
 * every phone line after it, as one by one. Answers the hold, or null if every text was granted.
 */
export function holdOverSmsBudget(
  lines: readonly BulkLine[],
  verdicts: Verdict[],
  texts: readonly Candidate[],
  grant: { granted: number; refusal: AppError | null },
  now: Date,
): { index: number; hold: Hold } | null {
  const stopped = texts[grant.granted];
  if (!stopped || !grant.refusal) return null;
  const hold = { at: untilOf(grant.refusal, now), error: grant.refusal };
  const from = verdicts.findIndex((v) => 'candidate' in v && v.candidate === stopped);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as BulkLine;
    if (line.plan.kind === 'create' && line.plan.phone)
      verdicts[i] = { outcome: deferred(line.row.line, hold) };
  }
  return { index: from, hold };
}

/** The email budget granted the first `granted` emails: the rest are refused, as one by one (they do not wait). */
export function refuseOverEmailBudget(
  verdicts: Verdict[],
  emails: readonly Candidate[],
  grant: { granted: number; refusal: AppError | null },
) {
  const refusal = grant.refusal;
  if (!refusal) return;
  const over = new Set(emails.slice(grant.granted));
  for (const [i, verdict] of verdicts.entries()) {
    if ('candidate' in verdict && over.has(verdict.candidate))
      verdicts[i] = { outcome: failed(verdict.candidate.line, refusal) };
  }
}
