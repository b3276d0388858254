import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CompareOp, FilterValue } from './ast.js';
import type { ScalarAttribute } from './attributes.js';

// One column compared with one value: the leaves of filter.sql.ts.

export type Condition = RawBuilder<SqlBool>;

export const TRUE: Condition = sql<SqlBool>`1 = 1`;
export const FALSE: Condition = sql<SqlBool>`1 = 0`;

/** A sub-attribute kept in a column. */
export interface SubColumn extends ScalarAttribute {
  column: string;
}

export function columnPresent(attribute: SubColumn): Condition {
  const ref = sql.ref(attribute.column);
  return attribute.type === 'string'
    ? sql<SqlBool>`(${ref} is not null and ${ref} <> '')`
    : sql<SqlBool>`${ref} is not null`;
}

function columnAbsent(attribute: SubColumn): Condition {
  const ref = sql.ref(attribute.column);
  return attribute.type === 'string'
    ? sql<SqlBool>`(${ref} is null or ${ref} = '')`
    : sql<SqlBool>`${ref} is null`;
}

/** Fixed SQL for each ordering operator; only these strings are ever spliced in. */
const ORDER_SQL = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

export function columnCompare(attribute: SubColumn, op: CompareOp, value: FilterValue): Condition {
  if (value === null) return op === 'eq' ? columnAbsent(attribute) : columnPresent(attribute);
  const ref = sql.ref(attribute.column);
  if (attribute.type === 'string' && typeof value === 'string') {
    return stringCompare(ref, attribute.caseExact === true, op, value);
  }
  let operand: RawBuilder<unknown>;
  if (attribute.type === 'boolean') operand = sql`${value ? 1 : 0}`;
  // A cast keeps PostgreSQL from reading the parameter as the column's type, which may be
  // narrower (integer) than the number the filter gives.
  else if (attribute.type === 'integer') operand = sql`cast(${value} as bigint)`;
  else operand = sql`${value}`;
  if (op === 'ne') return sql<SqlBool>`(${ref} is null or ${ref} <> ${operand})`;
  if (op === 'co' || op === 'sw' || op === 'ew') return FALSE; // refused by checkComparison
  return sql<SqlBool>`${ref} ${sql.raw(ORDER_SQL[op])} ${operand}`;
}

function stringCompare(
  ref: RawBuilder<unknown>,
  caseExact: boolean,
  op: CompareOp,
  value: string,
): Condition {
  const left = caseExact ? ref : sql`lower(${ref})`;
  const right = caseExact ? sql`${value}` : sql`lower(${value})`;
  switch (op) {
    case 'ne':
      return sql<SqlBool>`(${ref} is null or ${left} <> ${right})`;
    case 'co':
    case 'sw':
    case 'ew':
      return caseExact ? exactText(ref, op, value) : likeText(ref, op, value);
    default:
      return sql<SqlBool>`${left} ${sql.raw(ORDER_SQL[op])} ${right}`;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeText(ref: RawBuilder<unknown>, op: 'co' | 'sw' | 'ew', value: string): Condition {
  const pattern = `${op === 'sw' ? '' : '%'}${escapeLike(value)}${op === 'ew' ? '' : '%'}`;
  // An explicit ESCAPE makes SQLite honour the backslashes as PostgreSQL does.
  return sql<SqlBool>`lower(${ref}) like lower(${pattern}) escape '\\'`;
}

/** Case-sensitive co/sw/ew in SQL both databases share (like ignores case on SQLite). */
function exactText(ref: RawBuilder<unknown>, op: 'co' | 'sw' | 'ew', value: string): Condition {
  // Both databases count text in code points, as Array.from does.
  const length = Array.from(value).length;
  if (op === 'co') {
    // replace() leaves the text unchanged when the value is not in it; everything contains "".
    return length === 0
      ? sql<SqlBool>`${ref} is not null`
      : sql<SqlBool>`replace(${ref}, ${value}, '') <> ${ref}`;
  }
  if (op === 'sw') return sql<SqlBool>`substr(${ref}, 1, ${length}) = ${value}`;
  // Text shorter than the value yields a shorter substring (whatever each database makes of a start
  // before the first character), which cannot equal the value.
  return sql<SqlBool>`substr(${ref}, length(${ref}) - ${length} + 1) = ${value}`;
}
