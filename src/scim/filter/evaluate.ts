import type { AttrPath, CompareOp, FilterNode, FilterValue, ValuePathNode } from './ast.js';
import {
  type AttributeTypes,
  checkComparison,
  complexComparison,
  findKey,
  type Location,
  type MultiValuedAttribute,
  nestedValuePath,
  resolvePath,
  type ScalarAttribute,
  scalarOf,
  subAttributeOf,
  valuePathTarget,
} from './attributes.js';

/**
 * The reference meaning of a filter over one SCIM resource in memory (RFC 7644 §3.4.2.2). Searches
 * run as SQL (to-sql.ts); this is the oracle the SQL is tested against, and serves PATCH value paths.
 *
 * - Strings compare case-insensitively unless the attribute is caseExact. Case is folded for ASCII
 *   letters only, as SQLite's lower() does, so memory and database agree.
 * - gt/ge/lt/le order strings by code point, dateTimes by instant, integers by number.
 * - pr: present and not null, "" or empty. `eq null` means not present, `ne null` present.
 * - An absent value is not equal to anything (`ne` matches it) and matches no other operator.
 * - A multi-valued attribute matches when any element does; with no elements it is absent.
 * - `emails[…]` matches when one element satisfies the whole inner filter.
 *
 * Unknown attributes and comparisons the type does not allow throw ScimFilterError, whatever the
 * resource holds: the filter is checked whole before any value is looked at.
 */
export function matches(
  node: FilterNode,
  resource: Record<string, unknown>,
  attributes: AttributeTypes,
): boolean {
  return compileMatcher(node, attributes)(resource);
}

/** `matches` with the checks done once, for testing many resources against one filter. */
export function compileMatcher(
  node: FilterNode,
  attributes: AttributeTypes,
): (resource: Record<string, unknown>) => boolean {
  return compile(
    node,
    (path) => resourceLeaf(path, attributes),
    (valuePath) => {
      const location = valuePathTarget(valuePath.path, attributes).location;
      const test = compileElementFilter(valuePath.path, valuePath.filter, attributes);
      return (resource) => elementsAt(resource, location).some(test);
    },
  );
}

type Test<T> = (scope: T) => boolean;

/** What a path gives a comparison: the type it compares as and, for a scope, the values found. */
interface Leaf<T> {
  /** null for a complex attribute, which only pr can test; `example` then names a sub-attribute. */
  attribute: ScalarAttribute | null;
  example: string;
  /** Every value at the path; [] when there is none. */
  values(scope: T): unknown[];
  present(scope: T): boolean;
}

/** Builds the test for a node; `valuePathOf` is null inside brackets, where value paths cannot nest. */
function compile<T>(
  node: FilterNode,
  leafOf: (path: AttrPath) => Leaf<T>,
  valuePathOf: ((node: ValuePathNode) => Test<T>) | null,
): Test<T> {
  switch (node.kind) {
    case 'and': {
      const tests = node.filters.map((filter) => compile(filter, leafOf, valuePathOf));
      return (scope) => tests.every((test) => test(scope));
    }
    case 'or': {
      const tests = node.filters.map((filter) => compile(filter, leafOf, valuePathOf));
      return (scope) => tests.some((test) => test(scope));
    }
    case 'not': {
      const test = compile(node.filter, leafOf, valuePathOf);
      return (scope) => !test(scope);
    }
    case 'present': {
      const leaf = leafOf(node.path);
      return (scope) => leaf.present(scope);
    }
    case 'compare': {
      const leaf = leafOf(node.path);
      if (!leaf.attribute) throw complexComparison(node.path, leaf.example);
      const attribute = leaf.attribute;
      const value = checkComparison(node.path, attribute, node.op, node.value);
      return (scope) => compareAll(leaf.values(scope), node.op, value, attribute);
    }
    case 'valuePath':
      if (valuePathOf) return valuePathOf(node);
      throw nestedValuePath(node.path);
  }
}

function resourceLeaf(path: AttrPath, types: AttributeTypes): Leaf<Record<string, unknown>> {
  const target = resolvePath(path, types);
  const location = target.location;
  switch (target.kind) {
    case 'scalar':
      return {
        attribute: target.attribute,
        example: path.text,
        values: (resource) => valuesAt(resource, location),
        present: (resource) => valuesAt(resource, location).some(isPresent),
      };
    case 'complex':
      return {
        attribute: null,
        example: `${path.text}.${target.members[0]?.sub ?? ''}`,
        values: () => [],
        present: (resource) =>
          target.members.some((member) =>
            valuesAt(resource, { ...location, sub: member.sub }).some(isPresent),
          ),
      };
    case 'multi':
      return multiLeaf(path, target.attribute, location);
  }
}

