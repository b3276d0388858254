import type { Community } from '../communities/community.js';
import { AppError } from '../errors.js';
import { domainVerifiedElsewhere } from '../invitations/claim-message.js';
import type { ClaimAddress, PhoneAccountAllowance } from '../limits/limits.service.js';
import { loginOfNewPerson, nameOfNewPerson } from '../people/create-person.js';
import { loginTaken } from '../people/guards.js';
import type { NormalisedLogin } from '../people/login.js';
import type { CreatePersonInput } from '../people/people.schemas.js';
import type { Person } from '../people/person.js';
import { managerNotFound } from '../people/profile.js';
import { type Hold, type Holds, untilOf } from './limits-met.js';

// The verdicts of many people added at once, decided in memory from what was read for all of
// them, in the order addPersonIn makes its checks person after person.

/** One person of a bulk add: Add person's input, and the login if the caller has read it already. */
export interface NewLine {
  input: CreatePersonInput;
  /** Reading a number is the dearest check: a caller that has read it passes the reading. */
  login?: NormalisedLogin | undefined;
}

/** A person who passed every check so far: they are added, and invited at `invite`. */
export interface Candidate {
  input: CreatePersonInput;
  displayName: string;
  login: NormalisedLogin;
  invite: ClaimAddress | null;
}

/** What becomes of a line: refused, held back by a daily limit met (R6, R34), or added. */
export type Verdict = { refused: AppError } | { held: Hold } | { candidate: Candidate };
export type Result = { refused: AppError } | { held: Hold } | { added: Person };

/** What the checks after the daily limit need, read for all the lines at once. */
export interface Reads {
  /** Ids of the managers the lines name that are people of the community. */
  managers: ReadonlySet<string>;
  /** Logins (`phone:…`, `email:…`) someone of the community already has. */
  taken: ReadonlySet<string>;
  /** Addresses whose domain another community has verified (R20, R26). */
  elsewhere: ReadonlySet<string>;
  /** R5's refusal of each address (`sms:…`, `email:…`) that had today's claim messages. */
  claimRefusals: ReadonlyMap<string, AppError>;
}

export const addressKey = (address: ClaimAddress) => `${address.medium}:${address.to}`;
/** A number or address, as the unique indexes compare them; null for an access-code account, named later. */
const loginKey = (login: NormalisedLogin) =>
  login.kind === 'username' ? null : `${login.kind}:${login.value}`;

export const candidatesOf = (verdicts: readonly Verdict[]) =>
  verdicts.flatMap((v) => ('candidate' in v ? [v.candidate] : []));

/** A line that would add a phone account, as far as its input tells: the lines a limit holds. */
const wouldAddPhone = (input: CreatePersonInput) => input.email === undefined && input.phone !== undefined;

/** The checks of one line that read nothing: its name and its login (R1, R21, R34's countries). */
export function checkAlone(line: NewLine, community: Community): Verdict {
  const { input } = line;
  try {
    const displayName = nameOfNewPerson(input);
    const login = loginOfNewPerson(input, community, line.login);
    return { candidate: { input, displayName, login, invite: inviteOf(input, login) } };
  } catch (error) {
    if (error instanceof AppError) return { refused: error };
    throw error;
  }
}

/** Where the person's invitation goes, if they get one: phone and email accounts do (R3, R20). */
function inviteOf(input: CreatePersonInput, login: NormalisedLogin): ClaimAddress | null {
  if (login.kind === 'username' || input.sendInvitation === false) return null;
  return { medium: login.kind === 'phone' ? 'sms' : 'email', to: login.value };
}

/** The daily limit of new phone accounts met by a line (R6): where, and until when. */
export interface LimitMet {
  index: number;
  hold: Hold;
}

/**
 * Each line's verdict in order, as one by one: a limit met before it holds a phone line back
 * (the daily limit of new phone accounts, R6, or one met earlier); the checks that read come
 * after the line takes its place under the limit, and a line they refuse gives it back.
 */
export function inOrder(
  lines: readonly NewLine[],
  checked: readonly Verdict[],
  reads: Reads,
  limits: { holds: Holds; allowance: PhoneAccountAllowance | null; now: Date },
): { verdicts: Verdict[]; phoneLimit: LimitMet | null } {
  const { holds, allowance, now } = limits;
  let phoneLeft = allowance?.left ?? 0;
  let phoneLimit: LimitMet | null = null;
  // Logins of the lines added so far: a later line with one clashes, as its insert would.
  const added = new Set<string>();
  const verdicts: Verdict[] = [];
  for (const [index, line] of lines.entries()) {
    const check = checked[index] as Verdict;
    const texted = line.input.sendInvitation !== false;
    const hold = wouldAddPhone(line.input)
      ? (holds.phoneUntil ?? phoneLimit?.hold ?? (texted ? holds.smsUntil : null))
      : null;
    if (hold) verdicts.push({ held: hold });
    else if (!('candidate' in check)) verdicts.push(check);
    else if (check.candidate.login.kind === 'phone' && phoneLeft <= 0 && allowance) {
      phoneLimit = { index, hold: { at: untilOf(allowance.refusal, now), error: allowance.refusal } };
      verdicts.push({ held: phoneLimit.hold });
    } else {
      const refusal = laterRefusal(check.candidate, reads, added);
      if (refusal) verdicts.push({ refused: refusal });
      else {
        if (check.candidate.login.kind === 'phone') phoneLeft -= 1;
        const login = loginKey(check.candidate.login);
        if (login) added.add(login);
        verdicts.push(check);
      }
    }
  }
  return { verdicts, phoneLimit };
}

/** The refusal a line meets after taking its place under the daily limit, in addPersonIn's order. */
function laterRefusal(candidate: Candidate, reads: Reads, added: ReadonlySet<string>): AppError | null {
  const managerId = candidate.input.managerId;
  if (managerId && !reads.managers.has(managerId)) return managerNotFound();
  const login = loginKey(candidate.login);
  if (login && (reads.taken.has(login) || added.has(login))) return loginTaken(candidate.login.kind);
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
  lines: readonly NewLine[],
  verdicts: Verdict[],
  texts: readonly Candidate[],
  grant: { granted: number; refusal: AppError | null },
  now: Date,
): LimitMet | null {
  const stopped = texts[grant.granted];
  if (!stopped || !grant.refusal) return null;
  const hold = { at: untilOf(grant.refusal, now), error: grant.refusal };
  const from = verdicts.findIndex((v) => 'candidate' in v && v.candidate === stopped);
  for (let i = from; i < lines.length; i++) {
    if (wouldAddPhone((lines[i] as NewLine).input)) verdicts[i] = { held: hold };
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
    if ('candidate' in verdict && over.has(verdict.candidate)) verdicts[i] = { refused: refusal };
  }
}
