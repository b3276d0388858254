import type { FilterNode, FilterValue } from '../filter/ast.js';
import { ScimPatchError } from './error.js';
import { deepEqual, deleteField, getField, isObject, type JsonObject, setField } from './json.js';
import type { ValueFilter } from './path.js';
import { type Change, holderOf } from './resource.js';
import { type Entry, findSub, type PatchAttribute } from './schema.js';
import { coerceComplex, coerceElement, coerceElements, coerceScalar } from './values.js';

/**
 * add, replace and remove on a multi-valued attribute (RFC 7644 §3.5.2): the whole attribute, or
 * the elements a value path picks out (`emails[type eq "work"]`), or one sub-attribute of those.
 * Elements are changed in place, which is safe because the resource is a copy; `written` collects
 * the elements an operation wrote, for the primary rule.
 */
export function applyMulti(
  change: Change,
  entry: Entry,
  sub: [string, PatchAttribute] | null,
  filter: ValueFilter | null,
): void {
  const holder = holderOf(change.resource, entry.container, change.op !== 'remove');
  if (!holder) return;
  const lower = entry.key.toLowerCase();
  const current = getField(holder, lower);
  const list = Array.isArray(current)
    ? [...current]
    : current === undefined || current === null
      ? []
      : [current];
  const written = new Set<unknown>();
  const next = filter
    ? applyFiltered(list, change, entry.attribute, sub, filter, written)
    : applyWhole(list, change, entry.attribute, written);
  settlePrimary(next, entry.attribute, written, change.where);
  // A multi-valued attribute without values is unassigned (RFC 7644 §3.5.2.2).
  if (next.length === 0) deleteField(holder, lower);
  else setField(holder, entry.key, next);
}

function applyWhole(
  list: unknown[],
  change: Change,
  attribute: PatchAttribute,
  written: Set<unknown>,
): unknown[] {
  const { op, value, where } = change;
  if (op === 'replace') return addElements([], coerceElements(value, attribute, where), attribute, written);
  if (op === 'add') return addElements(list, coerceElements(value, attribute, where), attribute, written);
  if (value === undefined || value === null) return [];
  // Entra removes group members as {"op":"Remove","path":"members","value":[{"value":"…"}]}: only the
  // elements listed go, never the whole attribute.
  return removeElements(list, coerceElements(value, attribute, where), attribute);
}

/**
 * Appends the additions not already there (RFC 7644 §3.5.2.1 adds values; an identical one twice
 * would be a duplicate). With an elementKey, an addition whose key is there updates that element.
 */
function addElements(
  list: unknown[],
  additions: unknown[],
  attribute: PatchAttribute,
  written: Set<unknown>,
): unknown[] {
  const keyName = attribute.elementKey?.toLowerCase();
  const byKey = new Map<string, JsonObject>();
  if (keyName) for (const element of list) indexElement(byKey, element, keyName);
  for (const addition of additions) {
    const key = keyName ? getField(addition, keyName) : undefined;
    const existing =
      typeof key === 'string' ? byKey.get(key) : list.find((item) => deepEqual(item, addition));
    if (existing === undefined) {
      list.push(addition);
      written.add(addition);
      if (keyName) indexElement(byKey, addition, keyName);
    } else if (isObject(existing) && isObject(addition) && typeof key === 'string') {
      for (const [name, item] of Object.entries(addition)) setField(existing, name, item);
      written.add(existing);
    }
  }
  return list;
}

function indexElement(byKey: Map<string, JsonObject>, element: unknown, keyName: string): void {
  const key = getField(element, keyName);
  if (isObject(element) && typeof key === 'string' && !byKey.has(key)) byKey.set(key, element);
}

/** Drops each element that has every sub-attribute a removal gives (by elementKey when it has one). */
function removeElements(list: unknown[], removals: unknown[], attribute: PatchAttribute): unknown[] {
  const keyName = attribute.elementKey?.toLowerCase();
  const keys = new Set(removals.map((removal) => (keyName ? getField(removal, keyName) : undefined)));
  if (keyName && [...keys].every((key) => typeof key === 'string')) {
    return list.filter((element) => !keys.has(getField(element, keyName)));
  }
  const covers = (element: unknown, removal: unknown) =>
    isObject(removal)
      ? Object.entries(removal).every(([name, item]) =>
          deepEqual(getField(element, name.toLowerCase()), item),
        )
      : deepEqual(element, removal);
  return list.filter((element) => !removals.some((removal) => covers(element, removal)));
}