/** emails, emails.value: one value per element; a bare `emails` compares each element's value. */
function multiLeaf(
  path: AttrPath,
  multi: MultiValuedAttribute,
  location: Location,
): Leaf<Record<string, unknown>> {
  const sub = location.sub ?? 'value';
  const definition = location.sub
    ? subAttributeOf(multi, location.sub, path.text)
    : findKey(multi.subAttributes, 'value')?.[1];
  const values = (resource: Record<string, unknown>) =>
    elementsAt(resource, location).map((element) => field(element, sub));
  const subs = Object.keys(multi.subAttributes).map((key) => key.toLowerCase());
  return {
    attribute: definition ? scalarOf(definition) : null,
    example: `${path.text}.${subs[0] ?? 'value'}`,
    values,
    present: location.sub
      ? (resource) => values(resource).some(isPresent)
      : (resource) =>
          elementsAt(resource, location).some((element) => subs.some((s) => isPresent(field(element, s)))),
  };
}

/**
 * The inner filter of `emails[type eq "work" and value co "@example.com"]` as a test of one element;
 * its paths name sub-attributes of `path`. A search matches when some element passes; PATCH
 * (RFC 7644 §3.5.2) uses it to pick the elements an operation applies to.
 */
export function compileElementFilter(
  path: AttrPath,
  filter: FilterNode,
  attributes: AttributeTypes,
): (element: unknown) => boolean {
  const multi = valuePathTarget(path, attributes).attribute;
  return compile<unknown>(
    filter,
    (inner) => {
      const definition = subAttributeOf(multi, inner.name, `${path.text}.${inner.text}`);
      return {
        attribute: scalarOf(definition),
        example: inner.text,
        values: (element) => list(field(element, inner.name)),
        present: (element) => isPresent(field(element, inner.name)),
      };
    },
    null,
  );
}

/** Whether a value counts as there for pr: not absent, null, "" or an empty array or object. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (typeof value === 'object') return Object.values(value).some(isPresent);
  return true;
}

function compareAll(
  values: unknown[],
  op: CompareOp,
  expected: FilterValue,
  attribute: ScalarAttribute,
): boolean {
  if (expected === null) {
    const present = values.some(isPresent);
    return op === 'eq' ? !present : present;
  }
  if (values.length === 0) return compareScalar(undefined, op, expected, attribute);
  return values.some((value) => compareScalar(value, op, expected, attribute));
}

/**
 * One value against a checked, non-null filter value (see checkComparison). A value that is absent,
 * or not of the attribute's JSON type, is unequal to everything and matches no other operator.
 */
export function compareScalar(
  actual: unknown,
  op: CompareOp,
  expected: string | number | boolean,
  attribute: ScalarAttribute,
): boolean {
  let order: number;
  switch (attribute.type) {
    case 'string': {
      if (typeof actual !== 'string' || typeof expected !== 'string') return op === 'ne';
      const a = attribute.caseExact ? actual : foldCase(actual);
      const e = attribute.caseExact ? expected : foldCase(expected);
      // Equal strings are equal code point by code point: no ordering needed (a PATCH removing
      // members one by one tests every member of the group once an operation).
      if (op === 'eq') return a === e;
      if (op === 'ne') return a !== e;
      if (op === 'co') return a.includes(e);
      if (op === 'sw') return a.startsWith(e);
      if (op === 'ew') return a.endsWith(e);
      order = compareCodePoints(a, e);
      break;
    }
    case 'boolean':
      if (typeof actual !== 'boolean') return op === 'ne';
      order = actual === expected ? 0 : 1;
      break;
    case 'integer':
      if (typeof actual !== 'number' || typeof expected !== 'number') return op === 'ne';
      order = actual - expected;
      break;
    case 'dateTime': {
      const a = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
      if (Number.isNaN(a) || typeof expected !== 'string') return op === 'ne';
      order = a - Date.parse(expected);
      break;
    }
  }
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    default:
      // co, sw and ew on a non-string never get past checkComparison.
      return false;
  }
}

/** ASCII letters only: what SQLite's lower() folds, so the oracle agrees with the database. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** Code point order, which is how SQLite (and PostgreSQL under a C collation) orders text. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** A property looked up case-insensitively, as SCIM attribute names are (RFC 7643 §2.1). */
function field(value: unknown, lowerKey: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) if (key.toLowerCase() === lowerKey) return object[key];
  return undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function containerOf(resource: Record<string, unknown>, location: Location): unknown {
  return location.schema === null ? resource : field(resource, location.schema);
}

function valuesAt(resource: Record<string, unknown>, location: Location): unknown[] {
  const values = list(field(containerOf(resource, location), location.name));
  const sub = location.sub;
  return sub === null ? values : values.flatMap((value) => list(field(value, sub)));
}

function elementsAt(resource: Record<string, unknown>, location: Location): object[] {
  return list(field(containerOf(resource, location), location.name)).filter(
    (element): element is object => typeof element === 'object' && element !== null,
  );
}
