import type { CompareOp, FilterValue } from './ast.js';
import { ScimFilterError } from './error.js';

// Reading a filter: the position, the words, and the JSON values, with error messages that say
// where a mistake is.

export interface Cursor {
  readonly text: string;
  /** 0-based index of the next character to read. */
  pos: number;
  depth: number;
  /** The last token read, quoted in messages: `after "userName"`. */
  last: string | null;
}

/** Characters that end a word wherever they appear. */
const DELIMITERS = '()[]"';
export const SPACE = /\s/;
export const NAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;
/** Colon-separated segments, none empty: URNs such as urn:ietf:params:scim:schemas:core:2.0:User. */
export const SCHEMA = /^[^:]+(?::[^:]+)*$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function positioned(what: string, index: number, detail = ''): ScimFilterError {
  return new ScimFilterError(`${what} at position ${index + 1}${detail}`, index + 1);
}

export function shorten(token: string): string {
  return token.length > 40 ? `${token.slice(0, 39)}…` : token;
}

export function after(cursor: Cursor): string {
  return cursor.last === null ? '' : ` after "${shorten(cursor.last)}"`;
}

/** `, found "xyz"` for the token at the cursor, which stands after any white space. */
export function found(cursor: Cursor, index = cursor.pos): string {
  const ch = cursor.text[index];
  if (ch === undefined) return ', but the filter ends there';
  if (ch === '"') return ', found a string';
  if (DELIMITERS.includes(ch)) return `, found "${ch}"`;
  return `, found "${shorten(wordAt(cursor.text, index))}"`;
}

export function skipSpace(cursor: Cursor): void {
  while (cursor.pos < cursor.text.length && SPACE.test(cursor.text[cursor.pos] ?? '')) cursor.pos += 1;
}

export function wordAt(text: string, index: number): string {
  let end = index;
  while (end < text.length) {
    const ch = text[end] ?? '';
    if (SPACE.test(ch) || DELIMITERS.includes(ch)) break;
    end += 1;
  }
  return text.slice(index, end);
}

/** A JSON value: a string, a number, true, false or null (the literals in any case). */
export function parseValue(cursor: Cursor): FilterValue {
  skipSpace(cursor);
  const { text } = cursor;
  const start = cursor.pos;
  if (text[start] === '"') return readString(cursor);
  const word = wordAt(text, start);
  const lower = word.toLowerCase();
  let value: FilterValue | undefined;
  if (lower === 'true') value = true;
  else if (lower === 'false') value = false;
  else if (lower === 'null') value = null;
  else if (NUMBER.test(word)) {
    const number = Number(word);
    if (!Number.isFinite(number)) throw positioned(`The number ${shorten(word)} is too large`, start);
    // JSON allows -0; it means 0, and keeping the sign would only surprise.
    value = number === 0 ? 0 : number;
  }
  if (value === undefined) {
    const hint =
      word === '' || word.startsWith("'")
        ? ''
        : `: write text in double quotes, as in "${shorten(word).replace(/["\\]/g, '\\$&')}"`;
    throw positioned(
      `Expected a value (a "string" in double quotes, a number, true, false or null)${after(cursor)}`,
      start,
      `${found(cursor)}${word.startsWith("'") ? ': strings go in double quotes, not single' : hint}`,
    );
  }
  cursor.pos += word.length;
  cursor.last = word;
  return value;
}

const SIMPLE_ESCAPES = '"\\/bfnrt';

/** A JSON string, checked character by character so a mistake can be pointed at. */
function readString(cursor: Cursor): string {
  const { text } = cursor;
  const start = cursor.pos;
  let index = start + 1;
  for (;;) {
    const ch = text[index];
    if (ch === undefined) {
      throw positioned('The string starting', start, ' is not closed: end it with a double quote');
    }
    if (ch === '"') break;
    if (ch === '\\') {
      const escaped = text[index + 1] ?? '';
      if (escaped !== '' && SIMPLE_ESCAPES.includes(escaped)) {
        index += 2;
        continue;
      }
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
        index += 6;
        continue;
      }
      throw positioned(
        `The escape "${text.slice(index, index + (escaped === 'u' ? 6 : 2))}" in a string`,
        index,
        ' is not valid: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits',
      );
    }
    if (ch < ' ') {
      const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw positioned(
        `A control character (U+${code}) in a string`,
        index,
        ' must be escaped, as in \\n or \\u0009',
      );
    }
    index += 1;
  }
  const raw = text.slice(start, index + 1);
  cursor.pos = index + 1;
  cursor.last = raw;
  // Every character and escape was checked above, so this is plain JSON decoding.
  return JSON.parse(raw) as string;
}

/** Operator and value combinations that are wrong whatever the attribute (RFC 7644 §3.4.2.2). */
export function checkOperand(op: CompareOp, opWord: string, at: number, value: FilterValue): void {
  const equality = op === 'eq' || op === 'ne';
  if (value === null && !equality) {
    throw positioned(
      `"${opWord}" cannot compare with null`,
      at,
      ': only eq and ne can (eq null finds attributes without a value)',
    );
  }
  if (typeof value === 'boolean' && !equality) {
    throw positioned(
      `"${opWord}" cannot compare with ${value}`,
      at,
      ': true and false can only be compared with eq or ne',
    );
  }
  if ((op === 'co' || op === 'sw' || op === 'ew') && typeof value !== 'string') {
    throw positioned(`"${opWord}" compares text`, at, ': write the value in double quotes');
  }
}
