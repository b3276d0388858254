import fc from 'fast-check';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { logSerializers, maskPersonalData, redactUrl } from './log.js';

describe('maskPersonalData (R37)', () => {
  it.each([
    ['/api/v1/people?q=%2B447911123456', '/api/v1/people?q=…3456'],
    ['/api/v1/people?q=+447911123456', '/api/v1/people?q=+…3456'],
    ['/api/v1/people?q=447911123456&limit=50', '/api/v1/people?q=…3456&limit=50'],
    ['/api/v1/people?q=%2B44%207911%20123-456', '/api/v1/people?q=…3456'],
    ['/api/v1/people?q=%2B44+(0)7911.123+456', '/api/v1/people?q=…3456'],
    ['/api/v1/people?q=07911%20123456&state=active', '/api/v1/people?q=…3456&state=active'],
    ['/api/v1/people?q=call%20%2B15550104477%20today', '/api/v1/people?q=call+…4477+today'],
    ['/api/v1/people/+447911123456/sessions', '/api/v1/people/…3456/sessions'],
    ['/api/v1/people/%2B447911123456', '/api/v1/people/…3456'],
    ['/api/v1/people?q=ana@example.com', '/api/v1/people?q=a…@example.com'],
    ['/api/v1/people?q=ana.maria%2Bwork%40mail.example.co.uk', '/api/v1/people?q=a…@mail.example.co.uk'],
    ['/api/v1/people/ana@example.com/sessions', '/api/v1/people/a…@example.com/sessions'],
    ['/api/v1/people?q=ana%40example.com&q=%2B447911123456', '/api/v1/people?q=a…@example.com&q=…3456'],
    ['/api/v1/people?q=447911123456@sms.example', '/api/v1/people?q=4…@sms.example'],
  ])('masks %s', (url, masked) => {
    expect(maskPersonalData(url)).toBe(masked);
  });

  it.each([
    '/api/v1/people/01234567-8901-4234-8567-890123456789/sessions',
    '/api/v1/people/0192f0c4-1234-7567-8abc-def012345678',
    '/api/v1/audit-events?from=2026-03-02T09%3A00%3A00.000Z&to=2026-03-31&limit=100',
    '/api/v1/people?q=7911&limit=200',
    '/api/v1/people?q=123456',
    '/api/v1/people?q=ana&state=active',
    '/setup?token=[redacted]',
    '/claim/[redacted]',
    '/api/v1/people?q=%E0%A4%A',
    '/',
  ])('leaves %s as it is', (url) => {
    expect(maskPersonalData(url)).toBe(url);
  });

  it('still masks when the rest of the URL is not valid percent-encoding', () => {
    expect(maskPersonalData('/api/v1/people?q=%E0%A4%A%2B447911123456')).not.toContain('447911123456');
    expect(maskPersonalData('/api/v1/people?q=%zz%20ana%40example.com')).not.toContain('ana');
  });

  it('keeps the shape of the URL: masked text cannot add a path segment or a parameter', () => {
    expect(maskPersonalData('/api/v1/people?q=ana%40example.com%26admin%3D1')).toBe(
      '/api/v1/people?q=a…@example.com%26admin%3D1',
    );
    expect(maskPersonalData('/api/v1/x/%2F447911123456%2F')).toBe('/api/v1/x/%2F…3456%2F');
  });

  it('keeps the secret redaction, before and after masking', () => {
    const url = '/api/v1/setup?token=44791112345678&q=%2B447911123456';
    expect(maskPersonalData(redactUrl(url))).toBe('/api/v1/setup?token=[redacted]&q=…3456');
    expect(maskPersonalData(redactUrl('/claim/AbC123456789xyz?x=ana@example.com'))).toBe(
      '/claim/[redacted]?x=a…@example.com',
    );
    expect(redactUrl('/api/v1/reset/AbC123456789xyzAbC12')).toBe('/api/v1/reset/[redacted]');
  });

  it('is what the request log writes (R32, R37)', () => {
    const logged = logSerializers.req({
      method: 'GET',
      url: '/api/v1/people?q=%2B447911123456&email=ana%40example.com&token=s3cret',
      ip: '192.0.2.1',
    } as FastifyRequest);
    expect(logged).toEqual({
      method: 'GET',
      url: '/api/v1/people?q=…3456&email=a…@example.com&token=[redacted]',
      remoteAddress: '192.0.2.1',
    });
  });
});

