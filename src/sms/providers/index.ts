import { type Config, isLocalUrl } from '../../config.js';
import { type ConsoleProvider, createConsoleProvider } from './console.js';
import type { SmsProvider } from './provider.js';
import { createTwilioProvider } from './twilio.js';
import { createWebhookProvider } from './webhook.js';

export type { SmsProvider } from './provider.js';

/** The provider MUSTER_SMS_PROVIDER names (R51). */
export function createSmsProvider(
  config: Config,
  now: () => Date,
  print: (line: string) => void,
): SmsProvider {
  const sms = config.sms;
  switch (sms.provider) {
    case 'console':
      return createConsoleProvider(print, now, isLocalUrl(config.publicUrl));
    case 'twilio':
      return createTwilioProvider({
        ...sms,
        statusCallbackUrl: `${config.publicUrl}/api/v1/sms/twilio/status`,
      });
    case 'webhook':
      return createWebhookProvider(sms, now);
  }
}

export function isConsoleProvider(provider: SmsProvider): provider is ConsoleProvider {
  return provider.name === 'console' && 'inbox' in provider;
}
