import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttrPath,
  COMPARE_OPS,
  type CompareOp,
  type FilterNode,
  type FilterValue,
} from '../src/scim/filter/ast.js';
import type { AttributeTypes } from '../src/scim/filter/attributes.js';
import { ScimFilterError } from '../src/scim/filter/error.js';
import { compileElementFilter, compileMatcher, matches } from '../src/scim/filter/evaluate.js';
import { type AttributeMap, filterToSql } from '../src/scim/filter/filter.sql.js';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter } from '../src/scim/filter/parse.js';
import { printFilter } from '../src/scim/filter/print.js';
import { createTestDatabase, type DialectName, dialects, type TestDatabase } from './harness.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const FACEBOOK = 'urn:ietf:params:scim:schemas:extension:facebook:accountstatusdetails:2.0:User';
const PROBE = 'urn:example:params:scim:schemas:extension:probe:2.0:User';

/** An attribute path as the parser builds it: lower-cased parts, the spelling kept in `text`. */
function path(text: string): AttrPath {
  const colon = text.lastIndexOf(':');
  const [name = '', sub = null] = text.slice(colon + 1).split('.');
  return {
    schema: colon < 0 ? null : text.slice(0, colon).toLowerCase(),
    name: name.toLowerCase(),
    sub: sub === null ? null : sub.toLowerCase(),
    text,
  };
}

const compare = (text: string, op: CompareOp, value: FilterValue): FilterNode => ({
  kind: 'compare',
  path: path(text),
  op,
  value,
});
const present = (text: string): FilterNode => ({ kind: 'present', path: path(text) });
const and = (...filters: FilterNode[]): FilterNode => ({ kind: 'and', filters });
const or = (...filters: FilterNode[]): FilterNode => ({ kind: 'or', filters });
const not = (filter: FilterNode): FilterNode => ({ kind: 'not', filter });
const valuePath = (text: string, filter: FilterNode): FilterNode => ({
  kind: 'valuePath',
  path: path(text),
  filter,
});

/** The ScimFilterError a call throws; fails the test if it throws nothing or something else. */
function filterError(call: () => unknown): ScimFilterError {
  try {
    call();
  } catch (error) {
    if (error instanceof ScimFilterError) return error;
    throw error;
  }
  throw new Error('expected a ScimFilterError, but nothing was thrown');
}

