import { ScimPatchError } from './error.js';
import { getField, isObject, show } from './json.js';

/**
 * Reading a PATCH request body (RFC 7644 §3.5.2) into operations, before any of them is applied,
 * so a malformed request changes nothing. What real clients send is accepted: Entra's `"Replace"`,
 * a body without `schemas` (Microsoft's test collection), and member names in any case.
 */

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** Real clients send a handful of operations; the bounds cap the work one request can ask for. */
export const MAX_OPERATIONS = 1000;
export const MAX_VALUES = 1000;

export type PatchOpName = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  /** 1-based position in Operations, for messages. */
  number: number;
  op: PatchOpName;
  /** null when the operation has no path (the resource itself is the target). */
  path: string | null;
  /** undefined when the operation has no value member. */
  value: unknown;
}

const syntax = (message: string) => new ScimPatchError('invalidSyntax', message);

/** Reads a PatchOp body; an array is taken as its Operations. */
export function readOperations(body: unknown): PatchOperation[] {
  const operations = Array.isArray(body) ? body : operationsOf(body);
  if (operations.length === 0) {
    throw syntax('"Operations" is empty: send at least one operation, such as {"op":"replace","path":…}');
  }
  if (operations.length > MAX_OPERATIONS) {
    throw syntax(
      `The request has ${operations.length} operations; at most ${MAX_OPERATIONS} are accepted: split it`,
    );
  }
  let values = 0;
  const read = operations.map((operation: unknown, i) => {
    const one = readOperation(operation, i + 1);
    values += countValues(one.value, one.path === null);
    return one;
  });
  if (values > MAX_VALUES) {
    throw syntax(`The request carries more than ${MAX_VALUES} values; send at most ${MAX_VALUES} at a time`);
  }
  return read;
}

function operationsOf(body: unknown): unknown[] {
  if (!isObject(body)) {
    throw syntax(
      `The body is ${show(body)}; a PATCH body is an object: ` +
        `{"schemas":["${PATCH_OP_SCHEMA}"],"Operations":[…]}`,
    );
  }
  const schemas = getField(body, 'schemas');
  // Microsoft's test collection leaves schemas out; a body that names another schema is likely a
  // whole resource sent to PATCH by mistake, and applying nothing would hide that.
  if (schemas !== undefined) {
    const names = Array.isArray(schemas) ? schemas : [schemas];
    if (
      !names.some((name) => typeof name === 'string' && name.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())
    ) {
      throw syntax(
        `"schemas" is ${show(schemas)}, without "${PATCH_OP_SCHEMA}": a PATCH body lists operations ` +
          '(to replace a whole resource, use PUT)',
      );
    }
  }
  const operations = getField(body, 'operations');
  if (operations === undefined) throw syntax('The body has no "Operations": list the changes to make there');
  if (!Array.isArray(operations)) {
    throw syntax(`"Operations" is ${show(operations)}; it must be an array of operations`);
  }
  return operations;
}

function readOperation(operation: unknown, number: number): PatchOperation {
  const where = `Operation ${number}`;
  if (!isObject(operation)) {
    throw syntax(`${where} is ${show(operation)}; each operation is an object such as {"op":"add",…}`);
  }
  const name = getField(operation, 'op');
  const op = typeof name === 'string' ? name.toLowerCase() : null;
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw syntax(`${where} has "op" ${show(name)}: use "add", "replace" or "remove"`);
  }
  const written = getField(operation, 'path');
  if (written !== undefined && written !== null && typeof written !== 'string') {
    throw new ScimPatchError('invalidPath', `${where} has "path" ${show(written)}; a path is text`);
  }
  // An empty path is how some clients write "no path".
  const path = typeof written === 'string' && written.trim() !== '' ? written.trim() : null;
  const value = getField(operation, 'value');
  if (op !== 'remove' && value === undefined) {
    throw syntax(`${where} (${op}) has no "value": say what to ${op}`);
  }
  if (op === 'remove' && path === null) {
    // RFC 7644 §3.5.2.2 names the scimType for this case.
    throw new ScimPatchError(
      'noTarget',
      `${where} (remove) has no "path": say what to remove, as in "path":"nickName"`,
    );
  }
  return { number, op, path, value };
}

/**
 * How many values an operation carries: the elements of an array, or the members of a path-less
 * value object (an array or extension object among them counting by its own size). A member's
 * sub-attributes are part of one value.
 */
function countValues(value: unknown, pathless: boolean): number {
  if (Array.isArray(value)) return Math.max(value.length, 1);
  if (!pathless || !isObject(value)) return 1;
  let count = 0;
  for (const member of Object.values(value)) {
    count += Array.isArray(member) ? member.length : isObject(member) ? Object.keys(member).length : 1;
  }
  return Math.max(count, 1);
}
