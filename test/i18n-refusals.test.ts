import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../web/src/locale-choice.js';
import { formatMessage } from '../web/src/message-format.js';
import { en } from '../web/src/messages/en.js';
import { type CatalogueMessage, fieldMessage, type Refusal, refusalMessage } from '../web/src/refusals.js';

// R61: the refusals a worker meets read in the page's language, with the numbers the server put
// beside its English words; the rest keep the server's words (refusalMessage answers null).

type Catalogue = Record<string, string>;
const catalogues = Object.fromEntries(
  await Promise.all(
    LOCALES.map(async ({ code }): Promise<[string, Catalogue]> => {
      const module: Record<string, Catalogue> = await import(
        new URL(`../web/src/messages/${code}.ts`, import.meta.url).href
      );
      return [code, Object.values(module)[0] ?? {}];
    }),
  ),
) as Record<string, Catalogue>;

const INTL: Record<string, string> = { ar: 'ar-u-nu-latn' };
const isoDate = (iso: string) => iso.slice(0, 10);

function refusal(code: string, more: Partial<Refusal> = {}): Refusal {
  return { code, errors: [], retryAfterSeconds: null, extra: {}, ...more };
}

function say(language: string, message: CatalogueMessage | null): string | null {
  if (!message) return null;
  const text = catalogues[language]?.[message.key];
  if (text === undefined) throw new Error(`${language} has no ${message.key}`);
  return formatMessage(text, message.values ?? {}, INTL[language] ?? language);
}

const errorKeys = Object.keys(en).filter((key) => key.startsWith('error.'));
const serverCodes = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');

