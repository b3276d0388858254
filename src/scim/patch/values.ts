import { ScimPatchError } from './error.js';
import { isObject, type JsonObject, show } from './json.js';
import { findSub, type PatchAttribute, type ScalarPatchType, subNames } from './schema.js';

/**
 * Values checked against the attribute they go to, and converted where a real client sends a
 * well-known other form: Entra writes booleans as "True" and "False". Everything else is kept
 * exactly as sent (R28 echoes values back unchanged), so a dateTime is checked, never rewritten.
 * `where` names the destination in messages, as the client wrote it.
 */

const invalidValue = (message: string) => new ScimPatchError('invalidValue', message);

const DESCRIPTIONS: Record<ScalarPatchType, string> = {
  string: 'text in double quotes',
  reference: 'a reference (text in double quotes)',
  boolean: 'true or false',
  integer: 'a whole number, such as 42',
  dateTime: 'a date and time in ISO 8601, such as "2026-03-02T09:00:00Z"',
};

export function coerceScalar(value: unknown, attribute: PatchAttribute, where: string): unknown {
  const types =
    attribute.type === 'complex' ? [] : [attribute.type, ...(attribute.orType ? [attribute.orType] : [])];
  for (const type of types) {
    const converted = asType(value, type);
    if (converted !== undefined) return converted;
  }
  const wanted = types.map((type) => DESCRIPTIONS[type]).join(' or ');
  throw invalidValue(`"${where}" takes ${wanted}, not ${show(value)}`);
}

/** The value as the type, or undefined when it is not one. */
function asType(value: unknown, type: ScalarPatchType): unknown {
  switch (type) {
    case 'string':
    case 'reference':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // Entra sends "True" and "False" (RFC 7643 says JSON true and false); only those two words.
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      return undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'dateTime':
      return typeof value === 'string' && isDateTime(value) ? value : undefined;
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;

/** xsd:dateTime (RFC 7643 §2.3.5), or a bare date; the calendar date must exist. */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return (
    date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(text))
  );
}

/**
 * A complex value: an object whose members are sub-attributes (spelled as the schema spells them in
 * the result; null members mean unassigned and are dropped, as Entra's `"$ref": null`). A bare
 * scalar where the attribute has a `value` sub-attribute is taken as that value:
 * `"manager": "26118915"` is `{"value": "26118915"}`, the one thing a lone value can mean.
 */
export function coerceComplex(value: unknown, attribute: PatchAttribute, where: string): JsonObject {
  const valueSub = findSub(attribute, 'value');
  if (!isObject(value)) {
    if (valueSub && value !== null && !Array.isArray(value) && typeof value !== 'object') {
      return { [valueSub[0]]: coerceScalar(value, valueSub[1], `${where}.${valueSub[0]}`) };
    }
    throw invalidValue(
      `"${where}" takes an object with its sub-attributes (${subNames(attribute)}), not ${show(value)}`,
    );
  }
  const result: JsonObject = {};
  for (const [name, member] of Object.entries(value)) {
    const sub = findSub(attribute, name.toLowerCase());
    if (!sub) {
      throw invalidValue(`"${where}" has no sub-attribute "${name}": it has ${subNames(attribute)}`);
    }
    if (member === null || member === undefined) continue;
    const [key, definition] = sub;
    if (Object.hasOwn(result, key)) {
      throw invalidValue(`"${where}" gives "${key}" twice, in different cases: give it once`);
    }
    result[key] = coerceScalar(member, definition, `${where}.${key}`);
  }
  return result;
}

/** One element of a multi-valued attribute; null when it holds nothing (null, or only nulls). */
export function coerceElement(value: unknown, attribute: PatchAttribute, where: string): unknown {
  if (value === null) return null;
  if (attribute.type !== 'complex') return coerceScalar(value, attribute, where);
  const element = coerceComplex(value, attribute, where);
  return Object.keys(element).length === 0 ? null : element;
}

/** The elements of a multi-valued value: an array, or one element on its own, as clients also send. */
export function coerceElements(value: unknown, attribute: PatchAttribute, where: string): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => coerceElement(item, attribute, where) ?? []);
}
