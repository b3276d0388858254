import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { MailConfig } from '../config.js';
import type { OutgoingMessage, SendResult } from '../outbox/sender.js';
import { htmlOf } from './html.js';
import type { Mailer } from './mailer.js';

type SmtpConfig = Extract<MailConfig, { transport: 'smtp' }>;

/**
 * Headers of a transactional email: mail it answers automatically (out-of-office replies) stays
 * away, and there is deliberately no List-Unsubscribe: a worker cannot opt out of the link that
 * lets them into their own account.
 */
const TRANSACTIONAL_HEADERS = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

/**
 * An SMTP refusal in the 500s is about this message (a bad address): retrying will not help. A
 * refused login (535) is the exception: it is about Muster's settings, and every email would fail
 * alike, so they wait to be retried once the operator fixes MUSTER_SMTP_URL.
 */
function failureOf(error: unknown): SendResult {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const permanent =
    e.code !== 'EAUTH' && typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return {
    ok: false,
    permanent,
    code: e.responseCode ? `smtp_${e.responseCode}` : (e.code ?? 'smtp_error').toLowerCase(),
    message: e.message ?? 'The mail server refused the message.',
  };
}

/** Sends through the SMTP server of MUSTER_SMTP_URL, over a small pool of connections. */
export function createSmtpMailer(config: SmtpConfig): Mailer {
  // Loaded only where mail goes over SMTP: a server printing mail to its console never needs it.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    requireTLS: config.tls === 'starttls',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    name: 'smtp',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const subject = message.subject ?? '';
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject,
          text: message.body,
          html: htmlOf(subject, message.body, message.locale, config.linkOrigin),
          headers: {
            ...TRANSACTIONAL_HEADERS,
            ...(message.locale ? { 'Content-Language': message.locale } : {}),
          },
        });
        return { ok: true, providerMessageId: info.messageId };
      } catch (error) {
        return failureOf(error);
      }
    },
    close: async () => transport.close(),
  };
}
