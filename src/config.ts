import { isIP } from 'node:net';
import { z } from 'zod';

const envSchema = z.object({
  MUSTER_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/muster.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MUSTER_HOST: z.string().min(1).default('0.0.0.0'),
  MUSTER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MUSTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MUSTER_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|yes|no|\d+|[0-9a-fA-F:.]+(\/\d+)?(\s*,\s*[0-9a-fA-F:.]+(\/\d+)?)*)$/,
      "must be false, true, a number of proxy hops, or the proxies' addresses (IPs or CIDRs, comma-separated)",
    )
    .default('false')
    .transform((value): boolean | number | string[] => {
      if (['true', 'false', 'yes', 'no'].includes(value)) return value === 'true' || value === 'yes';
      if (/^\d+$/.test(value)) return Number(value);
      return value.split(',').map((part) => part.trim());
    }),
  MUSTER_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  MUSTER_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(536_870_912),
  MUSTER_SMS_PROVIDER: z.enum(['console', 'twilio', 'webhook']).default('console'),
  MUSTER_TWILIO_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  MUSTER_TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be your Account SID: AC followed by 32 hex digits')
    .optional(),
  MUSTER_TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  MUSTER_TWILIO_FROM: z.string().min(1).optional(),
  MUSTER_TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID: MG followed by 32 hex digits')
    .optional(),
  MUSTER_SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  MUSTER_SMS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  MUSTER_DISPATCHER: z.enum(['inline', 'off']).default('inline'),
  MUSTER_CLAIM_SMS_PER_DAY: z.coerce.number().int().min(1).max(100).default(5),
  MUSTER_PHONE_ACCOUNTS_PER_DAY: z.coerce.number().int().min(0).default(100),
  MUSTER_PHONE_ACCOUNTS_PER_DAY_VERIFIED: z.coerce.number().int().min(0).default(5000),
  MUSTER_SMS_PER_HOUR: z.coerce.number().int().min(1).default(5000),
  MUSTER_SMS_PER_DAY: z.coerce.number().int().min(1).default(50_000),
  MUSTER_SMS_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(1).default(500),
  MUSTER_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(5000),
  MUSTER_EMAILS_PER_DAY: z.coerce.number().int().min(1).default(50_000),
  MUSTER_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 random bytes written as 64 hex characters (openssl rand -hex 32)')
    .optional(),
  MUSTER_SMTP_URL: z
    .url({
      protocol: /^(smtp|smtps|smtp\+starttls)$/,
      error: 'must be smtp://, smtp+starttls:// or smtps:// followed by user:password@host:port',
    })
    .optional(),
  MUSTER_MAIL_FROM: z.string().min(3).max(320).optional(),
  MUSTER_DEV_INBOX: z.enum(['0', '1']).optional(),
  MUSTER_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  MUSTER_AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(90, 'must be at least 90 days (R36)')
    .max(36_500)
    .default(400),
  MUSTER_DNS_SERVERS: z
    .string()
    .transform((value, ctx) => {
      const servers = dnsServerList(value);
      if (servers) return servers;
      ctx.addIssue({
        code: 'custom',
        message:
          'must be IP addresses with an optional port, comma-separated, such as 127.0.0.1:5353 or [2001:db8::53]:53',
      });
      return z.NEVER;
    })
    .optional(),
});

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  /** Where people reach Muster; links in messages start with it. No trailing slash. */
  readonly publicUrl: string;
  /** Cookies get Secure and the __Host- prefix when the public URL is https. */
  readonly secureCookies: boolean;
  readonly logLevel: z.infer<typeof envSchema>['MUSTER_LOG_LEVEL'];
  /**
   * Which X-Forwarded-For hops to believe for the client address (throttles, audit): false, the
   * number of proxies in front, or their addresses. `true` believes every hop, which a client
   * can forge, so prefer the others.
   */
  readonly trustProxy: boolean | number | string[];
  readonly bodyLimitBytes: number;
  /** The largest file an import (or a list of keys) may upload: it streams, so JSON's limit does not apply. */
  readonly importMaxBytes: number;
  readonly sms: SmsConfig;
  readonly mail: MailConfig;
  /** Whether the server process also drains the outbox (`off` when `muster dispatch` runs apart). */
  readonly dispatcher: 'inline' | 'off';
  /**
   * The key that seals secrets Muster must read back (TOTP secrets) and peppers the hashes of
   * others: 32 bytes. Null when unset; the embedded default then keeps a generated one beside its
   * database (see main.ts), and PostgreSQL deployments must set it.
   */
  readonly secretKey: Buffer | null;
  /** Whether the development inbox exists: texts and emails with links and codes, for this machine only. */
  readonly devInbox: boolean;
  /** The bearer token Prometheus sends to read /metrics; without one, only this machine may. */
  readonly metricsToken: string | null;
  /** How long audit events are kept before housekeeping prunes them (R36: at least 90 days). */
  readonly auditRetentionDays: number;
  /**
   * The DNS servers that domain verification asks (R26), as `node:dns` takes them (`1.2.3.4:53`,
   * `[::1]:53`); null for the system's resolvers.
   */
  readonly dnsServers: readonly string[] | null;
  readonly limits: {
    readonly claimSmsPerDay: number;
    readonly phoneAccountsPerDay: number;
    readonly phoneAccountsPerDayVerified: number;
    /** Deployment-wide texts per clock hour and per UTC day, across all communities (R34). */
    readonly smsPerHour: number;
    readonly smsPerDay: number;
    /** Texts per hour to numbers that differ only in their last four digits (R34). */
    readonly smsPerPrefixPerHour: number;
    /** Deployment-wide emails per clock hour and per UTC day: no tenant turns the server into a mail cannon. */
    readonly emailsPerHour: number;
    readonly emailsPerDay: number;
  };
}

