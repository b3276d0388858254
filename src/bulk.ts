import { AppError } from './errors.js';
import { letOthersRun } from './event-loop.js';

export interface BulkOutcome {
  id: string;
  status: 'done' | 'error';
  code?: string;
  message?: string;
}

/**
 * Runs one action per person, each in its own transaction: one refusal loses nothing else.
 * `onRefused` hears each refusal once its transaction is over (to record it, R36).
 */
export async function forEachPerson(
  ids: readonly string[],
  action: (id: string) => Promise<unknown>,
  onRefused?: (error: AppError, id: string) => Promise<void>,
): Promise<{ results: BulkOutcome[]; done: number; failed: number }> {
  const results: BulkOutcome[] = [];
  for (const [index, id] of ids.entries()) {
    if (index > 0) await letOthersRun();
    try {
      await action(id);
      results.push({ id, status: 'done' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, status: 'error', code: error.code, message: error.message });
      await onRefused?.(error, id);
    }
  }
  const done = results.filter((r) => r.status === 'done').length;
  return { results, done, failed: results.length - done };
}
