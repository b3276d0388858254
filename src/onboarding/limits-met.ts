import type { AppError } from '../errors.js';

/** A daily limit met while adding many people: later people it would stop wait until `at`. */
export interface Hold {
  at: string;
  error: AppError;
}

/** The limits met so far (R6, R34): new phone accounts, and texts. */
export interface Holds {
  phoneUntil: Hold | null;
  smsUntil: Hold | null;
}

export const NO_HOLDS: Holds = { phoneUntil: null, smsUntil: null };

/** When a limit's refusal says it resets. */
export function untilOf(error: AppError, now: Date): string {
  if (typeof error.extra.resetsAt === 'string') return error.extra.resetsAt;
  return new Date(now.getTime() + (error.extra.retryAfterSeconds ?? 3600) * 1000).toISOString();
}