/** The operation on the elements the filter picks out. */
function applyFiltered(
  list: unknown[],
  change: Change,
  attribute: PatchAttribute,
  sub: [string, PatchAttribute] | null,
  filter: ValueFilter,
  written: Set<unknown>,
): unknown[] {
  const { op, value, where } = change;
  const matched = new Set(list.filter((element) => isObject(element) && filter.test(element)));
  const clearing = op === 'remove' || value === null;
  if (matched.size === 0) {
    // Removing what is not there leaves the resource as the client wants it; a retried request
    // (Okta and Entra both retry) must not fail for having worked the first time.
    if (clearing) return list;
    if (op === 'replace') {
      throw new ScimPatchError(
        'noTarget',
        `No element matches "${where}", so there is nothing to replace; to create one, use "add"`,
      );
    }
    const created = elementFromFilter(filter.node, attribute, where);
    written.add(fill(created, value, attribute, sub, where));
    return [...list, created];
  }
  if (clearing && op === 'add') return list;
  if (clearing && sub === null) return list.filter((element) => !matched.has(element));
  if (clearing && sub) {
    for (const element of matched) deleteField(element as JsonObject, sub[0].toLowerCase());
    return list.filter((element) => !(matched.has(element) && Object.keys(element as object).length === 0));
  }
  // replace without a sub-attribute puts the value in place of each match; the rest merge into them.
  const replacement = op === 'replace' && sub === null ? coerceElement(value, attribute, where) : null;
  return list.map((element) => {
    if (!matched.has(element)) return element;
    const result =
      replacement === null
        ? fill(element as JsonObject, value, attribute, sub, where)
        : structuredClone(replacement);
    written.add(result);
    return result;
  });
}

/** Writes an add or replace value into one element: its sub-attribute, or merged into all of it. */
function fill(
  element: JsonObject,
  value: unknown,
  attribute: PatchAttribute,
  sub: [string, PatchAttribute] | null,
  where: string,
): JsonObject {
  if (sub) {
    setField(element, sub[0], coerceScalar(value, sub[1], where));
  } else {
    for (const [name, item] of Object.entries(coerceComplex(value, attribute, where)))
      setField(element, name, item);
  }
  return element;
}

/**
 * The element an add to an unmatched value path creates. Entra adds a work email to a user who
 * has none as {"op":"Add","path":"emails[type eq \"work\"].value","value":"…"}; the filter then
 * says what the new element holds besides the value. Only a filter of eq comparisons joined by
 * "and" says that unambiguously; for any other the add fails with noTarget.
 */
function elementFromFilter(node: FilterNode, attribute: PatchAttribute, where: string): JsonObject {
  const pairs = equalities(node);
  const element: JsonObject = {};
  for (const [name, expected] of pairs ?? []) {
    const sub = findSub(attribute, name);
    if (!sub) continue;
    const item = coerceScalar(expected, sub[1], where);
    const already = element[sub[0]];
    if (already !== undefined && already !== item) return noTarget(where);
    element[sub[0]] = item;
  }
  if (pairs === null || Object.keys(element).length === 0) return noTarget(where);
  return element;
}

function noTarget(where: string): never {
  throw new ScimPatchError(
    'noTarget',
    `No element matches "${where}", and only a filter of "eq" comparisons joined by "and" ` +
      'says what a new element would hold: add the element to the attribute itself instead',
  );
}

function equalities(node: FilterNode): [string, Exclude<FilterValue, null>][] | null {
  if (node.kind === 'compare')
    return node.op === 'eq' && node.value !== null ? [[node.path.name, node.value]] : null;
  if (node.kind !== 'and') return null;
  const pairs: [string, Exclude<FilterValue, null>][] = [];
  for (const filter of node.filters) {
    const more = equalities(filter);
    if (more === null) return null;
    pairs.push(...more);
  }
  return pairs;
}

/**
 * RFC 7644 §3.5.2: setting one value's primary to true sets it false on every other value; two
 * values written primary by one operation contradict each other.
 */
function settlePrimary(
  list: unknown[],
  attribute: PatchAttribute,
  written: Set<unknown>,
  where: string,
): void {
  const primary = findSub(attribute, 'primary');
  if (!primary) return;
  const chosen = list.filter((element) => written.has(element) && getField(element, 'primary') === true);
  if (chosen.length > 1) {
    throw new ScimPatchError(
      'invalidValue',
      `"${where}" makes ${chosen.length} values primary: at most one may be`,
    );
  }
  if (chosen.length === 0) return;
  for (const element of list) {
    if (element !== chosen[0] && isObject(element) && getField(element, 'primary') === true) {
      setField(element, primary[0], false);
    }
  }
}
