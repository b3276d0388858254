import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { SmsProvider } from './sms/providers/provider.js';
import type { Db, DialectName } from './storage/db.js';
import type { Role } from './storage/schema.js';
import type { Throttle } from './throttle/throttle.js';

/** What services need from the outside world; built once in main.ts, or per test. */
export interface Deps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: Config;
  /** The provider the dispatcher hands texts to (and, for console, the development inbox). */
  sms: SmsProvider;
  /** Where guessing throttles keep their counters (R33). */
  throttle: Throttle;
}

export interface Actor {
  id: string;
  label: string;
  role: Role;
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

/** Who is acting, in which community, from where: every service call that changes data gets one. */
export interface ActingContext {
  communityId: string;
  actor: Actor | null;
  meta: RequestMeta;
}
