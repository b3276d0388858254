import type { AttrPath, CompareOp, FilterValue } from './ast.js';
import { ScimFilterError } from './error.js';

/**
 * What a filter needs to know about a resource type's attributes (RFC 7643 §2.3), and the checks the
 * evaluator and the SQL translator share, so that both accept and refuse exactly the same filters.
 */

export type ScalarType = 'string' | 'boolean' | 'dateTime' | 'integer';

/** A single-valued attribute or sub-attribute. Strings compare case-insensitively unless caseExact. */
export interface ScalarAttribute {
  type: ScalarType;
  caseExact?: boolean | undefined;
}

/** A sub-attribute every element has the same value of, such as the "work" type of Muster's one email. */
export interface ConstantAttribute {
  constant: string | boolean | null;
}

/** A multi-valued complex attribute such as emails. A bare `emails co "x"` compares its `value`. */
export interface MultiValuedAttribute {
  kind: 'multi';
  subAttributes: Record<string, ScalarAttribute | ConstantAttribute>;
}

export interface AttributeTypes {
  /** The schema whose attributes sit at the top of the resource; filters may name it or leave it out. */
  coreSchema: string;
  /**
   * Keyed by name, in any case: `userName`; `name.givenName` for a sub-attribute of a single-valued
   * complex attribute; `urn:…:enterprise:2.0:User:employeeNumber` for an extension attribute.
   */
  attributes: Record<string, ScalarAttribute | MultiValuedAttribute>;
}

/** Where a path leads in a resource: lower-case names; schema is null for the core schema. */
export interface Location {
  schema: string | null;
  name: string;
  sub: string | null;
}

/**
 * An attribute path checked against the attributes: a scalar (userName, name.givenName), a
 * multi-valued attribute or one of its sub-attributes (emails, emails.value), or a single-valued
 * complex attribute named whole (name), which only `pr` can test.
 */
export type Target<S, M> =
  | { kind: 'scalar'; attribute: S; location: Location }
  | { kind: 'multi'; attribute: M; location: Location }
  | { kind: 'complex'; members: { sub: string; attribute: S }[]; location: Location };

interface Index<S, M> {
  core: string;
  byKey: Map<string, S | M>;
  /** Lower-case extension schema URN → as the attribute map spells it, for messages. */
  extensions: Map<string, string>;
}

/** Attribute maps are constants, so each is indexed once, on first use. */
const indexes = new WeakMap<object, Index<unknown, unknown>>();

function indexOf<S, M>(types: { coreSchema: string; attributes: Record<string, S | M> }): Index<S, M> {
  const cached = indexes.get(types) as Index<S, M> | undefined;
  if (cached) return cached;
  const core = types.coreSchema.toLowerCase();
  const byKey = new Map<string, S | M>();
  const extensions = new Map<string, string>();
  for (const [key, attribute] of Object.entries(types.attributes)) {
    const colon = key.lastIndexOf(':');
    const schema = key.slice(0, Math.max(colon, 0));
    const local = key.slice(colon + 1).toLowerCase();
    if (colon < 0 || schema.toLowerCase() === core) {
      byKey.set(local, attribute);
    } else {
      byKey.set(`${schema.toLowerCase()}:${local}`, attribute);
      extensions.set(schema.toLowerCase(), schema);
    }
  }
  const index = { core, byKey, extensions };
  indexes.set(types, index);
  return index;
}

function isMulti<S, M extends MultiValuedAttribute>(attribute: S | M): attribute is M {
  return typeof attribute === 'object' && attribute !== null && 'subAttributes' in attribute;
}

function owns(index: Index<unknown, unknown>, base: string): boolean {
  if (index.byKey.has(base)) return true;
  for (const key of index.byKey.keys()) if (key.startsWith(`${base}.`)) return true;
  return false;
}

function unknownAttribute(path: AttrPath): ScimFilterError {
  return new ScimFilterError(`There is no attribute "${path.text}" to filter on`);
}

/**
 * Finds what a path names. Core attributes may be written with or without the core schema;
 * an extension attribute without its schema is found when exactly one extension has it
 * (RFC 7644 §3.10 lets clients leave the prefix off where that is unambiguous).
 */
export function resolvePath<S extends ScalarAttribute, M extends MultiValuedAttribute>(
  path: AttrPath,
  types: { coreSchema: string; attributes: Record<string, S | M> },
): Target<S, M> {
  const index = indexOf(types);
  let schema = path.schema === index.core ? null : path.schema;
  if (schema === null && path.schema === null && !owns(index, path.name)) {
    const candidates = [...index.extensions.keys()].filter((urn) => owns(index, `${urn}:${path.name}`));
    const [only, other] = candidates;
    if (other !== undefined) {
      const spelled = candidates.map((urn) => `${index.extensions.get(urn)}:${path.text}`).join(' or ');
      throw new ScimFilterError(`"${path.text}" is in more than one schema: write ${spelled}`);
    }
    if (only !== undefined) schema = only;
  }
  const base = schema === null ? path.name : `${schema}:${path.name}`;
  const location: Location = { schema, name: path.name, sub: path.sub };
  if (path.sub !== null) {
    const direct = index.byKey.get(`${base}.${path.sub}`);
    if (direct !== undefined && !isMulti(direct)) return { kind: 'scalar', attribute: direct, location };
    const parent = index.byKey.get(base);
    if (parent !== undefined && isMulti(parent) && findKey(parent.subAttributes, path.sub)) {
      return { kind: 'multi', attribute: parent, location };
    }
    throw unknownAttribute(path);
  }
  const direct = index.byKey.get(base);
  if (direct !== undefined) {
    return isMulti(direct)
      ? { kind: 'multi', attribute: direct, location }
      : { kind: 'scalar', attribute: direct, location };
  }
  const members: { sub: string; attribute: S }[] = [];
  for (const [key, attribute] of index.byKey) {
    if (key.startsWith(`${base}.`) && !isMulti(attribute)) {
      members.push({ sub: key.slice(base.length + 1), attribute });
    }
  }
  if (members.length === 0) throw unknownAttribute(path);
  return { kind: 'complex', members, location };
}