describe('refusals in the page’s language (R61)', () => {
  it('has words only for codes the server has', () => {
    const codes = errorKeys.map((key) => key.slice('error.'.length).split('.')[0] ?? '');
    expect(codes.filter((code) => code !== 'field' && !serverCodes.includes(`'${code}'`))).toEqual([]);
  });

  it('reaches every refusal message of the catalogue from a refusal the server sends', () => {
    const everything: Partial<Refusal> = {
      errors: [
        { path: 'username', message: 'x' },
        { path: 'totp', message: 'x' },
      ],
      extra: { minLength: 8, maxLength: 128, expiresAt: '2026-06-01T00:00:00.000Z', username: 'ana.silva' },
    };
    const reached = new Set<string>();
    for (const key of errorKeys.filter((k) => !k.startsWith('error.field.') && !k.includes('rate_limited'))) {
      const message = refusalMessage(refusal(key.slice('error.'.length), everything), isoDate);
      expect(message?.key, key).toBe(key);
      if (message) reached.add(message.key);
    }
    for (const seconds of [30, 600, 7200]) {
      reached.add(
        refusalMessage(refusal('rate_limited', { retryAfterSeconds: seconds }), isoDate)?.key ?? '',
      );
    }
    reached.add(refusalMessage(refusal('rate_limited', { extra: { dailyLimit: 5 } }), isoDate)?.key ?? '');
    const fields = ['password_too_short', 'password_too_long', 'password_too_common', 'password_too_personal']
      .concat(['password_incorrect', 'totp_required', 'access_code_invalid', 'username_invalid'])
      .concat(['username_mismatch', 'user_name_taken']);
    for (const code of fields) {
      const path = code.startsWith('user') ? 'username' : 'password';
      reached.add(fieldMessage(refusal(code, everything), path)?.key ?? '');
    }
    expect(errorKeys.filter((key) => !reached.has(key))).toEqual([]);
  });

  it('keeps the server’s words for refusals only admins meet, or whose numbers did not come', () => {
    for (const code of [
      'claim_sms_daily_limit',
      'phone_taken',
      'last_system_admin',
      'invalid_request',
      'error',
    ]) {
      expect(refusalMessage(refusal(code), isoDate), code).toBeNull();
    }
    expect(refusalMessage(refusal('password_too_short'), isoDate)).toBeNull();
    expect(refusalMessage(refusal('rate_limited'), isoDate)).toBeNull();
    expect(refusalMessage(refusal('access_code_expired'), isoDate)).toBeNull();
    // An admin renaming someone (userName) or enrolling an authenticator (code) hears the server.
    const onAdminField = (code: string, path: string) =>
      refusalMessage(refusal(code, { errors: [{ path, message: 'x' }] }), isoDate);
    expect(onAdminField('username_invalid', 'userName')).toBeNull();
    expect(onAdminField('totp_invalid', 'code')).toBeNull();
    expect(refusalMessage(refusal('user_name_taken'), isoDate)).toBeNull();
    expect(onAdminField('username_invalid', 'username')?.key).toBe('error.username_invalid');
    expect(onAdminField('totp_invalid', 'totp')?.key).toBe('error.totp_invalid');
  });

  it('says how long to wait as the server rounds it, in each language’s plural forms', () => {
    const waits = (language: string, seconds: number) =>
      say(language, refusalMessage(refusal('rate_limited', { retryAfterSeconds: seconds }), isoDate));
    expect(waits('es', 1)).toContain('Espera 1 segundo e');
    expect(waits('es', 45)).toContain('Espera 45 segundos e');
    expect(waits('es', 120)).toContain('Espera 2 minutos e');
    expect(waits('es', 7200)).toContain('Espera 2 horas e');
    expect(waits('pl', 60)).toContain('Odczekaj 60 sekund i');
    expect(waits('pl', 91)).toContain('Odczekaj 2 minuty i');
    expect(waits('pl', 300)).toContain('Odczekaj 5 minut i');
    expect(waits('pl', 1320)).toContain('Odczekaj 22 minuty i');
    expect(waits('pl', 5400)).toContain('Odczekaj 2 godziny i');
    expect(waits('ar', 120)).toContain('انتظر دقيقتين ثم');
    expect(waits('ar', 600)).toContain('انتظر 10 دقائق ثم');
    expect(waits('de', 60)).toContain('Warten Sie 60 Sekunden und');
    expect(waits('fr', 120)).toContain('Attendez 2 minutes et');
  });

  it('keeps the password rules’ numbers, the expiry date and the username the server gave', () => {
    const short = refusal('password_too_short', {
      errors: [{ path: 'password', message: 'at least 10 characters' }],
      extra: { minLength: 10 },
    });
    expect(say('es', refusalMessage(short, isoDate))).toContain('al menos 10 caracteres');
    expect(say('pl', refusalMessage(short, isoDate))).toContain('co najmniej 10 znaków');
    expect(say('ar', refusalMessage(short, isoDate))).toContain('لا تقل عن 10 أحرف');
    expect(say('de', fieldMessage(short, 'password'))).toBe('Mindestens 10 Zeichen');
    expect(say('pl', fieldMessage(short, 'password'))).toBe('Co najmniej 10 znaków');
    const long = refusal('password_too_long', { extra: { maxLength: 128 } });
    expect(say('pt-BR', refusalMessage(long, isoDate))).toContain('no máximo 128 caracteres');
    const expired = refusal('access_code_expired', { extra: { expiresAt: '2026-06-01T00:00:00.000Z' } });
    expect(say('fr', refusalMessage(expired, isoDate))).toContain('a expiré le 2026-06-01.');
    const mismatch = refusal('username_mismatch', { extra: { username: 'ana.silva' } });
    expect(say('tl', refusalMessage(mismatch, isoDate))).toContain('“ana.silva”');
    const codes = refusal('rate_limited', { extra: { dailyLimit: 5 } });
    expect(say('es', refusalMessage(codes, isoDate))).toContain('Hoy ya creaste 5 códigos de recuperación');
  });

  it.each(LOCALES.map((locale) => locale.code))(
    '%s: says every refusal whole, with no value left unfilled',
    (language) => {
      const unfilled = errorKeys.filter((key) => {
        const values = { count: 3, min: 8, max: 128, date: '1 June 2026', username: 'ana.silva' };
        return /\{\w+\}|undefined/.test(
          formatMessage(catalogues[language]?.[key] ?? '', values, INTL[language] ?? language),
        );
      });
      expect(unfilled).toEqual([]);
    },
  );
});
