import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { type CountryCode, getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  generateRecoveryCode,
  normaliseRecoveryCode,
} from '../src/crypto/recovery-code.js';
import { csvCell, csvRow } from '../src/csv.js';
import { AppError } from '../src/errors.js';
import { STATUS_OF } from '../src/http/status.js';
import { checkPassword } from '../src/passwords/policy.js';
import { parsePhone } from '../src/phone/phone.js';
import { ScimFilterError } from '../src/scim/filter/error.js';
import { parseFilter } from '../src/scim/filter/parse.js';
import { issueSetupLinkIfEmpty } from '../src/setup/setup.service.js';
import {
  ADMIN_PASSWORD,
  type Client,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  latestClaimToken,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// Property-based fuzzing of every parser and every JSON body the API reads. The parsers must
// never throw anything but their own refusal; the API must answer anything at all with a success
// or a problem carrying a stable code (R29), never a 5xx, and a refusal must leave nothing
// half-written.

// ---------------------------------------------------------------------------------------------
// Arbitrary input

/** Code points from anywhere in Unicode, lone surrogates included. */
const anyText = (maxLength = 40) => fc.string({ unit: 'binary', maxLength });

/** Strings that have broken parsers and databases before. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '🙂',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  "'; drop table people; --",
  '%00',
  '../../etc/passwd',
  '=HYPERLINK("http://x")',
  '+44 7911 123456',
  '0044 7911 123456',
  '2026-02-30',
  'Europe/Atlantis',
  'ZZ',
];

/** Text as a field might hold it: anything at all, or one of the strings above. */
const textish = fc.oneof(anyText(20), fc.constantFrom(...NASTY));

/** A value of the wrong type or shape for nearly any field. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  anyText(),
  fc.constantFrom(...NASTY),
  fc.string({ minLength: 201, maxLength: 4000 }),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.integer().map(String),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(anyText(10), { maxLength: 3 }),
);

/** An object with some of the right keys, each holding anything, and sometimes a stray key. */
function oddObject(keys: readonly string[], value: fc.Arbitrary<unknown> = oddValue) {
  return fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.constantFrom('role', 'state', 'passwordHash', 'id', '__proto__'), value)),
    )
    .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));
}

/** A body as sent on the wire: JSON of anything, or bytes that are not JSON, with a media type. */
const rawBody = fc.record({
  payload: fc.oneof(
    anyText(200),
    fc.constantFrom('{', '{"a":', '[1,]', '{"a":1}}', 'nul', '\u0000', '{"__proto__":{"x":1}}', ''),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/merge-patch+json',
    undefined,
  ),
});

const PROFILE_KEYS = [
  'givenName',
  'familyName',
  'displayName',
  'jobTitle',
  'department',
  'division',
  'organization',
  'costCenter',
  'location',
  'locale',
  'timeZone',
  'managerId',
  'externalId',
  'startDate',
  'frontline',
  'email',
  'phone',
];

/** A person as an admin might type one, valid often enough to reach the use cases. */
let serial = 0;
const plausiblePerson = fc
  .record({
    displayName: fc.oneof(fc.constantFrom('Ana Ortiz', 'Bo'), textish),
    login: fc.constantFrom('fresh email', 'taken@example.com', 'not-an-email', 'phone', 'phone'),
    phone: fc.oneof(
      fc.integer({ min: 0, max: 999_999 }).map((n) => `+447400${String(n).padStart(6, '0')}`),
      fc.constantFrom('07400 123456', '0044 7400 123457', '+1 202 555 0100', '+44 20 7946 0000', 'abc'),
    ),
    jobTitle: fc.option(oddValue, { nil: undefined }),
  })
  .map(({ login, phone, ...person }) => {
    serial += 1;
    if (login === 'phone') return { ...person, phone };
    return { ...person, email: login === 'fresh email' ? `fuzz.${serial}@example.com` : login };
  });

const personBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddObject([...PROFILE_KEYS, 'sendInvitation']),
  plausiblePerson,
);