describe('SCIM filter parser (R28)', () => {
  it('reads a comparison into attribute, operator and JSON value', () => {
    expect(parseFilter('userName eq "bjensen"')).toEqual(compare('userName', 'eq', 'bjensen'));
  });

  it('reads every operator in any case, and pr', () => {
    for (const op of COMPARE_OPS) {
      const value = op === 'co' || op === 'sw' || op === 'ew' ? 'x' : 3;
      expect(parseFilter(`title ${op.toUpperCase()} ${JSON.stringify(value)}`)).toEqual(
        compare('title', op, value),
      );
    }
    expect(parseFilter('title Pr')).toEqual(present('title'));
  });

  it('lower-cases attribute names for comparison but keeps the spelling for messages', () => {
    const node = parseFilter('USERNAME Eq "x"');
    expect(node).toEqual({
      kind: 'compare',
      op: 'eq',
      value: 'x',
      path: { schema: null, name: 'username', sub: null, text: 'USERNAME' },
    });
  });

  it('reads sub-attributes', () => {
    expect(parseFilter('name.givenName sw "Ba"')).toEqual(compare('name.givenName', 'sw', 'Ba'));
    expect(parseFilter('emails.value co "@example.com"')).toEqual(
      compare('emails.value', 'co', '@example.com'),
    );
    expect(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"')).toEqual(
      compare('meta.lastModified', 'gt', '2011-05-13T04:42:34Z'),
    );
  });

  it('reads schema URN prefixes, dots and colons in the URN included', () => {
    expect(parseFilter(`${CORE}:userName sw "J"`)).toEqual(compare(`${CORE}:userName`, 'sw', 'J'));
    const enterprise = parseFilter(`${ENTERPRISE}:employeeNumber eq "701984"`);
    expect(enterprise).toEqual(compare(`${ENTERPRISE}:employeeNumber`, 'eq', '701984'));
    expect(enterprise.kind === 'compare' && enterprise.path).toMatchObject({
      schema: ENTERPRISE.toLowerCase(),
      name: 'employeenumber',
      sub: null,
    });
    expect(parseFilter(`${FACEBOOK}:claimed eq true`)).toMatchObject({
      path: { schema: FACEBOOK.toLowerCase(), name: 'claimed', sub: null },
      value: true,
    });
    expect(parseFilter(`${CORE}:name.givenName pr`)).toMatchObject({
      path: { schema: CORE.toLowerCase(), name: 'name', sub: 'givenname' },
    });
    expect(parseFilter(`${ENTERPRISE}:manager.$ref pr`)).toMatchObject({
      path: { name: 'manager', sub: '$ref' },
    });
  });

  it('binds and tighter than or', () => {
    expect(parseFilter('a pr or b pr and c pr')).toEqual(or(present('a'), and(present('b'), present('c'))));
    expect(parseFilter('a pr and b pr or c pr')).toEqual(or(and(present('a'), present('b')), present('c')));
    expect(parseFilter('a pr OR b pr AND c pr OR d pr')).toEqual(
      or(present('a'), and(present('b'), present('c')), present('d')),
    );
  });

  it('keeps A and (B or C) and D as one "and" of three, where a known library bug mis-groups it', () => {
    const node = parseFilter('a eq true and (b eq true or c eq true) and d eq true');
    expect(node).toEqual(
      and(
        compare('a', 'eq', true),
        or(compare('b', 'eq', true), compare('c', 'eq', true)),
        compare('d', 'eq', true),
      ),
    );
    // And it means that, for every combination of values.
    const types: AttributeTypes = {
      coreSchema: CORE,
      attributes: {
        a: { type: 'boolean' },
        b: { type: 'boolean' },
        c: { type: 'boolean' },
        d: { type: 'boolean' },
      },
    };
    for (let bits = 0; bits < 16; bits += 1) {
      const [a, b, c, d] = [1, 2, 4, 8].map((bit) => (bits & bit) !== 0) as [
        boolean,
        boolean,
        boolean,
        boolean,
      ];
      expect(matches(node, { a, b, c, d }, types)).toBe(a && (b || c) && d);
    }
  });

  it('groups with parentheses without adding nodes; nests a run in a run only when told', () => {
    expect(parseFilter('((title pr))')).toEqual(present('title'));
    expect(parseFilter('a pr and (b pr and c pr)')).toEqual(
      and(present('a'), and(present('b'), present('c'))),
    );
    expect(parseFilter('(a pr or b pr) and c pr')).toEqual(and(or(present('a'), present('b')), present('c')));
  });

  it('reads not (…) in any case and spacing, and keywords as attribute names where they fit', () => {
    expect(parseFilter('not (title pr)')).toEqual(not(present('title')));
    expect(parseFilter('NOT(title pr)')).toEqual(not(present('title')));
    expect(parseFilter('not  (not (title pr))')).toEqual(not(not(present('title'))));
    expect(parseFilter('not pr')).toEqual(present('not'));
    expect(parseFilter('not eq "x" and and pr or or pr')).toEqual(
      or(and(compare('not', 'eq', 'x'), present('and')), present('or')),
    );
    expect(parseFilter('pr pr')).toEqual(present('pr'));
  });

  it('reads value paths, with and, or and not inside the brackets', () => {
    expect(parseFilter('emails[type eq "work" and value co "@example.com"]')).toEqual(
      valuePath('emails', and(compare('type', 'eq', 'work'), compare('value', 'co', '@example.com'))),
    );
    expect(parseFilter('emails[type eq "work" or not (value ew ".org")] and title pr')).toEqual(
      and(
        valuePath('emails', or(compare('type', 'eq', 'work'), not(compare('value', 'ew', '.org')))),
        present('title'),
      ),
    );
    expect(parseFilter(`${CORE}:emails[(primary eq true)]`)).toEqual(
      valuePath(`${CORE}:emails`, compare('primary', 'eq', true)),
    );
  });

  it('reads values as JSON: escapes, numbers, true, false and null', () => {
    const value = (text: string) => {
      const node = parseFilter(`x eq ${text}`);
      return node.kind === 'compare' ? node.value : undefined;
    };
    expect(value(String.raw`"say \"hi\" \\ \/ \b\f\n\r\t \u00e9\ud83d\ude00"`)).toBe(
      'say "hi" \\ / \b\f\n\r\t é😀',
    );
    expect(value('""')).toBe('');
    expect(value('42')).toBe(42);
    expect(value('-1.5e3')).toBe(-1500);
    expect(value('0.25')).toBe(0.25);
    expect(Object.is(value('-0'), 0)).toBe(true);
    expect(value('true')).toBe(true);
    expect(value('False')).toBe(false);
    expect(value('NULL')).toBe(null);
    expect(parseFilter('x eq"tight"and y pr')).toEqual(and(compare('x', 'eq', 'tight'), present('y')));
    expect(parseFilter('\tx  eq\n5 ')).toEqual(compare('x', 'eq', 5));
  });

  it('reads every filter example of RFC 7644 §3.4.2.2 and prints it back', () => {
    const examples = [
      'userName eq "bjensen"',
      `name.familyName co "O'Malley"`,
      'userName sw "J"',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      'title pr',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'meta.lastModified ge "2011-05-13T04:42:34Z"',
      'meta.lastModified lt "2011-05-13T04:42:34Z"',
      'meta.lastModified le "2011-05-13T04:42:34Z"',
      'title pr and userType eq "Employee"',
      'title pr or userType eq "Intern"',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and (emails.type eq "work")',
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    ];
    for (const example of examples) {
      const node = parseFilter(example);
      expect(parseFilter(printFilter(node))).toEqual(node);
    }
    expect(printFilter(parseFilter(examples[12] ?? ''))).toBe(examples[12]);
    expect(printFilter(parseFilter('a pr and (b pr and (c pr or d pr))'))).toBe(
      'a pr and (b pr and (c pr or d pr))',
    );
  });

  it.each([
    ['userName', 'Expected an operator after "userName" at position 9', 9],
    ['userName zz "x"', 'Expected an operator after "userName" at position 10, found "zz"', 10],
    ['userName eq', 'after "userName eq" at position 12, but the filter ends there', 12],
    ['userName eq bjensen', 'at position 13, found "bjensen": write text in double quotes', 13],
    ["userName eq 'bjensen'", 'strings go in double quotes, not single', 13],
    ['userName eq "bjensen', 'The string starting at position 13 is not closed', 13],
    [String.raw`userName eq "a\qb"`, String.raw`The escape "\q" in a string at position 15 is not valid`, 15],
    [String.raw`userName eq "a\u12"`, String.raw`The escape "\u12"`, 15],
    ['userName eq "a\nb"', 'A control character (U+000A) in a string at position 15', 15],
    ['level eq 01', 'Expected a value', 10],
    ['level eq 1e999', 'The number 1e999 is too large at position 10', 10],
    ['(userName pr', 'Expected "and", "or" or ")" after "pr" at position 13, but the filter ends there', 13],
    ['(userName pr', '(the "(" at position 1 is not closed)', 13],
    ['userName pr)', 'found ")" with nothing open to close', 12],
    ['userName pr title pr', 'Expected "and", "or" or the end of the filter after "pr" at position 13', 13],
    ['userName pr and', 'Expected an attribute name, "not" or "(" after "and" at position 16', 16],
    ['()', 'Expected an attribute name, "not" or "(" after "(" at position 2, found ")"', 2],
    ['not userName pr', 'Expected "(" after "not" at position 5, found "userName"', 5],
    ['name.givenName.x pr', 'a path has at most one dot', 1],
    ['urn:ietf::User:userName pr', 'the schema URN before the attribute name has an empty part', 1],
    [`${CORE}: pr`, 'the attribute name after the schema URN is missing', 1],
    ['9lives pr', '"9lives" is not a name', 1],
    ['user@name pr', '"user@name" is not a name', 1],
    ['emails[type eq "work"', 'Expected "and", "or" or "]"', 22],
    ['emails[type eq "work"', '(the "[" at position 7 is not closed)', 22],
    ['emails[value[type pr]]', 'A value path cannot be nested at position 13', 13],
    ['emails.value[type pr]', '"emails.value[…]" filters a sub-attribute at position 1', 1],
    ['emails[urn:x:type pr]', 'Inside "emails[…]" name a sub-attribute of emails', 8],
    ['emails[type.x pr]', 'not "type.x"', 8],
    ['title gt null', '"gt" cannot compare with null at position 7', 7],
    ['active lt true', 'true and false can only be compared with eq or ne', 8],
    ['level co 5', '"co" compares text at position 7: write the value in double quotes', 7],
    ['', 'The filter is empty', 1],
    ['   ', 'The filter is empty', 1],
  ])('refuses %j and says what is wrong and where (R28)', (text, message, position) => {
    const error = filterError(() => parseFilter(text));
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.status).toBe(400);
    expect(error).toBeInstanceOf(Error);
  });

  it(`accepts a filter of ${MAX_FILTER_LENGTH} characters and refuses a longer one`, () => {
    const longest = `userName eq "${'x'.repeat(MAX_FILTER_LENGTH - 'userName eq ""'.length)}"`;
    expect(longest).toHaveLength(MAX_FILTER_LENGTH);
    expect(parseFilter(longest).kind).toBe('compare');
    const error = filterError(() => parseFilter(`${longest} `));
    expect(error.message).toBe(
      `The filter is ${MAX_FILTER_LENGTH + 1} characters long; the longest accepted is ${MAX_FILTER_LENGTH}`,
    );
  });

  it(`accepts nesting ${MAX_FILTER_DEPTH} deep and refuses deeper, counting (…), not (…) and […]`, () => {
    const parens = (depth: number) => `${'('.repeat(depth)}title pr${')'.repeat(depth)}`;
    expect(parseFilter(parens(MAX_FILTER_DEPTH))).toEqual(present('title'));
    const tooDeep = filterError(() => parseFilter(parens(MAX_FILTER_DEPTH + 1)));
    expect(tooDeep.message).toContain(
      `more than ${MAX_FILTER_DEPTH} deep at position ${MAX_FILTER_DEPTH + 1}`,
    );

    const mixed = (depth: number) => `${'not ('.repeat(depth - 1)}emails[type pr]${')'.repeat(depth - 1)}`;
    expect(parseFilter(mixed(MAX_FILTER_DEPTH)).kind).toBe('not');
    expect(filterError(() => parseFilter(mixed(MAX_FILTER_DEPTH + 1))).message).toContain('deep');
    // Thousands of opening parentheses fit in the length limit; they must fail fast, not overflow.
    expect(filterError(() => parseFilter('('.repeat(MAX_FILTER_LENGTH))).message).toContain('deep');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests for the parser and printer.

/** Random upper and lower case over a fixed spelling: names are case-insensitive. */
function anyCase(words: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
    .map(([word, flips]) =>
      Array.from(word, (ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join(''),
    );
}

/** A path arbitrary from its text; the node fields follow the parser's rules. */
const pathArb = (text: fc.Arbitrary<string>) => text.map(path);

const NAMES = [
  'userName',
  'title',
  'x',
  'a_b',
  'employee-Number',
  'given9',
  '$ref',
  'not',
  'and',
  'or',
  'pr',
  'eq',
];
const SCHEMAS = [CORE, ENTERPRISE, FACEBOOK, 'urn:x'];

const topPathArb = pathArb(
  fc
    .tuple(
      fc.option(anyCase(SCHEMAS), { nil: null }),
      anyCase(NAMES),
      fc.option(anyCase(NAMES), { nil: null }),
    )
    .map(
      ([schema, name, sub]) =>
        `${schema === null ? '' : `${schema}:`}${name}${sub === null ? '' : `.${sub}`}`,
    ),
);
const innerPathArb = pathArb(anyCase(NAMES));

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '"', '\\', '\ud800 lone surrogate', 'a"b\\c\n\u0000\u001f', ') or (x pr'),
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
);

/** An operator and a value the parser accepts together (eq/ne take anything, co/sw/ew text). */
const operandArb: fc.Arbitrary<[CompareOp, FilterValue]> = fc.oneof(
  fc.tuple(
    fc.constantFrom<CompareOp>('eq', 'ne'),
    fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null)),
  ),
  fc.tuple(fc.constantFrom<CompareOp>('co', 'sw', 'ew'), anyString),
  fc.tuple(fc.constantFrom<CompareOp>('gt', 'ge', 'lt', 'le'), fc.oneof(anyString, anyNumber)),
);

function leafArb(paths: fc.Arbitrary<AttrPath>): fc.Arbitrary<FilterNode> {
  return fc.oneof(
    fc
      .tuple(paths, operandArb)
      .map(([p, [op, value]]): FilterNode => ({ kind: 'compare', path: p, op, value })),
    paths.map((p): FilterNode => ({ kind: 'present', path: p })),
  );
}

/** Trees of and, or and not over `leaf`, with two or three filters in each run. */
function treeArb(leaf: fc.Arbitrary<FilterNode>, maxDepth: number): fc.Arbitrary<FilterNode> {
  return fc.letrec<{ node: FilterNode; and: FilterNode; or: FilterNode; not: FilterNode }>((tie) => ({
    node: fc.oneof({ maxDepth, depthSize: 'small' }, leaf, tie('and'), tie('or'), tie('not')),
    and: fc
      .array(tie('node'), { minLength: 2, maxLength: 3 })
      .map((filters): FilterNode => ({ kind: 'and', filters })),
    or: fc
      .array(tie('node'), { minLength: 2, maxLength: 3 })
      .map((filters): FilterNode => ({ kind: 'or', filters })),
    not: tie('node').map((filter): FilterNode => ({ kind: 'not', filter })),
  })).node;
}

const anyFilterArb = treeArb(
  fc.oneof(
    { weight: 3, arbitrary: leafArb(topPathArb) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          topPathArb.filter((p) => p.sub === null),
          treeArb(leafArb(innerPathArb), 2),
        )
        .map(([p, filter]): FilterNode => ({ kind: 'valuePath', path: p, filter })),
    },
  ),
  4,
);

