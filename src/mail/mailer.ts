import type { Sender } from '../outbox/sender.js';

/** An email the console mailer "sent", as the development inbox shows it. */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  at: string;
}

/** What sends email for the outbox: SMTP, or the console with its development inbox. */
export interface Mailer extends Sender {
  /** The latest emails, for the console mailer only. */
  inbox?: () => readonly DevMail[];
  close(): Promise<void>;
}
