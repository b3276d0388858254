import { ScimError } from './scim-error.js';

type Json = Record<string, unknown>;

/** Attribute names and paths from `attributes=` or `excludedAttributes=`, lower-cased. */
export function parseAttributeList(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  if (value.length > 2000) throw new ScimError(400, 'The attribute list is too long.', 'invalidValue');
  // A value filter written inside the list (emails[type eq "work"]) names its attribute.
  return value
    .split(',')
    .map((part) =>
      part
        .replace(/\[[^\]]*\]/g, '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
}

/** Splits `urn:…:User:department` into the schema key and the attribute path; core paths have none. */
function locate(path: string, coreSchema: string): { schema: string | null; names: string[] } {
  const core = `${coreSchema.toLowerCase()}:`;
  if (path.startsWith(core)) return { schema: null, names: path.slice(core.length).split('.') };
  if (path.startsWith('urn:')) {
    const at = path.lastIndexOf(':');
    return { schema: path.slice(0, at), names: path.slice(at + 1).split('.') };
  }
  return { schema: null, names: path.split('.') };
}

/**
 * Whether a projection returns a top-level core attribute at all (whole, or some of its
 * sub-attributes): what it leaves out need not be read. A group's members can be thousands of rows.
 */
export function returnsAttribute(
  name: string,
  coreSchema: string,
  only: string[] | null,
  excluded: string[] | null,
): boolean {
  /** The path's attribute names, for a core attribute; null for an extension's. */
  const core = (path: string) => {
    const { schema, names } = locate(path, coreSchema);
    return schema === null ? names : null;
  };
  if (only) return only.some((path) => core(path)?.[0] === name);
  if (!excluded) return true;
  return !excluded.some((path) => core(path)?.join('.') === name);
}

const findKey = (object: Json, name: string) => Object.keys(object).find((key) => key.toLowerCase() === name);

/**
 * RFC 7644 §3.4.2.5: `attributes` returns only the named attributes (and `id`, `schemas`, which are
 * always returned); `excludedAttributes` returns all but the named ones. Names are case-insensitive
 * and may be sub-attributes (`name.givenName`) or extension attributes by URN.
 */
export function project(
  resource: Json,
  coreSchema: string,
  only: string[] | null,
  excluded: string[] | null,
): Json {
  if (only) {
    const out: Json = { schemas: resource.schemas, id: resource.id };
    for (const path of only) copyPath(resource, out, locate(path, coreSchema));
    return out;
  }
  if (!excluded) return resource;
  const out = structuredClone(resource);
  for (const path of excluded) {
    const { schema, names } = locate(path, coreSchema);
    let holder: unknown = schema === null ? out : out[findKey(out, schema) ?? ''];
    for (const name of names.slice(0, -1))
      holder = (holder as Json | undefined)?.[findKey(holder as Json, name) ?? ''];
    const last = names.at(-1) ?? '';
    if (typeof holder === 'object' && holder !== null && last !== 'id') {
      const key = findKey(holder as Json, last);
      if (key) delete (holder as Json)[key];
    }
  }
  return out;
}

function copyPath(from: Json, to: Json, { schema, names }: { schema: string | null; names: string[] }) {
  let source: unknown = from;
  let target: Json = to;
  if (schema !== null) {
    const key = findKey(from, schema);
    if (!key) return;
    source = from[key];
    to[key] ??= {};
    target = to[key] as Json;
  }
  for (const [index, name] of names.entries()) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) return;
    const key = findKey(source as Json, name);
    if (!key) return;
    const value = (source as Json)[key];
    if (index === names.length - 1 || Array.isArray(value)) {
      target[key] = value;
      return;
    }
    source = value;
    target[key] ??= {};
    target = target[key] as Json;
  }
}
