import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but loadConfig succeeded');
}

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});
    // toMatchObject: later features add settings of their own; these defaults must hold.
    expect(config).toMatchObject({
      databaseUrl: 'sqlite:./data/muster.db',
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      logLevel: 'info',
      trustProxy: false,
      bodyLimitBytes: 1_048_576,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ MUSTER_DATABASE_URL: '', PORT: '', MUSTER_PUBLIC_URL: undefined });
    expect(config.databaseUrl).toBe('sqlite:./data/muster.db');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('derives the default public URL from PORT', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('turns on secure cookies for an https public URL', () => {
    const config = loadConfig({ MUSTER_PUBLIC_URL: 'https://muster.example.com' });
    expect(config.publicUrl).toBe('https://muster.example.com');
    expect(config.secureCookies).toBe(true);
  });

  it('keeps secure cookies off for an http public URL', () => {
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'http://muster.internal:8080' }).secureCookies).toBe(false);
  });

  it('strips trailing slashes from the public URL', () => {
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'https://muster.example.com/' }).publicUrl).toBe(
      'https://muster.example.com',
    );
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'https://example.com/muster//' }).publicUrl).toBe(
      'https://example.com/muster',
    );
  });

  it('accepts PostgreSQL URLs and parses flags and numbers', () => {
    const config = loadConfig({
      MUSTER_DATABASE_URL: 'postgres://muster@db:5432/muster',
      MUSTER_TRUST_PROXY: 'yes',
      MUSTER_BODY_LIMIT_BYTES: '2048',
      MUSTER_LOG_LEVEL: 'warn',
    });
    expect(config.databaseUrl).toBe('postgres://muster@db:5432/muster');
    expect(config.trustProxy).toBe(true);
    expect(loadConfig({ MUSTER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ MUSTER_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
    expect(config.bodyLimitBytes).toBe(2048);
    expect(config.logLevel).toBe('warn');
  });

  it('reports every bad variable in one ConfigError', () => {
    const error = configErrorOf(() =>
      loadConfig({
        MUSTER_DATABASE_URL: 'mysql://localhost/muster',
        PORT: 'eighty',
        MUSTER_PUBLIC_URL: 'ftp://muster.example.com',
        MUSTER_LOG_LEVEL: 'loud',
        MUSTER_TRUST_PROXY: 'maybe',
        MUSTER_BODY_LIMIT_BYTES: '10',
      }),
    );
    const variables = [
      'MUSTER_DATABASE_URL',
      'PORT',
      'MUSTER_PUBLIC_URL',
      'MUSTER_LOG_LEVEL',
      'MUSTER_TRUST_PROXY',
      'MUSTER_BODY_LIMIT_BYTES',
    ];
    expect(error.problems).toHaveLength(variables.length);
    for (const variable of variables) {
      expect(error.problems.some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
      expect(error.message).toContain(variable);
    }
    expect(error.message).toMatch(/^Muster cannot start/);
    expect(error.problems.find((p) => p.startsWith('MUSTER_DATABASE_URL:'))).toContain(
      'must start with sqlite: or postgres://',
    );
  });

  it('refuses an out-of-range port', () => {
    const error = configErrorOf(() => loadConfig({ PORT: '70000' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PORT:/);
  });

  it('turns the development inbox on by default only for console texts or emails on a local public URL (R32)', () => {
    expect(loadConfig({}).devInbox).toBe(true);
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'http://127.0.0.1:8080' }).devInbox).toBe(true);
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'http://[::1]:3000' }).devInbox).toBe(true);
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'https://muster.example.com' }).devInbox).toBe(false);
    expect(loadConfig({ MUSTER_PUBLIC_URL: 'http://10.0.0.5:3000' }).devInbox).toBe(false);
    expect(
      loadConfig({
        MUSTER_SMS_PROVIDER: 'webhook',
        MUSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/send',
        MUSTER_SMS_WEBHOOK_SECRET: 'a-webhook-secret-of-length',
      }).devInbox,
    ).toBe(true);
    expect(
      loadConfig({
        MUSTER_SMS_PROVIDER: 'webhook',
        MUSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/send',
        MUSTER_SMS_WEBHOOK_SECRET: 'a-webhook-secret-of-length',
        MUSTER_SMTP_URL: 'smtp://mail.example.com',
      }).devInbox,
    ).toBe(false);
  });

  it('lets MUSTER_DEV_INBOX=0 turn the development inbox off, and 1 turn it on on a local URL (R32)', () => {
    expect(loadConfig({ MUSTER_DEV_INBOX: '0' }).devInbox).toBe(false);
    expect(
      loadConfig({ MUSTER_DEV_INBOX: '0', MUSTER_PUBLIC_URL: 'https://muster.example.com' }).devInbox,
    ).toBe(false);
    expect(loadConfig({ MUSTER_DEV_INBOX: '1' }).devInbox).toBe(true);
    expect(
      loadConfig({
        MUSTER_DEV_INBOX: '1',
        MUSTER_SMS_PROVIDER: 'webhook',
        MUSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/send',
        MUSTER_SMS_WEBHOOK_SECRET: 'a-webhook-secret-of-length',
      }).devInbox,
    ).toBe(true);
    expect(loadConfig({ MUSTER_DEV_INBOX: '' }).devInbox).toBe(true);
  });

  it('refuses MUSTER_DEV_INBOX=1 when the public URL is not this machine, with the other problems (R32)', () => {
    const error = configErrorOf(() =>
      loadConfig({ MUSTER_DEV_INBOX: '1', MUSTER_PUBLIC_URL: 'https://muster.example.com' }),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^MUSTER_DEV_INBOX:/);
    expect(error.problems[0]).toContain('MUSTER_PUBLIC_URL');
    const both = configErrorOf(() =>
      loadConfig({
        MUSTER_DEV_INBOX: '1',
        MUSTER_PUBLIC_URL: 'http://muster.internal',
        MUSTER_SMS_PROVIDER: 'twilio',
      }),
    );
    expect(both.problems.some((p) => p.startsWith('MUSTER_DEV_INBOX:'))).toBe(true);
    expect(both.problems.some((p) => p.startsWith('MUSTER_TWILIO_ACCOUNT_SID:'))).toBe(true);
  });

  it('accepts only 0 or 1 for MUSTER_DEV_INBOX', () => {
    for (const value of ['true', 'yes', '2', 'on']) {
      const error = configErrorOf(() => loadConfig({ MUSTER_DEV_INBOX: value }));
      expect(error.problems.map((p) => p.split(':')[0])).toEqual(['MUSTER_DEV_INBOX']);
    }
  });

  it('reads the /metrics scrape token, refusing a short one (R37)', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ MUSTER_METRICS_TOKEN: 'scrape-token-0123456789' }).metricsToken).toBe(
      'scrape-token-0123456789',
    );
    const error = configErrorOf(() => loadConfig({ MUSTER_METRICS_TOKEN: 'short' }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^MUSTER_METRICS_TOKEN: must be at least 16 characters/);
  });
});
