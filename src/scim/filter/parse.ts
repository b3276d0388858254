import { type AttrPath, COMPARE_OPS, type CompareOp, type FilterNode } from './ast.js';
import { ScimFilterError } from './error.js';
import {
  after,
  type Cursor,
  checkOperand,
  found,
  NAME,
  parseValue,
  positioned,
  SCHEMA,
  SPACE,
  shorten,
  skipSpace,
  wordAt,
} from './read.js';

/** Real filters are a few hundred characters at most; the bound caps the work one request can ask for. */
export const MAX_FILTER_LENGTH = 4096;
/** Parentheses, not (…) and value paths nested deeper than this are refused, so recursion stays shallow. */
export const MAX_FILTER_DEPTH = 32;

/**
 * A recursive-descent parser for RFC 7644 §3.4.2.2 filters:
 *
 *   filter   = and *("or" and)                 ; "and" binds tighter than "or"
 *   and      = unit *("and" unit)
 *   unit     = "(" filter ")" / "not" "(" filter ")" / path "[" filter "]" / path "pr" / path op value
 *   path     = [schema-urn ":"] name ["." name]
 *   value    = JSON string / JSON number / true / false / null
 *
 * Keywords and attribute names are case-insensitive. Words are only keywords where the grammar
 * expects one, so an attribute may be called `not`, `and` or `pr`. Whitespace between tokens is
 * any run of white space (RFC 7644 says one space; clients are not always that tidy).
 */
export function parseFilter(text: string): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new ScimFilterError(
      `The filter is ${text.length} characters long; the longest accepted is ${MAX_FILTER_LENGTH}`,
    );
  }
  const cursor: Cursor = { text, pos: 0, depth: 0, last: null };
  skipSpace(cursor);
  if (cursor.pos === text.length) {
    throw new ScimFilterError('The filter is empty: write one such as userName eq "bjensen"', 1);
  }
  const node = parseOr(cursor, null);
  skipSpace(cursor);
  if (cursor.pos < text.length) {
    const ch = text[cursor.pos];
    const what = ch === ')' || ch === ']' ? `, found "${ch}" with nothing open to close` : found(cursor);
    throw positioned(`Expected "and", "or" or the end of the filter${after(cursor)}`, cursor.pos, what);
  }
  return node;
}

function isCompareOp(word: string): word is CompareOp {
  return (COMPARE_OPS as readonly string[]).includes(word);
}

/** Reads `keyword` if it is the next word; the caller has just finished a whole filter. */
function nextKeyword(cursor: Cursor, keyword: 'and' | 'or'): boolean {
  skipSpace(cursor);
  const word = wordAt(cursor.text, cursor.pos);
  if (word.toLowerCase() !== keyword) return false;
  cursor.pos += word.length;
  cursor.last = word;
  return true;
}

function parseOr(cursor: Cursor, parent: AttrPath | null): FilterNode {
  const first = parseAnd(cursor, parent);
  const filters = [first];
  while (nextKeyword(cursor, 'or')) filters.push(parseAnd(cursor, parent));
  return filters.length === 1 ? first : { kind: 'or', filters };
}

function parseAnd(cursor: Cursor, parent: AttrPath | null): FilterNode {
  const first = parseUnit(cursor, parent);
  const filters = [first];
  while (nextKeyword(cursor, 'and')) filters.push(parseUnit(cursor, parent));
  return filters.length === 1 ? first : { kind: 'and', filters };
}

/** Parses `open filter close`; the cursor stands on `open`. */
function parseNested(cursor: Cursor, open: '(' | '[', parent: AttrPath | null): FilterNode {
  const close = open === '(' ? ')' : ']';
  const opened = cursor.pos;
  if (cursor.depth >= MAX_FILTER_DEPTH) {
    throw positioned(
      `The filter nests parentheses, not (…) and value paths more than ${MAX_FILTER_DEPTH} deep`,
      opened,
      '; simplify it',
    );
  }
  cursor.depth += 1;
  cursor.pos += 1;
  cursor.last = open;
  const inner = parseOr(cursor, parent);
  skipSpace(cursor);
  if (cursor.text[cursor.pos] !== close) {
    throw positioned(
      `Expected "and", "or" or "${close}"${after(cursor)}`,
      cursor.pos,
      `${found(cursor)} (the "${open}" at position ${opened + 1} is not closed)`,
    );
  }
  cursor.pos += 1;
  cursor.last = close;
  cursor.depth -= 1;
  return inner;
}

