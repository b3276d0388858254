import type { AppError } from '../errors.js';
import type { RowOutcome } from './job.js';

/** A daily limit met while applying a batch: later lines it would stop wait until `at`. */
export interface Hold {
  at: string;
  error: AppError;
}

/** The limits met so far in a batch (R6, R34): new phone accounts, and texts. */
export interface Holds {
  phoneUntil: Hold | null;
  smsUntil: Hold | null;
}

/** When a limit's refusal says it resets. */
export function untilOf(error: AppError, now: Date): string {
  if (typeof error.extra.resetsAt === 'string') return error.extra.resetsAt;
  return new Date(now.getTime() + (error.extra.retryAfterSeconds ?? 3600) * 1000).toISOString();
}

/** A line held back until a limit resets: pending, taken again then by itself. */
export function deferred(line: number, { at, error }: Hold): RowOutcome {
  return { line, status: 'pending', notBefore: at, code: error.code, message: error.message };
}