type SmsConfig =
  | { readonly provider: 'console' }
  | {
      readonly provider: 'twilio';
      readonly apiBase: string;
      readonly accountSid: string;
      readonly authToken: string;
      readonly from: string | undefined;
      readonly messagingServiceSid: string | undefined;
    }
  | { readonly provider: 'webhook'; readonly url: string; readonly secret: string };

/**
 * How email leaves (R20): SMTP from MUSTER_SMTP_URL, or the console (and development inbox) when
 * it is unset. `smtp://` upgrades to TLS when the server offers it, `smtp+starttls://` insists on
 * it, `smtps://` speaks TLS from the first byte.
 */
export type MailConfig =
  | { readonly transport: 'console'; readonly from: string; readonly linkOrigin: string }
  | {
      readonly transport: 'smtp';
      readonly from: string;
      /** Only links to this origin (MUSTER_PUBLIC_URL) are made clickable in an email's HTML. */
      readonly linkOrigin: string;
      readonly host: string;
      readonly port: number;
      readonly tls: 'opportunistic' | 'starttls' | 'implicit';
      readonly user: string | undefined;
      readonly password: string | undefined;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Muster cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once, reporting every problem together, and freezes the result. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const sms = smsConfig(e, problems);
  const publicUrl = (e.MUSTER_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const mail = mailConfig(e, publicUrl);
  // The inbox shows every claim link and code: on by default only for the embedded walk-through
  // (console texts, served on this machine), and never on a server others reach by its URL.
  if (e.MUSTER_DEV_INBOX === '1' && !isLocalUrl(publicUrl)) {
    problems.push(
      'MUSTER_DEV_INBOX: the development inbox shows every claim link and recovery code, so it can only be turned on when MUSTER_PUBLIC_URL is this machine (localhost)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    databaseUrl: e.MUSTER_DATABASE_URL,
    port: e.PORT,
    host: e.MUSTER_HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    logLevel: e.MUSTER_LOG_LEVEL,
    trustProxy: e.MUSTER_TRUST_PROXY,
    bodyLimitBytes: e.MUSTER_BODY_LIMIT_BYTES,
    importMaxBytes: e.MUSTER_IMPORT_MAX_BYTES,
    sms,
    mail,
    dispatcher: e.MUSTER_DISPATCHER,
    secretKey: e.MUSTER_SECRET_KEY ? Buffer.from(e.MUSTER_SECRET_KEY, 'hex') : null,
    devInbox:
      e.MUSTER_DEV_INBOX === undefined
        ? (sms.provider === 'console' || mail.transport === 'console') && isLocalUrl(publicUrl)
        : e.MUSTER_DEV_INBOX === '1',
    metricsToken: e.MUSTER_METRICS_TOKEN ?? null,
    auditRetentionDays: e.MUSTER_AUDIT_RETENTION_DAYS,
    dnsServers: e.MUSTER_DNS_SERVERS ? Object.freeze(e.MUSTER_DNS_SERVERS) : null,
    limits: Object.freeze({
      claimSmsPerDay: e.MUSTER_CLAIM_SMS_PER_DAY,
      phoneAccountsPerDay: e.MUSTER_PHONE_ACCOUNTS_PER_DAY,
      phoneAccountsPerDayVerified: e.MUSTER_PHONE_ACCOUNTS_PER_DAY_VERIFIED,
      smsPerHour: e.MUSTER_SMS_PER_HOUR,
      smsPerDay: e.MUSTER_SMS_PER_DAY,
      smsPerPrefixPerHour: e.MUSTER_SMS_PER_PREFIX_PER_HOUR,
      emailsPerHour: e.MUSTER_EMAILS_PER_HOUR,
      emailsPerDay: e.MUSTER_EMAILS_PER_DAY,
    }),
  });
}

/** One variable picks the provider; each provider's own variables are then required. */
function smsConfig(e: z.infer<typeof envSchema>, problems: string[]): SmsConfig {
  switch (e.MUSTER_SMS_PROVIDER) {
    case 'console':
      return { provider: 'console' };
    case 'twilio': {
      if (!e.MUSTER_TWILIO_ACCOUNT_SID)
        problems.push('MUSTER_TWILIO_ACCOUNT_SID: required when MUSTER_SMS_PROVIDER=twilio');
      if (!e.MUSTER_TWILIO_AUTH_TOKEN)
        problems.push('MUSTER_TWILIO_AUTH_TOKEN: required when MUSTER_SMS_PROVIDER=twilio');
      if (!e.MUSTER_TWILIO_FROM && !e.MUSTER_TWILIO_MESSAGING_SERVICE_SID) {
        problems.push(
          'MUSTER_TWILIO_FROM or MUSTER_TWILIO_MESSAGING_SERVICE_SID: one is required with Twilio',
        );
      }
      return {
        provider: 'twilio',
        apiBase: e.MUSTER_TWILIO_API_BASE.replace(/\/+$/, ''),
        accountSid: e.MUSTER_TWILIO_ACCOUNT_SID ?? '',
        authToken: e.MUSTER_TWILIO_AUTH_TOKEN ?? '',
        from: e.MUSTER_TWILIO_FROM,
        messagingServiceSid: e.MUSTER_TWILIO_MESSAGING_SERVICE_SID,
      };
    }
    case 'webhook':
      if (!e.MUSTER_SMS_WEBHOOK_URL)
        problems.push('MUSTER_SMS_WEBHOOK_URL: required when MUSTER_SMS_PROVIDER=webhook');
      if (!e.MUSTER_SMS_WEBHOOK_SECRET)
        problems.push('MUSTER_SMS_WEBHOOK_SECRET: required when MUSTER_SMS_PROVIDER=webhook');
      return {
        provider: 'webhook',
        url: e.MUSTER_SMS_WEBHOOK_URL ?? '',
        secret: e.MUSTER_SMS_WEBHOOK_SECRET ?? '',
      };
  }
}

function mailConfig(e: z.infer<typeof envSchema>, publicUrl: string): MailConfig {
  const from = e.MUSTER_MAIL_FROM ?? `Muster <no-reply@${new URL(publicUrl).hostname}>`;
  const linkOrigin = new URL(publicUrl).origin;
  if (!e.MUSTER_SMTP_URL) return { transport: 'console', from, linkOrigin };
  const url = new URL(e.MUSTER_SMTP_URL);
  const scheme = url.protocol.slice(0, -1);
  const tls = scheme === 'smtps' ? 'implicit' : scheme === 'smtp+starttls' ? 'starttls' : 'opportunistic';
  return {
    transport: 'smtp',
    from,
    linkOrigin,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : tls === 'implicit' ? 465 : 587,
    tls,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/**
 * `127.0.0.1:5353, 8.8.8.8, [2001:db8::53]:53, 2001:db8::1` as `node:dns` setServers takes it, or
 * null if any entry is not an IP address with an optional port (host names would need DNS to find
 * DNS).
 */
function dnsServerList(value: string): string[] | null {
  const servers: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(entry);
    const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(entry);
    const [address, port] = bracketed
      ? [bracketed[1] ?? '', bracketed[2]]
      : v4
        ? [v4[1] ?? '', v4[2]]
        : [entry, undefined];
    const family = isIP(address);
    if (family === 0 || (bracketed && family !== 6)) return null;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return null;
    servers.push(port === undefined ? address : `${family === 6 ? `[${address}]` : address}:${port}`);
  }
  return servers.length > 0 ? servers : null;
}

/** True for http://localhost, 127.x.x.x and [::1]: a server nobody else reaches by its public URL. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