/** The multi-valued attribute a value path filters: `emails` in `emails[type eq "work"]`. */
export function valuePathTarget<S extends ScalarAttribute, M extends MultiValuedAttribute>(
  path: AttrPath,
  types: { coreSchema: string; attributes: Record<string, S | M> },
): Extract<Target<S, M>, { kind: 'multi' }> {
  const target = resolvePath<S, M>(path, types);
  if (target.kind !== 'multi' || path.sub !== null) {
    throw new ScimFilterError(
      `"${path.text}" is not a multi-valued attribute: a value path such as emails[type eq "work"] ` +
        'picks out elements of one',
    );
  }
  return target;
}

/** `name eq "x"`: a complex attribute has no value of its own to compare. */
export function complexComparison(path: AttrPath, example: string): ScimFilterError {
  return new ScimFilterError(`"${path.text}" has sub-attributes: compare one of them, such as "${example}"`);
}

/** The parser refuses nested brackets; a tree built by hand might still hold them. */
export function nestedValuePath(path: AttrPath): ScimFilterError {
  return new ScimFilterError(`Value paths cannot be nested, as "${path.text}[…]" is`);
}

/** A record's entry under a key compared case-insensitively (`lowerKey` is already lower-case). */
export function findKey<T>(record: Record<string, T>, lowerKey: string): [string, T] | undefined {
  for (const entry of Object.entries(record)) if (entry[0].toLowerCase() === lowerKey) return entry;
  return undefined;
}

/**
 * The sub-attribute of a multi-valued attribute named as `emails.type` or inside `emails[…]`;
 * `pathText` is how the filter wrote it, for the message.
 */
export function subAttributeOf<T>(
  parent: { subAttributes: Record<string, T> },
  sub: string,
  pathText: string,
): T {
  const entry = findKey(parent.subAttributes, sub);
  if (!entry) throw new ScimFilterError(`There is no attribute "${pathText}" to filter on`);
  return entry[1];
}

/** The type a constant sub-attribute compares as: strings as case-insensitive text, like SCIM's "type". */
export function scalarOf(attribute: ScalarAttribute | ConstantAttribute): ScalarAttribute {
  if (!('constant' in attribute)) return attribute;
  return { type: typeof attribute.constant === 'boolean' ? 'boolean' : 'string' };
}

const ORDERING = 'compare it with eq, ne, gt, ge, lt or le';

/**
 * Checks a comparison against the attribute's type and returns the value to compare with:
 * dateTimes become ISO-8601 UTC text (the form they are stored in), others are unchanged.
 * RFC 7644 §3.4.2.2: booleans take only eq and ne; gt/ge/lt/le order strings and dates.
 */
export function checkComparison(
  path: AttrPath,
  attribute: ScalarAttribute,
  op: CompareOp,
  value: FilterValue,
): FilterValue {
  const name = `"${path.text}"`;
  const text = op === 'co' || op === 'sw' || op === 'ew';
  if (value === null) {
    if (op !== 'eq' && op !== 'ne')
      throw new ScimFilterError(`${name} can only be compared with null by eq or ne`);
    return null;
  }
  switch (attribute.type) {
    case 'string':
      if (typeof value !== 'string')
        throw new ScimFilterError(`${name} is text: write the value in double quotes`);
      return value;
    case 'boolean':
      if (op !== 'eq' && op !== 'ne')
        throw new ScimFilterError(`${name} is true or false: compare it with eq or ne`);
      if (typeof value !== 'boolean')
        throw new ScimFilterError(`${name} is true or false: compare it with one of those`);
      return value;
    case 'integer':
      if (text) throw new ScimFilterError(`${name} is a whole number: ${ORDERING}`);
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new ScimFilterError(`${name} is a whole number: compare it with one, such as 3`);
      }
      return value;
    case 'dateTime':
      if (text) throw new ScimFilterError(`${name} is a date and time: ${ORDERING}`);
      if (typeof value !== 'string') {
        throw new ScimFilterError(
          `${name} is a date and time: write one in double quotes, as in "${EXAMPLE_DATE}"`,
        );
      }
      return normaliseDateTime(value);
  }
}

const EXAMPLE_DATE = '2026-03-02T09:00:00Z';
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An xsd:dateTime (or a bare date) as `toISOString()` text. A time without an offset is taken as UTC,
 * so the answer never depends on the server's time zone.
 */
function normaliseDateTime(value: string): string {
  const match = DATE_TIME.exec(value.trim());
  const invalid = () =>
    new ScimFilterError(`"${value}" is not a date and time: write one in ISO 8601, as in "${EXAMPLE_DATE}"`);
  if (!match) throw invalid();
  const [, year = '', month = '', day = '', time, offset] = match;
  // Date accepts 30 February and rolls it over to March; a filter that says it is a mistake.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(Number(year), Number(month), 0);
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > lastDay.getUTCDate()) {
    throw invalid();
  }
  const clock = time === undefined ? '' : `T${time}${(offset ?? 'Z').toUpperCase()}`;
  const iso = `${year}-${month}-${day}${clock}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw invalid();
  const normalised = date.toISOString();
  // Years outside 0000–9999 print as ±YYYYYY and would not sort as text beside the rest.
  if (!/^\d{4}-/.test(normalised)) throw invalid();
  return normalised;
}
