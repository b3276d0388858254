import { getField, isObject, type JsonObject, keyOf, setField } from './json.js';
import type { PatchOpName } from './request.js';
import type { SchemaIndex } from './schema.js';

/** One operation's change to one attribute, as the appliers take it. */
export interface Change {
  /** The resource being built: a copy, so appliers change it in place. */
  resource: JsonObject;
  op: PatchOpName;
  /** undefined when the operation had no value. */
  value: unknown;
  /** The path as the client wrote it, for messages. */
  where: string;
}

/**
 * The object an attribute lives in: the resource itself, or its extension object, which is keyed by
 * the extension's URN (RFC 7643 §3.3) in the schema's spelling. `create` makes a missing one.
 */
export function holderOf(
  resource: JsonObject,
  container: string | null,
  create: boolean,
): JsonObject | undefined {
  if (container === null) return resource;
  const key = keyOf(resource, container.toLowerCase());
  const existing = key === undefined ? undefined : resource[key];
  if (isObject(existing)) {
    if (key !== container) setField(resource, container, existing);
    return existing;
  }
  if (!create) return undefined;
  const made: JsonObject = {};
  setField(resource, container, made);
  return made;
}

/** An extension object left empty is unassigned (RFC 7643 §2.5), so it goes. */
export function dropEmptyExtensions(resource: JsonObject, index: SchemaIndex): void {
  for (const [lower, urn] of index.extensions) {
    const key = keyOf(resource, lower);
    const value = key === undefined ? undefined : resource[key];
    if (key !== undefined && (value === null || (isObject(value) && Object.keys(value).length === 0))) {
      delete resource[key];
    } else if (key !== undefined && key !== urn) {
      setField(resource, urn, value);
    }
  }
}

/**
 * Lists in `schemas` each extension an operation wrote to and that now holds values, so a client
 * that sets the department need not also add the enterprise URN. URNs are never taken out: schemas
 * may name an extension without values, and the server re-renders the list anyway.
 */
export function declareExtensions(resource: JsonObject, urns: Iterable<string>): void {
  for (const urn of urns) {
    if (holderOf(resource, urn, false) === undefined) continue;
    const current = getField(resource, 'schemas');
    const schemas = Array.isArray(current) ? current : [];
    const listed = schemas.some(
      (name) => typeof name === 'string' && name.toLowerCase() === urn.toLowerCase(),
    );
    if (!listed) setField(resource, 'schemas', [...schemas, urn]);
  }
}
