import type { OutgoingMessage, SendResult } from '../outbox/sender.js';
import type { DevMail, Mailer } from './mailer.js';
import { maskEmail } from './mask.js';

const INBOX_SIZE = 200;

/**
 * Development mailer: prints each email and keeps the latest in memory for the development
 * inbox, so the embedded default needs no mail server. It exists only while MUSTER_SMTP_URL is
 * unset, when no email reaches anyone.
 */
/**
 * `printBodies` is true only while the server's address is local: on a public address an email's
 * claim or reset link printed to the log would let whoever reads the log take the account (R32).
 */
export function createConsoleMailer(
  print: (line: string) => void,
  now: () => Date,
  printBodies: boolean,
): Mailer {
  const entries: DevMail[] = [];
  return {
    name: 'console',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const subject = message.subject ?? '';
      entries.unshift({
        id: message.id,
        to: message.to,
        subject,
        body: message.body,
        at: now().toISOString(),
      });
      entries.length = Math.min(entries.length, INBOX_SIZE);
      print(
        printBodies
          ? `Email to ${message.to}: ${subject}\n${message.body}`
          : `Email to ${maskEmail(message.to)} not sent: MUSTER_SMTP_URL is not set (its link is not printed).`,
      );
      return { ok: true, providerMessageId: `console-${message.id}`, delivered: true };
    },
    inbox: () => entries,
    close: async () => {},
  };
}
