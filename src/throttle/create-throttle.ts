import type { Clock } from '../clock.js';
import { capabilitiesOf, type Db } from '../storage/db.js';
import { createDatabaseThrottle } from './database-throttle.js';
import { createMemoryThrottle } from './memory-throttle.js';
import type { Throttle } from './throttle.js';

/**
 * The store for a deployment: the database when several processes may share it (PostgreSQL);
 * memory with the embedded SQLite, which is only ever opened by one server process.
 */
export function createThrottle(deps: { db: Db; clock: Clock }): Throttle {
  return capabilitiesOf(deps.db).concurrentWriters
    ? createDatabaseThrottle(deps.db, deps.clock)
    : createMemoryThrottle(deps.db, deps.clock);
}
