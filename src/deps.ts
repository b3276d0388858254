import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Secrets } from './crypto/secrets.js';
import type { Mailer } from './mail/mailer.js';
import type { OutboxSignal } from './outbox/outbox-signal.js';
import type { SmsProvider } from './sms/providers/provider.js';
import type { Db } from './storage/db.js';
import type { Throttle } from './throttle/throttle.js';

/**
 * What the features need from the outside world; built once in main.ts, or per test. The
 * platform slices below the features (storage, sms, throttle, audit) never see it: they take
 * the narrow parts they use.
 */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  /** The provider the dispatcher hands texts to (and, for console, the development inbox). */
  sms: SmsProvider;
  /** What the dispatcher hands emails to (and, for the console, the development inbox). */
  mail: Mailer;
  /** Wakes this process's dispatcher when a message is queued. */
  outbox: OutboxSignal;
  /** Where guessing throttles keep their counters (R33). */
  throttle: Throttle;
  /** Seals and keys what the server's secret key protects (TOTP secrets, backup codes). */
  secrets: Secrets;
}
