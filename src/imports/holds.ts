import type { Hold } from '../onboarding/limits-met.js';
import type { RowOutcome } from './job.js';

/** A line held back until a limit resets: pending, taken again then by itself. */
export function deferred(line: number, { at, error }: Hold): RowOutcome {
  return { line, status: 'pending', notBefore: at, code: error.code, message: error.message };
}
