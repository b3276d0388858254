import { isLocalUrl, type MailConfig } from '../config.js';
import { createConsoleMailer } from './console-mailer.js';
import type { Mailer } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';

/** The mailer MUSTER_SMTP_URL asks for (R20): SMTP, or the console when it is unset. */
export function createMailer(config: MailConfig, now: () => Date, print: (line: string) => void): Mailer {
  return config.transport === 'smtp'
    ? createSmtpMailer(config)
    : createConsoleMailer(print, now, isLocalUrl(config.linkOrigin));
}