/** Every byte percent-encoded: any text, lone surrogates too, becomes a path segment. */
const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** A path segment of any text, or percent-encoding that is itself broken. */
const anySegment = fc.oneof(
  anyText(40).map(percentEncode),
  fc.constantFrom('%', '%zz', '%ff', '%c0%af', '..', '%2e%2e', '%00', 'a%2Fb'),
);

/** A source address per request: the sign-in and recovery throttles count per address (R33). */
const remoteAddress = fc
  .tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

// ---------------------------------------------------------------------------------------------
// (a) Pure parsers

const E164 = /^\+[1-9]\d{1,14}$/;

describe('fuzz: parsePhone (R2)', () => {
  const COUNTRIES = ['GB', 'US', 'DE', 'IN', 'NG', 'BR', 'JP', 'gb', 'ZZ', '', 'XX1'];
  const separator = fc.constantFrom('', ' ', '-', '.', '(', ')', '/', '\u00a0', '\t');
  const typedNumber = fc
    .tuple(
      fc.constantFrom('', '+', '00', '011', '0', '+0', '++', ' +'),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), separator), { minLength: 1, maxLength: 20 }),
    )
    .map(([prefix, digits]) => prefix + digits.map(([digit, sep]) => `${digit}${sep}`).join(''));

  function expectWellFormed(input: string, country: string) {
    const result = parsePhone(input, country);
    if (result.ok) {
      expect(result.e164).toMatch(E164);
      // E.164 is canonical: it reads back as itself, whatever the community's country.
      for (const other of [country, 'US', 'GB']) {
        expect(parsePhone(result.e164, other)).toMatchObject({ ok: true, e164: result.e164 });
      }
    } else {
      expect(['phone_invalid', 'phone_not_mobile']).toContain(result.code);
      expect(result.message.length).toBeGreaterThan(10);
    }
  }

  it('never throws, and answers canonical E.164 or a known code, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText(60), fc.string({ maxLength: 60 })),
        fc.constantFrom(...COUNTRIES),
        (input, c) => expectWellFormed(input, c),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on digits typed with separators, plus signs and 00 prefixes', () => {
    fc.assert(
      fc.property(typedNumber, fc.constantFrom(...COUNTRIES), (input, c) => expectWellFormed(input, c)),
      { numRuns: 500 },
    );
  });

  it('reads every country’s mobile the same with +, with 00 and spaced out (R2)', () => {
    const mobiles = getCountries()
      .map((country) => getExampleNumber(country, examples)?.number)
      .filter((n): n is NonNullable<typeof n> => n !== undefined);
    expect(mobiles.length).toBeGreaterThan(200);
    fc.assert(
      fc.property(
        fc.constantFrom(...mobiles),
        fc.constantFrom<CountryCode>('GB', 'US', 'DE'),
        separator,
        (e164, c, sep) => {
          const digits = e164.slice(1);
          const spaced = digits.replace(/(\d{3})(?=\d)/g, `$1${sep === '(' || sep === ')' ? ' ' : sep}`);
          for (const typed of [e164, `+${spaced}`, `00${digits}`, `00 ${spaced}`]) {
            expect(parsePhone(typed, c), `${typed} in ${c}`).toMatchObject({ ok: true, e164 });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: recovery codes (R9)', () => {
  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  /** What a person may type for each symbol: either case, and the Crockford look-alikes. */
  const FORGIVEN: Record<string, string[]> = { '0': ['0', 'O', 'o'], '1': ['1', 'I', 'i', 'L', 'l'] };
  const spacing = fc.constantFrom('', '', '', ' ', '-', '  ', '\t', '\u00a0', ' - ');

  it('reads back a formatted code however it is cased, spaced and dashed', () => {
    fc.assert(
      fc.property(
        // Codes as the server makes them, and any 10 symbols of the alphabet.
        fc.oneof(
          fc.constant(null).map(() => generateRecoveryCode()),
          fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 10, maxLength: 10 }),
        ),
        fc.array(fc.tuple(fc.boolean(), fc.nat(4), spacing), { minLength: 11, maxLength: 11 }),
        (code, choices) => {
          expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
          const formatted = formatRecoveryCode(code);
          expect(formatted).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
          expect(normaliseRecoveryCode(formatted)).toBe(code);
          const typed = [...formatted.replace('-', '')]
            .map((symbol, i) => {
              const [lower = false, pick = 0, space = ''] = choices[i] ?? [];
              const forms = FORGIVEN[symbol];
              const char = forms
                ? (forms[pick % forms.length] ?? symbol)
                : lower
                  ? symbol.toLowerCase()
                  : symbol;
              return `${space}${char}`;
            })
            .join('');
          expect(normaliseRecoveryCode(`${typed}${choices[10]?.[2] ?? ''}`), typed).toBe(code);
        },
      ),
      { numRuns: 300 },
    );
  });

  /**
   * Independent of the code under test: drop spacing, then each character must be one ASCII
   * symbol of the alphabet in either case, or a forgiven look-alike (i, l, o).
   */
  function isCode(input: string): boolean {
    const symbols = [...input].filter((char) => !/^[\s-]$/.test(char));
    return (
      symbols.length === 10 &&
      symbols.every(
        (char) =>
          /^[0-9A-Za-z]$/.test(char) && (ALPHABET.includes(char.toUpperCase()) || 'iloILO'.includes(char)),
      )
    );
  }

  // Characters whose upper case is longer, or an ASCII letter: they must not stand for symbols.
  const TRICKY = ['ß', 'ı', 'ſ', 'ﬀ', 'ﬁ', 'ŉ', 'ǰ', 'K', 'Å', 'é', 'U', 'u', '!', '_', '０'];
  const nearlyCode = fc
    .tuple(
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 7, maxLength: 11 }),
      fc.array(fc.tuple(fc.nat(11), fc.constantFrom(...TRICKY)), { maxLength: 3 }),
    )
    .map(([symbols, inserts]) => {
      const chars = [...symbols];
      for (const [at, char] of inserts) chars.splice(at % (chars.length + 1), 0, char);
      return chars.join('');
    });

  it('answers null for anything that is not 10 symbols of the alphabet', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(14), fc.string({ maxLength: 14 }), nearlyCode), (input) => {
        const result = normaliseRecoveryCode(input);
        if (result !== null) expect(result).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(result !== null, JSON.stringify(input)).toBe(isCode(input));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: CSV cells are safe in a spreadsheet and read back (R24, R37)', () => {
  /** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
  function readCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let i = 0;
    while (i < text.length) {
      const char = text[i] ?? '';
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (char === '"') quoted = false;
        else field += char;
        i += 1;
        continue;
      }
      if (char === '"') {
        if (field !== '') throw new Error(`a quote inside an unquoted field: ${JSON.stringify(text)}`);
        quoted = true;
      } else if (char === ',') {
        row.push(field);
        field = '';
      } else if (char === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i += 1;
      } else if (char === '\r' || char === '\n') {
        throw new Error(`a bare line break outside quotes: ${JSON.stringify(text)}`);
      } else field += char;
      i += 1;
    }
    if (quoted) throw new Error(`an unterminated quote: ${JSON.stringify(text)}`);
    if (field !== '' || row.length > 0) throw new Error(`a row without CRLF: ${JSON.stringify(text)}`);
    return rows;
  }

  const FORMULA_START = /^[=+\-@\t\r]/;
  const PHONE_LIKE = /^\+\d[\d ]{3,20}$/;
  const cellValue: fc.Arbitrary<unknown> = fc.oneof(
    anyText(30),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'"), anyText(20))
      .map(([first, rest]) => first + rest),
    fc.constantFrom('+447911123456', '+44 7911 123456', '+1 (202) 555', '+1+1', '=1+1', '-2', '@SUM(A1)'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
  );

  it('never writes a cell that starts a formula, except a +digits phone number', () => {
    fc.assert(
      fc.property(cellValue, (value) => {
        const [[cell = '']] = readCsv(`${csvCell(value)}\r\n`) as [string[]];
        expect(!FORMULA_START.test(cell) || PHONE_LIKE.test(cell), JSON.stringify(cell)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads every row back as written, the text kept and only a guard quote added', () => {
    fc.assert(
      fc.property(fc.array(cellValue, { minLength: 1, maxLength: 8 }), (values) => {
        const rows = readCsv(csvRow(values));
        expect(rows).toHaveLength(1);
        expect(rows[0]).toHaveLength(values.length);
        values.forEach((value, i) => {
          const text =
            value === null || value === undefined
              ? ''
              : typeof value === 'string'
                ? value
                : JSON.stringify(value);
          const cell = rows[0]?.[i];
          const guarded = FORMULA_START.test(text) && !PHONE_LIKE.test(text);
          expect(cell, JSON.stringify(value)).toBe(guarded ? `'${text}` : text);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: password policy (R30)', () => {
  it('accepts or refuses with a password_* AppError, and nothing else, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(200),
          fc.string({ maxLength: 200 }),
          fc.constantFrom('password1', 'ｐａｓｓｗｏｒｄ', 'ß'.repeat(8)),
        ),
        fc.integer({ min: 8, max: 64 }),
        fc.array(fc.option(anyText(30)), { maxLength: 4 }),
        fc.option(anyText(20)),
        (password, minLength, words, phone) => {
          try {
            checkPassword(password, minLength, { words, phone });
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toMatch(/^password_/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: SCIM filter parser (R28, smoke)', () => {
  const token = fc.constantFrom(
    'userName',
    'emails',
    'emails.value',
    'urn:ietf:params:scim:schemas:core:2.0:User:userName',
    'eq',
    'ne',
    'co',
    'sw',
    'gt',
    'pr',
    'and',
    'or',
    'not',
    '(',
    ')',
    '[',
    ']',
    '"x"',
    '"a\\"b"',
    '"',
    '1',
    '-1.5e3',
    'true',
    'null',
  );
  it('parses or throws ScimFilterError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(100),
          fc.array(token, { maxLength: 40 }).map((t) => t.join(' ')),
          fc.string({ maxLength: 100 }),
        ),
        (text) => {
          try {
            parseFilter(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ScimFilterError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Every JSON body the API reads

const KNOWN_CODES = new Set(Object.keys(STATUS_OF));

/** A success, or a problem with a stable code and the status that code always has (R29). */
function expectAnswered(response: LightMyRequestResponse, label: string) {
  const context = `${label}\n→ ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, context).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], context).toMatch(/^application\/problem\+json/);
  const problem = response.json() as { code: string; status: number };
  expect(KNOWN_CODES.has(problem.code), context).toBe(true);
  expect(problem.status, context).toBe(response.statusCode);
  expect(STATUS_OF[problem.code as keyof typeof STATUS_OF], context).toBe(response.statusCode);
}

async function countRows(world: World, table: 'people' | 'communities'): Promise<number> {
  const row = await world.deps.db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type Body = { json: unknown } | { raw: { payload: string | Buffer; contentType: string | undefined } };

function send(
  world: World,
  method: 'POST' | 'PATCH',
  url: string,
  body: Body,
  { client, address }: { client?: Client; address?: string } = {},
) {
  const payload = 'json' in body ? JSON.stringify(body.json) : body.raw.payload;
  const contentType = 'json' in body ? 'application/json' : body.raw.contentType;
  return world.app.inject({
    method,
    url,
    headers: {
      ...(client?.cookie ? { cookie: client.cookie } : {}),
      ...(client?.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    payload,
    ...(address ? { remoteAddress: address } : {}),
  });
}

const describeBody = (body: Body) =>
  'json' in body
    ? JSON.stringify(body.json).slice(0, 300)
    : `${body.raw.contentType}: ${JSON.stringify(String(body.raw.payload)).slice(0, 300)}`;

/** Any JSON, an object with the right keys holding odd values, or bytes that are not JSON. */
const bodyOf = (shaped: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })), weight: 2 },
    { arbitrary: shaped.map((json) => ({ json })), weight: 5 },
    { arbitrary: rawBody.map((raw) => ({ raw })), weight: 2 },
  );

eachDatabase('fuzz: API bodies (R29, R2)', (world) => {
  let admin: Client;
  let slug: string;
  let targetId: string;
  let realToken: string;
  const CLAIM_PHONE = '+447400999001';

  beforeAll(async () => {
    const seeded = await seedCommunity(world);
    slug = seeded.slug;
    admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, slug);
    await enablePhoneProfiles(admin);
    const taken = await admin.post('/api/v1/people', { email: 'taken@example.com', displayName: 'Taken' });
    expect(taken.statusCode, taken.body).toBe(201);
    targetId = taken.json().id;
    // A real invitation to claim, made before the other properties spend the day's texts.
    const invited = await admin.post('/api/v1/people', { phone: CLAIM_PHONE, displayName: 'Claim Target' });
    expect(invited.statusCode, invited.body).toBe(201);
    await dispatchDue(world);
    realToken = latestClaimToken(world, CLAIM_PHONE);
  });

  const personRow = () =>
    world.deps.db.selectFrom('people').selectAll().where('id', '=', targetId).executeTakeFirst();

  it('POST /api/v1/people: 201 adds exactly one person, anything else adds nobody (R2, R29)', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodyOf(personBody), async (body) => {
        const before = await countRows(world, 'people');
        const response = await send(world, 'POST', '/api/v1/people', body, { client: admin });
        statuses.add(response.statusCode);
        expectAnswered(response, `POST /api/v1/people ${describeBody(body)}`);
        expect(await countRows(world, 'people')).toBe(before + (response.statusCode === 201 ? 1 : 0));
      }),
      // A NUL character in a name: PostgreSQL text cannot hold it.
      { numRuns: 150, examples: [[{ json: { displayName: 'Nul\u0000Byte', email: 'nul@example.com' } }]] },
    );
    // The bodies reached the use case, not only the schema: some were added, some refused there.
    expect(statuses.has(201), [...statuses].join()).toBe(true);
    expect([...statuses].some((status) => status >= 400)).toBe(true);
  });

  it('PATCH /api/v1/people/:id: answered, and a refused edit changes nothing (R29)', async () => {
    const patch = fc.oneof(
      oddObject(PROFILE_KEYS),
      fc.record(
        { jobTitle: textish, givenName: textish, locale: fc.constantFrom('en', 'en-GB', 'EN', 'x') },
        { requiredKeys: [] },
      ),
    );
    const id = fc.oneof(
      { arbitrary: fc.constant('target'), weight: 6 },
      { arbitrary: fc.oneof(fc.uuid(), anySegment), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(bodyOf(patch), id, async (body, which) => {
        const before = { count: await countRows(world, 'people'), row: await personRow() };
        const path = which === 'target' ? targetId : which;
        const response = await send(world, 'PATCH', `/api/v1/people/${path}`, body, { client: admin });
        expectAnswered(response, `PATCH /api/v1/people/${path} ${describeBody(body)}`);
        expect(await countRows(world, 'people')).toBe(before.count);
        if (response.statusCode >= 400) expect(await personRow()).toEqual(before.row);
      }),
      { numRuns: 150, examples: [[{ json: { jobTitle: 'Night\u0000shift' } }, 'target']] },
    );
  });

  for (const dryRun of [true, false]) {
    it(`POST /api/v1/people/batch (dryRun ${dryRun}): a bad row adds nobody, a preview adds nobody (R2)`, async () => {
      const batch = fc.record(
        {
          people: fc.oneof(
            { arbitrary: fc.array(personBody, { minLength: 1, maxLength: 12 }), weight: 4 },
            { arbitrary: oddValue, weight: 1 },
          ),
          sendInvitations: fc.oneof(
            { arbitrary: fc.boolean(), weight: 4 },
            { arbitrary: oddValue, weight: 1 },
          ),
          dryRun: fc.constant(dryRun),
        },
        { requiredKeys: ['people', 'dryRun'] },
      );
      let created = 0;
      await fc.assert(
        fc.asyncProperty(bodyOf(batch), async (body) => {
          const before = await countRows(world, 'people');
          const response = await send(world, 'POST', '/api/v1/people/batch', body, { client: admin });
          const after = await countRows(world, 'people');
          const label = `POST /api/v1/people/batch ${describeBody(body)}\n(people added: ${after - before})`;
          expectAnswered(response, label);
          if (response.statusCode !== 200) {
            expect(after, label).toBe(before);
            return;
          }
          const result = response.json() as {
            created: number;
            results: { status: string; person?: { id: string } }[];
          };
          const rows = 'json' in body ? ((body.json as { people: unknown[] }).people ?? []) : [];
          expect(result.results, label).toHaveLength(rows.length);
          const sentDryRun = 'json' in body && (body.json as { dryRun?: unknown }).dryRun === true;
          expect(after - before, label).toBe(sentDryRun ? 0 : result.created);
          expect(result.created, label).toBe(result.results.filter((r) => r.status === 'created').length);
          created += result.created;
        }),
        {
          numRuns: 80,
          // One bad row between good ones: the good rows are added (or previewed), alone.
          examples: [
            [
              {
                json: {
                  people: [
                    { displayName: 'Before', email: `before.${dryRun}@example.com` },
                    // A row the use case refuses (a NUL would refuse the whole request).
                    { displayName: 'No address', email: `not-an-address.${dryRun}` },
                    { displayName: 'After', email: `after.${dryRun}@example.com` },
                  ],
                  dryRun,
                },
              },
            ],
          ],
        },
      );
      // Rows reached the use case, not only the schema (a preview counts what it would add).
      expect(created).toBeGreaterThan(0);
    });
  }

  it('PATCH /api/v1/settings: answered, and a refused change leaves the settings as they were (R25, R29)', async () => {
    const SETTINGS_KEYS = [
      'phoneProfilesEnabled',
      'accessCodeProfilesEnabled',
      'smsCountries',
      'claimLinkLifetimeDays',
      'remindersEnabled',
      'reminderDays',
      'passwordMinLength',
      'sessionIdleMinutes',
      'sessionAbsoluteHours',
      'adminSessionIdleMinutes',
      'adminSessionAbsoluteHours',
      'secondFactorForAccountManagers',
      'name',
      'timeZone',
      'defaultLocale',
      'defaultCountry',
    ];
    const numbers = fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.double(), oddValue);
    await fc.assert(
      fc.asyncProperty(
        bodyOf(
          fc.oneof(
            oddObject(SETTINGS_KEYS),
            oddObject(SETTINGS_KEYS, numbers),
            fc.record(
              { name: textish, timeZone: fc.constantFrom('UTC', 'Etc/GMT+14', 'utc', ' UTC') },
              { requiredKeys: [] },
            ),
          ),
        ),
        async (body) => {
          const before = await admin.get('/api/v1/settings');
          const response = await send(world, 'PATCH', '/api/v1/settings', body, { client: admin });
          expectAnswered(response, `PATCH /api/v1/settings ${describeBody(body)}`);
          if (response.statusCode >= 400)
            expect((await admin.get('/api/v1/settings')).json()).toEqual(before.json());
        },
      ),
      { numRuns: 150, examples: [[{ json: { name: 'Acme\u0000Foods' } }]] },
    );
    // Put back what later properties rely on.
    const reset = await admin.patch('/api/v1/settings', {
      name: 'Fuzzed Community',
      phoneProfilesEnabled: true,
      smsCountries: [],
      passwordMinLength: 8,
    });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it('POST /api/v1/auth/login: answered from any address, and adds nobody (R29, R33)', async () => {
    const login = oddObject(['community', 'identifier', 'password', 'totp']);
    const plausible = fc.record({
      community: fc.oneof(fc.constantFrom(slug, 'nowhere'), textish),
      identifier: fc.oneof(fc.constantFrom('taken@example.com', '+447400000001', 'admin'), textish),
      password: anyText(40),
    });
    await fc.assert(
      fc.asyncProperty(bodyOf(fc.oneof(login, plausible)), remoteAddress, async (body, address) => {
        const before = await countRows(world, 'people');
        const response = await send(world, 'POST', '/api/v1/auth/login', body, { address });
        expectAnswered(response, `POST /api/v1/auth/login ${describeBody(body)}`);
        expect(response.statusCode).not.toBe(200);
        expect(await countRows(world, 'people')).toBe(before);
      }),
      {
        numRuns: 150,
        examples: [
          [{ json: { community: slug, identifier: 'ada\u0000@example.com', password: 'x' } }, '10.0.0.1'],
          [{ json: { community: 'acme\u0000', identifier: 'ada@example.com', password: 'x' } }, '10.0.0.2'],
        ],
      },
    );
  });

  it('POST /api/v1/auth/recover: answered from any address, and adds nobody (R29, R33)', async () => {
    const recover = oddObject([
      'community',
      'phone',
      'recoveryCode',
      'totp',
      'newPassword',
      'logoutOtherDevices',
    ]);
    const plausible = fc.record({
      community: fc.oneof(fc.constantFrom(slug, 'nowhere'), textish),
      phone: fc.oneof(fc.constantFrom('+447400000001', '07400 000001', 'x'), anyText(20)),
      recoveryCode: fc.oneof(
        fc.constant(null).map(() => formatRecoveryCode(generateRecoveryCode())),
        anyText(20),
      ),
      newPassword: fc.oneof(fc.constant('a brand new passphrase'), anyText(40)),
    });
    await fc.assert(
      fc.asyncProperty(bodyOf(fc.oneof(recover, plausible)), remoteAddress, async (body, address) => {
        const before = await countRows(world, 'people');
        const response = await send(world, 'POST', '/api/v1/auth/recover', body, { address });
        expectAnswered(response, `POST /api/v1/auth/recover ${describeBody(body)}`);
        expect(await countRows(world, 'people')).toBe(before);
      }),
      {
        numRuns: 150,
        examples: [
          [
            {
              json: {
                community: 'acme\u0000',
                phone: '+447400000001',
                recoveryCode: 'ABCDE-FGHJK',
                newPassword: 'a brand new passphrase',
              },
            },
            '10.0.0.3',
          ],
        ],
      },
    );
  });

  it('POST /api/v1/claim/:token: answered for any token and body, and adds nobody (R7, R29)', async () => {
    const token = fc.oneof(
      { arbitrary: fc.constant(realToken), weight: 2 },
      { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), weight: 2 },
      { arbitrary: anySegment, weight: 1 },
    );
    const claim = oddObject(['password']);
    await fc.assert(
      fc.asyncProperty(bodyOf(claim), token, remoteAddress, async (body, which, address) => {
        const before = await countRows(world, 'people');
        const response = await send(world, 'POST', `/api/v1/claim/${which}`, body, { address });
        expectAnswered(
          response,
          `POST /api/v1/claim/${which === realToken ? '<real>' : which} ${describeBody(body)}`,
        );
        expect(await countRows(world, 'people')).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('GET list filters: answered for any query string (R29)', async () => {
    const LISTS: Record<string, string[]> = {
      '/api/v1/people': ['q', 'state', 'kind', 'limit', 'cursor'],
      '/api/v1/audit-events': ['type', 'actorId', 'targetId', 'from', 'to', 'limit', 'cursor'],
      '/api/v1/audit-events/export': ['type', 'actorId', 'from'],
      '/api/v1/sms-messages': ['personId', 'status', 'limit', 'cursor'],
    };
    const value = fc.oneof(
      anyText(30).map(percentEncode),
      fc.constantFrom(...NASTY).map(percentEncode),
      fc.integer().map(String),
      fc.constantFrom('invited', 'email', '2026-01-01T00:00:00Z', '%', '%zz', 'a&b=c'),
    );
    const query = fc.constantFrom(...Object.keys(LISTS)).chain((path) =>
      fc.dictionary(fc.constantFrom(...(LISTS[path] ?? []), 'extra'), value, { maxKeys: 3 }).map(
        (params) =>
          `${path}?${Object.entries(params)
            .map(([k, v]) => `${k}=${v}`)
            .join('&')}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(query, async (url) => {
        const response = await admin.get(url);
        expectAnswered(response, `GET ${url}`);
      }),
      {
        numRuns: 150,
        examples: [
          ['/api/v1/people?q=%00'],
          ['/api/v1/audit-events?type=a%00b'],
          ['/api/v1/audit-events/export?type=%00'],
        ],
      },
    );
  });
});

