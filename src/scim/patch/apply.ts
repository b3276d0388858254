import { ScimPatchError } from './error.js';
import { deepEqual, deleteField, getField, isObject, type JsonObject, show } from './json.js';
import { applyMulti } from './multi.js';
import { resolveTarget } from './path.js';
import { type PatchOperation, readOperations } from './request.js';
import { type Change, declareExtensions, dropEmptyExtensions, holderOf } from './resource.js';
import { type Entry, indexSchema, type PatchSchema, type SchemaIndex } from './schema.js';
import { applySingle } from './single.js';

/** A User or Group as plain JSON, as the server renders it; extensions are keyed by their URN. */
export type ScimResource = Record<string, unknown>;

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a resource and returns the new resource, which
 * the server then stores as it would a PUT; the input is never changed. `operations` is the request
 * body (or its Operations array). Operations apply in order, each to the result of the one before,
 * and the first that cannot be applied throws a ScimPatchError naming it, so nothing is half-done.
 */
export function applyPatch(resource: ScimResource, operations: unknown, schema: PatchSchema): ScimResource {
  const requested = readOperations(operations);
  const index = indexSchema(schema);
  const result = structuredClone(resource);
  for (const operation of requested) {
    const path = operation.path === null ? '' : ` "${operation.path}"`;
    try {
      applyOperation(result, operation, index);
    } catch (error) {
      if (error instanceof ScimPatchError)
        throw error.within(`Operation ${operation.number} (${operation.op}${path})`);
      throw error;
    }
  }
  return result;
}

function applyOperation(resource: JsonObject, operation: PatchOperation, index: SchemaIndex): void {
  const before = index.guarded.map((entry) => structuredClone(attributeValue(resource, entry)));
  const touched = new Set<string>();
  const { op, path, value } = operation;
  if (path !== null) {
    applyAt({ resource, op, value, where: path }, index, touched);
  } else if (isObject(value)) {
    // Okta sends {"op":"replace","value":{"active":false}}; Entra puts paths in the keys, as in
    // {"name.givenName":"Ada","urn:…:enterprise:2.0:User:department":"R&D"}. Each key is a path.
    for (const [key, item] of Object.entries(value))
      applyAt({ resource, op, value: item, where: key }, index, touched);
  } else {
    throw new ScimPatchError(
      'invalidValue',
      `Without a "path", "value" holds the attributes to ${op}, as in {"active":false}; it is ${show(value)}`,
    );
  }
  dropEmptyExtensions(resource, index);
  checkGuarded(resource, index, before);
  declareExtensions(resource, touched);
}

function applyAt(change: Change, index: SchemaIndex, touched: Set<string>): void {
  const target = resolveTarget(change.where, index);
  if (target.kind === 'extension') {
    applyToExtension(change, target.urn, index, touched);
    return;
  }
  const { entry, sub, filter } = target;
  if (entry.container !== null) touched.add(entry.container);
  if (entry.container === null && entry.key === 'schemas') checkSchemas(change, index);
  else if (entry.attribute.multiValued) applyMulti(change, entry, sub, filter);
  else applySingle(change, entry, sub);
}

/** `"path": "urn:…:enterprise:2.0:User"` (or that URN as a key): the extension's attributes at once. */
function applyToExtension(change: Change, urn: string, index: SchemaIndex, touched: Set<string>): void {
  const { resource, op, value } = change;
  touched.add(urn);
  if (op === 'remove' || value === null) {
    if (op !== 'add') deleteField(resource, urn.toLowerCase());
    return;
  }
  if (!isObject(value)) {
    throw new ScimPatchError(
      'invalidValue',
      `"${change.where}" takes an object of the extension's attributes, not ${show(value)}`,
    );
  }
  for (const [key, item] of Object.entries(value)) {
    applyAt({ resource, op, value: item, where: `${urn}:${key}` }, index, touched);
  }
}

/**
 * `schemas` follows from the attributes a resource has, and the server keeps it. A client that
 * sends it naming only this resource type's own schemas (some send it back with every change) is
 * ignored; anything else would be a change the server will not make.
 */
function checkSchemas({ op, value }: Change, index: SchemaIndex): void {
  const known = new Set([index.schema.coreSchema.toLowerCase(), ...index.extensions.keys()]);
  const names = Array.isArray(value) ? value : [value];
  const strange = names.find((name) => typeof name !== 'string' || !known.has(name.toLowerCase()));
  if (op === 'remove' || strange !== undefined) {
    const what = op === 'remove' ? 'removed' : `given ${show(strange)}`;
    throw new ScimPatchError(
      'mutability',
      `"schemas" cannot be ${what}: the server lists the schemas of the attributes a ` +
        `${index.resourceType} has, adding an extension's URN when one of its attributes is set`,
    );
  }
}

function attributeValue(resource: JsonObject, entry: Entry): unknown {
  return getField(holderOf(resource, entry.container, false), entry.key.toLowerCase());
}

/**
 * RFC 7643 §2.2 and RFC 7644 §3.5.2: readOnly attributes are the server's, immutable ones are set
 * once, and required ones cannot be removed. Checked on the values themselves, after the operation,
 * so sending an attribute back unchanged (Okta's group rename repeats the id) is no error.
 */
function checkGuarded(resource: JsonObject, index: SchemaIndex, before: unknown[]): void {
  index.guarded.forEach((entry, i) => {
    const was = before[i];
    const now = attributeValue(resource, entry);
    if (deepEqual(was, now)) return;
    const name = entry.container === null ? entry.key : `${entry.container}:${entry.key}`;
    const { mutability = 'readWrite', required } = entry.attribute;
    // The old value stays out of the message: accessCode, for one, is a secret.
    if (mutability === 'readOnly') {
      throw new ScimPatchError('mutability', `"${name}" is read-only: the server sets it, so leave it out`);
    }
    if (mutability === 'immutable' && was !== undefined) {
      throw new ScimPatchError('mutability', `"${name}" cannot be changed once it is set`);
    }
    if (required && now === undefined) {
      throw new ScimPatchError('mutability', `"${name}" is required: replace it instead of removing it`);
    }
  });
}
