import type { Medium } from '../storage/schema.js';

/** One message handed to a sender: a text (no subject) or an email. */
export interface OutgoingMessage {
  id: string;
  to: string;
  /** Emails only. */
  subject: string | null;
  body: string;
  /** The language it is written in, for an email's lang and Content-Language. */
  locale?: string | undefined;
  /** Seconds the message stays worth delivering; senders that can, drop it after. */
  validForSeconds: number;
}

export type SendResult =
  | { ok: true; providerMessageId: string; delivered?: boolean }
  | { ok: false; permanent: boolean; code: string; message: string };

/** What the dispatcher hands messages to: an SMS provider or a mail transport. */
export interface Sender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

export type Senders = Readonly<Record<Medium, Sender>>;
