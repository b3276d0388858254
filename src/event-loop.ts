import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop turn, so that other requests are answered before the caller goes on. On
 * SQLite every statement is synchronous: work through many people, rows or pages that never let
 * the loop turn holds the whole server (every sign-in, page and health check) until it is done.
 * Called between items, outside any transaction: a request that needs the database still waits
 * for an open one.
 */
export function letOthersRun(): Promise<void> {
  return setImmediate();
}
