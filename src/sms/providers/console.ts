import { maskPhone } from '../../phone/phone.js';
import type { OutgoingSms, SendResult, SmsProvider } from './provider.js';

export interface DevInboxEntry {
  id: string;
  to: string;
  body: string;
  at: string;
}

/**
 * Development provider: prints each text and keeps the latest in memory for the development
 * inbox page, so a newcomer can walk the whole story without a phone. It exists only while
 * MUSTER_SMS_PROVIDER=console, which never reaches a real phone.
 */
export interface ConsoleProvider extends SmsProvider {
  inbox(): readonly DevInboxEntry[];
}

const INBOX_SIZE = 200;

/**
 * `printBodies` is true only while the server's address is local: on a public address a text's
 * claim link or code printed to the log would let whoever reads the log take the account (R32).
 */
export function createConsoleProvider(
  print: (line: string) => void,
  now: () => Date,
  printBodies: boolean,
): ConsoleProvider {
  const entries: DevInboxEntry[] = [];
  return {
    name: 'console',
    async send(sms: OutgoingSms): Promise<SendResult> {
      entries.unshift({ id: sms.id, to: sms.to, body: sms.body, at: now().toISOString() });
      entries.length = Math.min(entries.length, INBOX_SIZE);
      print(
        printBodies
          ? `SMS to ${sms.to}: ${sms.body}`
          : `SMS to ${maskPhone(sms.to)} not sent: MUSTER_SMS_PROVIDER is console (its text holds a link or a code, so it is not printed).`,
      );
      return { ok: true, providerMessageId: `console-${sms.id}`, delivered: true };
    },
    inbox: () => entries,
  };
}
