/**
 * Small helpers over plain JSON. SCIM attribute names are case-insensitive (RFC 7643 §2.1), so a
 * resource's members are looked up by lower-case name; writes use the schema's spelling and drop
 * any other spelling of the same name, so the output never holds `userName` and `username` both.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The member's actual key, compared case-insensitively (`lowerKey` is already lower-case). */
export function keyOf(object: JsonObject, lowerKey: string): string | undefined {
  for (const key of Object.keys(object)) if (key.toLowerCase() === lowerKey) return key;
  return undefined;
}

export function getField(object: unknown, lowerKey: string): unknown {
  if (!isObject(object)) return undefined;
  const key = keyOf(object, lowerKey);
  return key === undefined ? undefined : object[key];
}

export function deleteField(object: JsonObject, lowerKey: string): void {
  for (const key of Object.keys(object)) if (key.toLowerCase() === lowerKey) delete object[key];
}

/** Sets `key`, keeping its place among the members when it is already spelled that way. */
export function setField(object: JsonObject, key: string, value: unknown): void {
  const lower = key.toLowerCase();
  for (const other of Object.keys(object))
    if (other !== key && other.toLowerCase() === lower) delete object[other];
  object[key] = value;
}

/** Structural equality of JSON values; key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

/** A value as a message quotes it: JSON, cut short so one huge value cannot flood a log. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
