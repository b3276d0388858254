import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  MUSTER_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/muster.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MUSTER_HOST: z.string().min(1).default('0.0.0.0'),
  MUSTER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MUSTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MUSTER_TRUST_PROXY: booleanFlag.default(false),
  MUSTER_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
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
  readonly trustProxy: boolean;
  readonly bodyLimitBytes: number;
}

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
  const publicUrl = (e.MUSTER_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    databaseUrl: e.MUSTER_DATABASE_URL,
    port: e.PORT,
    host: e.MUSTER_HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    logLevel: e.MUSTER_LOG_LEVEL,
    trustProxy: e.MUSTER_TRUST_PROXY,
    bodyLimitBytes: e.MUSTER_BODY_LIMIT_BYTES,
  });
}