describe('maskPersonalData, properties (R37)', () => {
  /** An E.164 number: +, a country code not starting with 0, 7 to 15 digits in all. */
  const e164 = fc.stringMatching(/^\+[1-9]\d{6,14}$/);
  /** Ways a person types a number: separators between groups of digits. */
  const written = e164.chain((number) =>
    fc
      .array(fc.constantFrom('', '', ' ', '-', '.', ' (', ') '), {
        minLength: number.length - 2,
        maxLength: number.length - 2,
      })
      .map((separators) => ({
        number,
        text: `+${[...number.slice(1)].map((digit, i) => digit + (separators[i] ?? '')).join('')}`,
      })),
  );
  const around = fc.constantFrom(
    (value: string) => `/api/v1/people?q=${encodeURIComponent(value)}`,
    (value: string) => `/api/v1/people?state=active&q=${encodeURIComponent(value)}&limit=50`,
    (value: string) => `/api/v1/people?q=${encodeURIComponent(`call ${value} after 6`)}`,
    (value: string) => `/api/v1/people?q=${encodeURIComponent(value).replaceAll('%20', '+')}`,
    (value: string) => `/api/v1/people/${encodeURIComponent(value)}/sessions`,
    (value: string) => `/api/v1/people/by-phone/${encodeURI(value)}`,
  );

  it('never keeps the digits of a mobile number, however it is written and wherever it is', () => {
    fc.assert(
      fc.property(written, around, ({ number, text }, embed) => {
        const masked = maskPersonalData(embed(text));
        const digits = number.slice(1);
        // Separators left in place would hide digits from a plain search: look past them.
        expect(masked.replace(/[^\d/?&=]/g, '')).not.toContain(digits);
        expect(masked).toContain(`…${digits.slice(-4)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('never keeps the digits of a raw number in a path or a query', () => {
    fc.assert(
      fc.property(e164, fc.webSegment(), (number, segment) => {
        for (const url of [
          `/${segment}/${number}`,
          `/${segment}?q=${number}`,
          `/${segment}?q=${number.replace('+', '%2B')}&x=1`,
        ]) {
          expect(maskPersonalData(url)).not.toContain(number.slice(1));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never keeps the local part of an email address, encoded or not', () => {
    const embeddings = fc.constantFrom(
      (email: string) => `/api/v1/people?q=${encodeURIComponent(email)}`,
      (email: string) => `/api/v1/people?limit=50&q=${encodeURIComponent(`mail ${email} now`)}&x=y`,
      (email: string) => `/api/v1/people/${encodeURIComponent(email)}/sessions`,
      (email: string) =>
        /^[A-Za-z0-9._-]+@/.test(email)
          ? `/api/v1/people?q=${email}`
          : `/api/v1/x?q=${encodeURIComponent(email)}`,
      (email: string) =>
        /^[A-Za-z0-9._-]+@/.test(email)
          ? `/api/v1/people/${email}`
          : `/api/v1/x/${encodeURIComponent(email)}`,
    );
    fc.assert(
      fc.property(fc.emailAddress(), embeddings, (email, embed) => {
        const at = email.lastIndexOf('@');
        const local = email.slice(0, at);
        const domain = email.slice(at + 1);
        const url = embed(email);
        // Only a local part that the masked URL could not contain by chance proves anything.
        fc.pre(local.length >= 2 && !url.replace(email, `${local[0]}…@${domain}`).includes(local));
        fc.pre(!`${encodeURIComponent(local[0] ?? '')}…@${domain}`.includes(local));
        const masked = maskPersonalData(url);
        expect(masked).not.toContain(local);
        expect(masked).not.toContain(encodeURIComponent(local));
        expect(masked).toContain(`…@${domain}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes nothing in a URL with neither a long number nor an email address', () => {
    const plain = fc
      .tuple(fc.webPath(), fc.webQueryParameters())
      .map(([path, query]) => `/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`)
      .filter((url) => !/\d/.test(decodeSafe(url)) && !/@|%40/i.test(url));
    fc.assert(
      fc.property(plain, (url) => {
        expect(maskPersonalData(url)).toBe(url);
      }),
      { numRuns: 500 },
    );
  });
});

function decodeSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