eachDatabase('fuzz: first-run setup body (R29)', (world) => {
  let token: string;
  beforeAll(async () => {
    const link = await issueSetupLinkIfEmpty(world.deps);
    token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(10);
  });

  it('POST /api/v1/setup: answered; people and communities appear only with a 201, once', async () => {
    const community = fc.oneof(
      oddObject(['name', 'slug', 'plan', 'timeZone', 'defaultLocale', 'defaultCountry']),
      fc.record({
        name: fc.oneof(fc.constant('Acme Foods'), anyText(20)),
        slug: fc.oneof(fc.constant('acme-foods'), anyText(20)),
        timeZone: fc.oneof(fc.constant('Europe/London'), anyText(20)),
      }),
    );
    const admin = fc.oneof(
      oddObject(['displayName', 'email', 'phone', 'password']),
      fc.record({
        email: fc.constantFrom('ada@acme.test', 'not an email'),
        password: fc.oneof(fc.constant(ADMIN_PASSWORD), anyText(30)),
      }),
    );
    const setup = fc
      .record({ token: fc.oneof(fc.constant('real'), oddValue), community, admin }, { requiredKeys: [] })
      .map((body) => (body.token === 'real' ? { ...body, token } : body));
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodyOf(setup), remoteAddress, async (body, address) => {
        const before = {
          people: await countRows(world, 'people'),
          communities: await countRows(world, 'communities'),
        };
        const response = await send(world, 'POST', '/api/v1/setup', body, { address });
        expectAnswered(response, `POST /api/v1/setup ${describeBody(body)}`);
        const grew = response.statusCode === 201 ? 1 : 0;
        created += grew;
        expect(await countRows(world, 'people')).toBe(before.people + grew);
        expect(await countRows(world, 'communities')).toBe(before.communities + grew);
      }),
      { numRuns: 150 },
    );
    expect(created).toBeLessThanOrEqual(1);
  });
});

// On a database of its own: the property above may well have completed setup already.
eachDatabase('fuzz: first-run setup with a NUL in the name (R29)', (world) => {
  let token: string;
  beforeAll(async () => {
    const link = await issueSetupLinkIfEmpty(world.deps);
    token = new URL(link ?? '').searchParams.get('token') ?? '';
  });

  it('POST /api/v1/setup with a NUL character in the community name: answered, all or nothing (R29)', async () => {
    const before = {
      people: await countRows(world, 'people'),
      communities: await countRows(world, 'communities'),
    };
    const body = {
      token,
      community: { name: 'Acme\u0000Foods', slug: 'acme-nul' },
      admin: { email: 'ada@acme.test', password: ADMIN_PASSWORD },
    };
    const response = await send(world, 'POST', '/api/v1/setup', { json: body }, { address: '10.0.0.4' });
    expectAnswered(response, `POST /api/v1/setup ${JSON.stringify(body)}`);
    const grew = response.statusCode === 201 ? 1 : 0;
    expect(await countRows(world, 'people')).toBe(before.people + grew);
    expect(await countRows(world, 'communities')).toBe(before.communities + grew);
  });
});
