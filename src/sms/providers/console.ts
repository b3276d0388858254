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

export function createConsoleProvider(print: (line: string) => void, now: () => Date): ConsoleProvider {
  const entries: DevInboxEntry[] = [];
  return {
    name: 'console',
    async send(sms: OutgoingSms): Promise<SendResult> {
      entries.unshift({ id: sms.id, to: sms.to, body: sms.body, at: now().toISOString() });
      entries.length = Math.min(entries.length, INBOX_SIZE);
      print(`SMS to ${sms.to}: ${sms.body}`);
      return { ok: true, providerMessageId: `console-${sms.id}`, delivered: true };
    },
    inbox: () => entries,
  };
}
