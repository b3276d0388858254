/** PostgreSQL's answer to the victim of a deadlock (SQLite has one writer and never deadlocks). */
const DEADLOCK_DETECTED = '40P01';

/**
 * Runs a write that stands alone (one statement, or a whole transaction) again when PostgreSQL
 * chose it as a deadlock's victim. Parallel sign-ins to one account lock the same throttle rows
 * from statements whose lock order PostgreSQL does not promise (a WITH of several writes runs
 * them in any order), so a busy server can meet a deadlock now and then; the victim changed
 * nothing, and running it again is the documented remedy. Never wrap a statement inside a larger
 * transaction: that transaction is already aborted.
 */
export async function retryOnDeadlock<T>(write: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= tries || (error as { code?: string })?.code !== DEADLOCK_DETECTED) throw error;
    }
  }
}