/** Fragments that reach deep into the parser when strung together at random. */
const FRAGMENTS = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  ' ',
  'not',
  'not (',
  'and',
  'or',
  'eq',
  'Ne',
  'co',
  'pr',
  'gt',
  'userName',
  'emails',
  'name.givenName',
  `${CORE}:`,
  'urn:x::',
  '.',
  ':',
  '"abc"',
  '"a\\"',
  '\\u12',
  '1',
  '-0',
  '1e400',
  '01',
  'true',
  'null',
  "'",
  'é',
  '😀',
  '\n',
  '\u0000',
  '$ref',
  '@',
];

describe('SCIM filter printer and parser, properties (R28)', () => {
  it('prints any filter tree as text the parser reads back as the same tree', () => {
    fc.assert(
      fc.property(anyFilterArb, (node) => {
        expect(parseFilter(printFilter(node))).toEqual(node);
      }),
      { numRuns: 500 },
    );
  });

  it('throws nothing but ScimFilterError, with a position inside the text, for any input', () => {
    const inputs = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
      anyFilterArb.map(printFilter).chain((text) =>
        fc.tuple(fc.nat(text.length), fc.nat(3), anyString).map(([at, cut, insert]) => {
          return text.slice(0, at) + insert + text.slice(at + cut);
        }),
      ),
    );
    fc.assert(
      fc.property(inputs, (text) => {
        let node: FilterNode;
        try {
          node = parseFilter(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ScimFilterError);
          const { position, message } = error as ScimFilterError;
          if (position !== null) {
            expect(position).toBeGreaterThanOrEqual(1);
            expect(position).toBeLessThanOrEqual(text.length + 1);
          }
          expect(message.length).toBeGreaterThan(15);
          return;
        }
        // Whatever parses prints to an equivalent filter.
        expect(parseFilter(printFilter(node))).toEqual(node);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The in-memory evaluator.

const userTypes: AttributeTypes = {
  coreSchema: CORE,
  attributes: {
    id: { type: 'string', caseExact: true },
    userName: { type: 'string' },
    title: { type: 'string' },
    active: { type: 'boolean' },
    'name.givenName': { type: 'string' },
    'name.familyName': { type: 'string' },
    'meta.lastModified': { type: 'dateTime' },
    schemas: { type: 'string' },
    emails: {
      kind: 'multi',
      subAttributes: { value: { type: 'string' }, type: { type: 'string' }, primary: { type: 'boolean' } },
    },
    [`${ENTERPRISE}:employeeNumber`]: { type: 'string', caseExact: true },
    [`${ENTERPRISE}:organization`]: { type: 'string' },
    [`${FACEBOOK}:organization`]: { type: 'string' },
  },
};

const barbara = {
  schemas: [CORE, ENTERPRISE],
  id: 'Ab12',
  userName: 'BJensen',
  title: '',
  active: false,
  name: { givenName: 'Barbara', familyName: null },
  meta: { lastModified: '2026-03-02T10:00:00+01:00' },
  emails: [
    { value: 'babs@home.example', type: 'home' },
    { value: 'bjensen@work.example', type: 'Work', primary: true },
  ],
  [ENTERPRISE]: { employeeNumber: 'E-7' },
};

function holds(filter: string, resource: Record<string, unknown> = barbara): boolean {
  return matches(parseFilter(filter), resource, userTypes);
}

describe('SCIM filter evaluator (R28)', () => {
  it('compares strings case-insensitively unless the attribute is caseExact', () => {
    expect(holds('userName eq "bjensen"')).toBe(true);
    expect(holds('USERNAME EQ "BJENSEN"')).toBe(true);
    expect(holds('id eq "ab12"')).toBe(false);
    expect(holds('id eq "Ab12"')).toBe(true);
    expect(holds('userName sw "bj" and userName ew "SEN" and userName co "JEN"')).toBe(true);
    expect(holds('id sw "ab"')).toBe(false);
    expect(holds(`${ENTERPRISE}:employeeNumber eq "e-7"`)).toBe(false);
  });

  it('orders strings by code point, dateTimes by instant and compares booleans only for equality', () => {
    expect(holds('userName gt "BIG"')).toBe(true);
    expect(holds('userName lt "bk"')).toBe(true);
    expect(holds('id gt "a"')).toBe(false); // "A" sorts before "a" when case counts
    expect(holds('meta.lastModified eq "2026-03-02T09:00:00Z"')).toBe(true);
    expect(holds('meta.lastModified gt "2026-03-02T09:30:00+01:00"')).toBe(true);
    expect(holds('meta.lastModified lt "2026-03-02"')).toBe(false);
    expect(holds('active eq false and active ne true')).toBe(true);
    expect(filterError(() => holds('active gt "x"')).message).toBe(
      '"active" is true or false: compare it with eq or ne',
    );
  });

  it('treats null, "" and missing as not present, and an absent value as unequal to anything', () => {
    expect(holds('title pr')).toBe(false);
    expect(holds('active pr')).toBe(true);
    expect(holds('name.familyName pr')).toBe(false);
    expect(holds('name pr')).toBe(true);
    expect(holds('name.familyName eq null and title eq null and userName ne null')).toBe(true);
    expect(holds('name.familyName ne "x"')).toBe(true);
    expect(holds('not (name.familyName eq "x")')).toBe(true);
    expect(holds('name.familyName lt "zzz" or name.familyName co ""')).toBe(false);
  });

  it('matches a multi-valued attribute when any element does; a value path within one element', () => {
    expect(holds('emails.type eq "work"')).toBe(true);
    expect(holds('emails co "@home"')).toBe(true);
    expect(holds('emails.type eq "work" and emails.value co "babs"')).toBe(true);
    expect(holds('emails[type eq "work" and value co "babs"]')).toBe(false);
    expect(holds('emails[type eq "work" and value co "bjensen"]')).toBe(true);
    expect(holds('emails[not (primary eq true)]')).toBe(true);
    expect(holds('emails[type eq "other" or primary pr]')).toBe(true);
    expect(holds('emails pr', { ...barbara, emails: [] })).toBe(false);
    expect(holds('emails.value ne "x"', { ...barbara, emails: [] })).toBe(true);
    expect(holds('emails[value ne "x"]', { ...barbara, emails: [] })).toBe(false);
    expect(holds('schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"')).toBe(true);
  });

  it('finds core attributes with or without their schema, extensions without when unambiguous', () => {
    expect(holds(`${CORE}:userName eq "bjensen"`)).toBe(true);
    expect(holds(`${CORE.toUpperCase()}:name.GIVENNAME eq "barbara"`)).toBe(true);
    expect(holds('employeeNumber eq "E-7"')).toBe(true);
    expect(filterError(() => holds('organization pr')).message).toContain('is in more than one schema');
  });

  it('picks the elements a PATCH value path names', () => {
    const isWork = compileElementFilter(path('emails'), parseFilter('type eq "work"'), userTypes);
    expect(barbara.emails.filter(isWork)).toEqual([barbara.emails[1]]);
  });
});

// ---------------------------------------------------------------------------------------------
// SQL: a probe table on every database, checked against the evaluator.

interface ProbeRow {
  id: string;
  user_name: string | null;
  display_name: string | null;
  active: number | null;
  email: string | null;
  phone: string | null;
  phone_display: string | null;
  created_at: string | null;
  employee_number: string | null;
  level: number | null;
}

const probeMap: AttributeMap = {
  coreSchema: CORE,
  attributes: {
    id: { kind: 'column', column: 'id', type: 'string', caseExact: true },
    userName: { kind: 'column', column: 'user_name', type: 'string' },
    displayName: { kind: 'column', column: 'display_name', type: 'string' },
    active: { kind: 'column', column: 'active', type: 'boolean' },
    'meta.created': { kind: 'column', column: 'created_at', type: 'dateTime' },
    emails: {
      kind: 'multi',
      subAttributes: {
        value: { column: 'email', type: 'string' },
        type: { constant: 'work' },
        primary: { constant: true },
        display: { constant: null },
      },
    },
    phoneNumbers: {
      kind: 'multi',
      subAttributes: {
        value: { column: 'phone', type: 'string', caseExact: true },
        type: { constant: 'mobile' },
        // A sub-attribute in a column of its own, which only counts while the element exists.
        display: { column: 'phone_display', type: 'string' },
      },
    },
    [`${ENTERPRISE}:employeeNumber`]: {
      kind: 'column',
      column: 'employee_number',
      type: 'string',
      caseExact: true,
    },
    [`${PROBE}:level`]: { kind: 'column', column: 'level', type: 'integer' },
  },
};

/** A probe row as the SCIM resource a server would show for it. */
function resourceOf(row: ProbeRow): Record<string, unknown> {
  return {
    schemas: [CORE, ENTERPRISE, PROBE],
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    active: row.active === null ? null : row.active === 1,
    emails: row.email === null ? [] : [{ value: row.email, type: 'work', primary: true }],
    phoneNumbers:
      row.phone === null ? [] : [{ value: row.phone, type: 'mobile', display: row.phone_display }],
    meta: { created: row.created_at },
    [ENTERPRISE]: { employeeNumber: row.employee_number },
    [PROBE]: { level: row.level },
  };
}

// No upper-case letters beyond ASCII: lower() folds them on PostgreSQL but not on SQLite (see to-sql.ts).
// U+FF01 sorts after U+1F600 by code point (as the databases sort) but before it in UTF-16 units.
const ALPHABET = ['a', 'A', 'b', 'B', 'é', '😀', '\uff01', '%', '_', '\\', ' '];
const textArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 2 }).map((chars) => chars.join(''));
/** Filter values: single characters most often, so that co, sw and ew find something. */
const probeTextArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: textArb },
);
const INSTANTS = [
  '1999-12-31T23:59:59.999Z',
  '2026-03-01T00:00:00.000Z',
  '2026-03-02T09:00:00.000Z',
  '2026-03-02T09:00:00.001Z',
];
/** The same instants as a client might write them, and some between. */
const DATE_VALUES = [
  ...INSTANTS,
  '2026-03-02T10:00:00+01:00',
  '2026-03-02T09:00:00Z',
  '2026-03-02',
  '2026-03-01T23:00:00-01:00',
  '2026-03-02T09:00',
];
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const rowsArb = fc
  .array(
    fc.record({
      user_name: nullable(textArb),
      display_name: nullable(textArb),
      active: nullable(fc.constantFrom(0, 1)),
      email: nullable(textArb),
      phone: nullable(textArb),
      phone_display: nullable(textArb),
      created_at: nullable(fc.constantFrom(...INSTANTS)),
      employee_number: nullable(textArb),
      level: nullable(fc.integer({ min: -2, max: 3 })),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows): ProbeRow[] => rows.map((row, i) => ({ id: `r${i}`, ...row })));

type ValueKind = 'string' | 'boolean' | 'integer' | 'dateTime';
const OPS: Record<ValueKind, CompareOp[]> = {
  string: [...COMPARE_OPS],
  boolean: ['eq', 'ne'],
  integer: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  dateTime: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
};

function valueArb(kind: ValueKind, strings: fc.Arbitrary<string>): fc.Arbitrary<string | number | boolean> {
  if (kind === 'boolean') return fc.boolean();
  if (kind === 'integer') return fc.integer({ min: -3, max: 4 });
  if (kind === 'dateTime') return fc.constantFrom(...DATE_VALUES);
  return strings;
}

/** Comparisons and pr on attributes of one kind, for paths spelled in any case. */
function probeLeafArb(
  spellings: readonly string[],
  kind: ValueKind,
  strings: fc.Arbitrary<string> = probeTextArb,
): fc.Arbitrary<FilterNode> {
  const paths = pathArb(anyCase(spellings));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(paths, fc.constantFrom(...OPS[kind]), valueArb(kind, strings), fc.nat(9)).map(
        ([p, op, value, n]): FilterNode => ({
          kind: 'compare',
          path: p,
          op,
          // eq null and ne null now and then: "not present" and "present".
          value: n === 0 && (op === 'eq' || op === 'ne') ? null : value,
        }),
      ),
    },
    { weight: 1, arbitrary: paths.map((p): FilterNode => ({ kind: 'present', path: p })) },
  );
}

/** `emails[…]` over the sub-attributes the leaves name. */
function valuePathArb(spellings: string[], leaves: fc.Arbitrary<FilterNode>[]): fc.Arbitrary<FilterNode> {
  return fc
    .tuple(pathArb(anyCase(spellings)), treeArb(fc.oneof(...leaves), 2))
    .map(([p, filter]): FilterNode => ({ kind: 'valuePath', path: p, filter }));
}

const TYPE_VALUES = fc.constantFrom('work', 'WORK', 'Mobile', 'wo', 'rk', '', 'home');

const probeFilterArb = treeArb(
  fc.oneof(
    probeLeafArb(['userName', `${CORE}:userName`, 'displayName'], 'string'),
    probeLeafArb(['id'], 'string', fc.constantFrom('r0', 'R0', 'r1', 'r', '1', '')),
    probeLeafArb(['active', 'emails.primary'], 'boolean'),
    probeLeafArb(['meta.created', `${CORE}:meta.created`], 'dateTime'),
    probeLeafArb(
      ['emails', 'emails.value', 'emails.display', 'phoneNumbers', 'phoneNumbers.value'],
      'string',
    ),
    probeLeafArb(['phoneNumbers.display'], 'string'),
    probeLeafArb(['emails.type', 'phoneNumbers.type'], 'string', TYPE_VALUES),
    probeLeafArb(['employeeNumber', `${ENTERPRISE}:employeeNumber`, 'phoneNumbers.value'], 'string'),
    probeLeafArb(['level', `${PROBE}:level`], 'integer'),
    pathArb(anyCase(['meta', 'emails', 'phoneNumbers'])).map(
      (p): FilterNode => ({ kind: 'present', path: p }),
    ),
    valuePathArb(
      ['emails'],
      [
        probeLeafArb(['value', 'display'], 'string'),
        probeLeafArb(['type'], 'string', TYPE_VALUES),
        probeLeafArb(['primary'], 'boolean'),
      ],
    ),
    valuePathArb(
      ['phoneNumbers'],
      [probeLeafArb(['value', 'display'], 'string'), probeLeafArb(['type'], 'string', TYPE_VALUES)],
    ),
  ),
  3,
);

const PROBE_COLUMNS = [
  'user_name',
  'display_name',
  'email',
  'phone',
  'phone_display',
  'created_at',
  'employee_number',
];

/**
 * On PostgreSQL gt/lt on text follow the column's collation; "C" makes that code point order,
 * as on SQLite and in the evaluator, whatever the server's default locale is.
 */
async function createProbeTable(db: Kysely<ProbeDatabase>, dialect: DialectName) {
  const text = dialect === 'postgres' ? 'text collate "C"' : 'text';
  const columns = PROBE_COLUMNS.map((column) => `${column} ${text}`).join(', ');
  await sql
    .raw(`create table probe (id ${text} primary key, ${columns}, active integer, level integer)`)
    .execute(db);
}

interface ProbeDatabase {
  probe: ProbeRow;
}

async function matchingIds(db: Kysely<ProbeDatabase>, filter: FilterNode): Promise<string[]> {
  const rows = await db.selectFrom('probe').select('id').where(filterToSql(filter, probeMap)).execute();
  return rows.map((row) => row.id).sort();
}

async function replaceRows(db: Kysely<ProbeDatabase>, rows: ProbeRow[]) {
  await db.deleteFrom('probe').execute();
  if (rows.length > 0) await db.insertInto('probe').values(rows).execute();
}

const base: ProbeRow = {
  id: '',
  user_name: null,
  display_name: null,
  active: null,
  email: null,
  phone: null,
  phone_display: null,
  created_at: null,
  employee_number: null,
  level: null,
};

for (const dialect of dialects()) {
  describe(`SCIM filter to SQL (R28) [${dialect}]`, () => {
    let database: TestDatabase;
    let db: Kysely<ProbeDatabase>;

    beforeAll(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
      // The probe table is made here, outside Muster's schema type.
      db = database.storage.db as unknown as Kysely<ProbeDatabase>;
      await createProbeTable(db, dialect);
    });
    afterAll(async () => {
      await database?.destroy();
    });

    const compiled = (filter: string) =>
      db
        .selectFrom('probe')
        .select('id')
        .where(filterToSql(parseFilter(filter), probeMap))
        .compile();
    const param = dialect === 'postgres' ? String.raw`\$\d+` : String.raw`\?`;

    it('writes eq on a case-insensitive string as lower(column) = lower(value), a bound parameter', () => {
      const query = compiled('userName eq "Bob"');
      expect(query.sql).toMatch(new RegExp(`where lower\\("user_name"\\) = lower\\(${param}\\)$`));
      expect(query.parameters).toEqual(['Bob']);
      expect(compiled('id eq "Bob"').sql).toMatch(new RegExp(`where "id" = ${param}$`));
    });

    it('writes co, sw and ew as like with %, _ and \\ escaped and an explicit escape character', async () => {
      const query = compiled(String.raw`userName co "50%_\\"`);
      expect(query.sql).toMatch(new RegExp(`lower\\("user_name"\\) like lower\\(${param}\\) escape '\\\\'`));
      expect(query.parameters).toEqual([String.raw`%50\%\_\\%`]);
      expect(compiled('userName sw "a"').parameters).toEqual(['a%']);
      expect(compiled('userName ew "a"').parameters).toEqual(['%a']);
      await replaceRows(db, [
        { ...base, id: 'hit', user_name: String.raw`Over 50%_\ off` },
        { ...base, id: 'miss', user_name: String.raw`Over 50ab\ off` },
      ]);
      expect(await matchingIds(db, parseFilter(String.raw`userName co "50%_\\"`))).toEqual(['hit']);
    });

    it('keeps values out of the SQL text, so quotes in a filter stay data', async () => {
      await replaceRows(db, [{ ...base, id: 'r0', user_name: "x'); drop table probe; --" }]);
      const filter = `userName eq "x'); drop table probe; --" or displayName co "'"`;
      expect(compiled(filter).sql).not.toContain('drop');
      expect(await matchingIds(db, parseFilter(filter))).toEqual(['r0']);
    });

    it('finds absent values with ne, not (…) and eq null, and not with other operators', async () => {
      await replaceRows(db, [
        { ...base, id: 'empty' },
        { ...base, id: 'blank', user_name: '', email: '' },
        { ...base, id: 'bob', user_name: 'Bob', email: 'bob@example.com', active: 1 },
      ]);
      const ids = (filter: string) => matchingIds(db, parseFilter(filter));
      expect(await ids('userName ne "bob"')).toEqual(['blank', 'empty']);
      expect(await ids('not (userName eq "bob")')).toEqual(['blank', 'empty']);
      expect(await ids('not (userName sw "b")')).toEqual(['blank', 'empty']);
      expect(await ids('userName eq null')).toEqual(['blank', 'empty']);
      expect(await ids('userName pr')).toEqual(['bob']);
      expect(await ids('userName lt "z"')).toEqual(['blank', 'bob']);
      expect(await ids('active ne true')).toEqual(['blank', 'empty']);
      expect(await ids('emails pr')).toEqual(['blank', 'bob']);
      expect(await ids('emails.value pr')).toEqual(['bob']);
      expect(await ids('emails[type eq "work"]')).toEqual(['blank', 'bob']);
      expect(await ids('emails.type ne "work"')).toEqual(['empty']);
    });

    it('compares dateTimes as UTC ISO-8601 text, normalising the filter value', async () => {
      const query = compiled('meta.created gt "2026-03-02T10:00:00+01:00"');
      expect(query.parameters).toEqual(['2026-03-02T09:00:00.000Z']);
      await replaceRows(db, [
        { ...base, id: 'before', created_at: '2026-03-02T08:59:59.999Z' },
        { ...base, id: 'at', created_at: '2026-03-02T09:00:00.000Z' },
        { ...base, id: 'after', created_at: '2026-03-02T09:00:00.001Z' },
      ]);
      expect(await matchingIds(db, parseFilter('meta.created ge "2026-03-02T10:00:00+01:00"'))).toEqual([
        'after',
        'at',
      ]);
    });

    it('orders text by code point and matches case-exact text exactly, as the evaluator does', async () => {
      const texts = ['', 'a', 'A', 'ab', 'B', 'é', '😀', '\uff01', '%', 'a_b'];
      const rows = texts.map((text, i) => ({ ...base, id: `r${i}`, user_name: text, employee_number: text }));
      await replaceRows(db, rows);
      for (const attribute of ['userName', 'employeeNumber']) {
        for (const op of ['gt', 'ge', 'lt', 'le', 'co', 'sw', 'ew'] as const) {
          for (const value of texts) {
            const filter = compare(attribute, op, value);
            const expected = rows
              .filter((row) => matches(filter, resourceOf(row), probeMap))
              .map((row) => row.id);
            expect(await matchingIds(db, filter), printFilter(filter)).toEqual(expected.sort());
          }
        }
      }
    });

    it('runs the longest filter (a flat run of terms) and the most deeply nested one', async () => {
      const term = 'level eq 1 or ';
      const text = `${term.repeat(Math.floor((MAX_FILTER_LENGTH - 12) / term.length))}level eq 2`;
      expect(text.length).toBeLessThanOrEqual(MAX_FILTER_LENGTH);
      await replaceRows(db, [
        { ...base, id: 'r1', level: 1 },
        { ...base, id: 'r3', level: 3 },
      ]);
      expect(await matchingIds(db, parseFilter(text))).toEqual(['r1']);
      const depth = MAX_FILTER_DEPTH - 2;
      const deepest = `${'not ('.repeat(depth)}emails[not (value pr)]${')'.repeat(depth)}`;
      await replaceRows(db, [
        { ...base, id: 'blank', email: '' },
        { ...base, id: 'bob', email: 'bob@example.com' },
        { ...base, id: 'none' },
      ]);
      expect(await matchingIds(db, parseFilter(deepest))).toEqual(['blank']);
    });

    it.each([
      ['nickName eq "x"', 'There is no attribute "nickName" to filter on'],
      ['userName.first pr', 'There is no attribute "userName.first" to filter on'],
      ['emails.kind eq "x"', 'There is no attribute "emails.kind" to filter on'],
      ['emails[kind eq "x"]', 'There is no attribute "emails.kind" to filter on'],
      [`${FACEBOOK}:userName pr`, `There is no attribute "${FACEBOOK}:userName" to filter on`],
      ['active eq "true"', '"active" is true or false: compare it with one of those'],
      ['emails.primary gt "x"', '"emails.primary" is true or false: compare it with eq or ne'],
      ['userName eq 5', '"userName" is text: write the value in double quotes'],
      ['level sw "1"', '"level" is a whole number: compare it with eq, ne, gt, ge, lt or le'],
      ['level eq 1.5', '"level" is a whole number: compare it with one, such as 3'],
      [
        'meta.created co "2026"',
        '"meta.created" is a date and time: compare it with eq, ne, gt, ge, lt or le',
      ],
      ['meta.created gt 2026', '"meta.created" is a date and time: write one in double quotes'],
      ['meta.created gt "yesterday"', '"yesterday" is not a date and time: write one in ISO 8601'],
      ['meta.created lt "2026-02-30T00:00:00Z"', '"2026-02-30T00:00:00Z" is not a date and time'],
      ['meta eq "x"', '"meta" has sub-attributes: compare one of them, such as "meta.created"'],
      ['userName[value pr]', '"userName" is not a multi-valued attribute'],
      ['meta[created pr]', '"meta" is not a multi-valued attribute'],
    ])('refuses %j as invalidFilter, in SQL and in memory alike', (text, message) => {
      const node = parseFilter(text);
      const inSql = filterError(() => filterToSql(node, probeMap));
      expect(inSql.message).toContain(message);
      expect(inSql.scimType).toBe('invalidFilter');
      // Even with nothing to look at, the evaluator checks the whole filter.
      expect(filterError(() => matches(node, {}, probeMap)).message).toBe(inSql.message);
      expect(filterError(() => matches(or(present('userName'), node), {}, probeMap)).message).toBe(
        inSql.message,
      );
    });

    it('selects exactly the rows the evaluator matches, for random rows and filters', async () => {
      await fc.assert(
        fc.asyncProperty(rowsArb, probeFilterArb, async (rows, filter) => {
          await replaceRows(db, rows);
          const matcher = compileMatcher(filter, probeMap);
          const expected = rows
            .filter((row) => matcher(resourceOf(row)))
            .map((row) => row.id)
            .sort();
          expect(await matchingIds(db, filter), printFilter(filter)).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  });
}