/** One comparison, presence test, value path, `not (…)` or parenthesised filter. */
function parseUnit(cursor: Cursor, parent: AttrPath | null): FilterNode {
  skipSpace(cursor);
  const { text } = cursor;
  const start = cursor.pos;
  if (text[start] === '(') return parseNested(cursor, '(', parent);
  const word = wordAt(text, start);
  if (word === '') {
    throw positioned(`Expected an attribute name, "not" or "("${after(cursor)}`, start, found(cursor));
  }
  if (word.toLowerCase() === 'not') {
    let next = start + word.length;
    while (next < text.length && SPACE.test(text[next] ?? '')) next += 1;
    if (text[next] === '(') {
      cursor.pos = next;
      cursor.last = word;
      return { kind: 'not', filter: parseNested(cursor, '(', parent) };
    }
    // `not` is also a legal attribute name; it is one when an operator or "[" follows it.
    if (text[next] !== '[' && !isOperatorWord(wordAt(text, next))) {
      throw positioned(
        `Expected "(" after "${word}"`,
        next,
        `${found(cursor, next)}: negate a filter by putting it in parentheses, as in not (title pr)`,
      );
    }
  }
  cursor.pos += word.length;
  cursor.last = word;
  const path = toPath(word, start, parent);
  skipSpace(cursor);
  if (text[cursor.pos] === '[') {
    if (parent) {
      throw positioned(
        'A value path cannot be nested',
        cursor.pos,
        `: "${shorten(parent.text)}[…]" already picks out elements`,
      );
    }
    if (path.sub !== null) {
      throw positioned(
        `"${path.text}[…]" filters a sub-attribute`,
        start,
        `: a value path filters the elements of a multi-valued attribute, as in emails[type eq "work"]`,
      );
    }
    return { kind: 'valuePath', path, filter: parseNested(cursor, '[', path) };
  }
  const opStart = cursor.pos;
  const opWord = wordAt(text, opStart);
  const op = opWord.toLowerCase();
  if (op === 'pr') {
    cursor.pos += opWord.length;
    cursor.last = opWord;
    return { kind: 'present', path };
  }
  if (!isCompareOp(op)) {
    throw positioned(
      `Expected an operator after "${shorten(path.text)}"`,
      opStart,
      `${found(cursor)}: use eq, ne, co, sw, ew, gt, ge, lt, le or pr`,
    );
  }
  cursor.pos += opWord.length;
  cursor.last = `${path.text} ${opWord}`;
  const value = parseValue(cursor);
  checkOperand(op, opWord, opStart, value);
  return { kind: 'compare', path, op, value };
}

function isOperatorWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'pr' || isCompareOp(lower);
}

/** Splits `urn:…:User:name.givenName` at the last colon and the dot, checking every part. */
function toPath(word: string, start: number, parent: AttrPath | null): AttrPath {
  const colon = word.lastIndexOf(':');
  const schema = colon >= 0 ? word.slice(0, colon) : null;
  const local = word.slice(colon + 1);
  const invalid = (why: string) =>
    positioned(`"${shorten(word)}" is not an attribute path`, start, `: ${why}`);
  if (schema !== null && !SCHEMA.test(schema)) {
    throw invalid('the schema URN before the attribute name has an empty part');
  }
  if (local === '') throw invalid('the attribute name after the schema URN is missing');
  const parts = local.split('.');
  if (parts.length > 2) throw invalid('a path has at most one dot, as in name.givenName');
  for (const part of parts) {
    if (!NAME.test(part)) {
      const problem = part === '' ? 'a name is empty' : `"${shorten(part)}" is not a name`;
      throw invalid(`${problem}; names start with a letter and go on with letters, digits, "-" or "_"`);
    }
  }
  const [name = '', sub = null] = parts;
  if (parent && (schema !== null || sub !== null)) {
    throw positioned(
      `Inside "${shorten(parent.text)}[…]" name a sub-attribute of ${shorten(parent.text)}, such as "value"`,
      start,
      `, not "${shorten(word)}"`,
    );
  }
  return {
    schema: schema === null ? null : schema.toLowerCase(),
    name: name.toLowerCase(),
    sub: sub === null ? null : sub.toLowerCase(),
    text: word,
  };
}
