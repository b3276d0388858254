import { ScimPatchError } from './error.js';

/**
 * What PATCH needs to know about a resource type's attributes (RFC 7643 §2.2–2.4, §7): types to
 * check and convert values against, which are multi-valued, and which a client may not change.
 */

export type ScalarPatchType = 'string' | 'boolean' | 'integer' | 'dateTime' | 'reference';
export type PatchType = ScalarPatchType | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

export interface PatchAttribute {
  type: PatchType;
  /** A second type a value may have: Workplace's start and term dates come as Unix times or dateTimes. */
  orType?: ScalarPatchType;
  multiValued?: boolean;
  /** readWrite when absent. */
  mutability?: Mutability;
  /** A required attribute can be replaced but not removed (RFC 7644 §3.5.2.2). */
  required?: boolean;
  /** For string sub-attributes tested by a value path filter; references always compare exactly. */
  caseExact?: boolean;
  /** For complex attributes: sub-attributes by name, which must be scalars (RFC 7643 §2.3.8). */
  subAttributes?: Record<string, PatchAttribute>;
  /**
   * For a multi-valued complex attribute: the sub-attribute that identifies an element, such as a
   * Group member's `value`. Adding an element whose key is already there updates that element
   * instead of adding the member twice.
   */
  elementKey?: string;
}

export interface PatchSchema {
  /** The schema whose attributes sit at the top of the resource, e.g. urn:…:core:2.0:User. */
  coreSchema: string;
  /**
   * Keyed as the filter's attribute maps are, in the spelling the output uses: `userName`, `name`
   * (complex, with subAttributes), `urn:…:enterprise:2.0:User:department` for an extension attribute.
   */
  attributes: Record<string, PatchAttribute>;
}

/** An attribute found in a schema. */
export interface Entry {
  /** The extension URN the attribute lives under, as the schema spells it; null for the core schema. */
  container: string | null;
  /** The attribute's name as the schema spells it. */
  key: string;
  attribute: PatchAttribute;
}

export interface SchemaIndex {
  schema: PatchSchema;
  /** `User` for urn:…:core:2.0:User, for messages. */
  resourceType: string;
  /** Lower-case `name`, or `urn:…:name` for extension attributes. */
  byKey: Map<string, Entry>;
  /** Lower-case extension URN → as the schema spells it. */
  extensions: Map<string, string>;
  /** The attributes whose values an operation is checked not to change (readOnly, immutable, required). */
  guarded: Entry[];
}

const DATE_TIME: PatchAttribute = { type: 'dateTime' };

/**
 * Common attributes (RFC 7643 §3.1) that every resource has and no client may change, whatever the
 * schema passed in says about them.
 */
const COMMON: Record<string, PatchAttribute> = {
  id: { type: 'string', mutability: 'readOnly', caseExact: true },
  schemas: { type: 'reference', multiValued: true, mutability: 'readOnly' },
  meta: {
    type: 'complex',
    mutability: 'readOnly',
    subAttributes: {
      resourceType: { type: 'string' },
      created: DATE_TIME,
      lastModified: DATE_TIME,
      location: { type: 'reference' },
      version: { type: 'string' },
    },
  },
};

/** Schemas are constants, so each is indexed once, on first use. */
const indexes = new WeakMap<PatchSchema, SchemaIndex>();

export function indexSchema(schema: PatchSchema): SchemaIndex {
  const cached = indexes.get(schema);
  if (cached) return cached;
  const core = schema.coreSchema.toLowerCase();
  const byKey = new Map<string, Entry>();
  const extensions = new Map<string, string>();
  for (const [written, attribute] of Object.entries({ ...schema.attributes, ...COMMON })) {
    const colon = written.lastIndexOf(':');
    const urn = written.slice(0, Math.max(colon, 0));
    const key = written.slice(colon + 1);
    if (colon < 0 || urn.toLowerCase() === core) {
      byKey.set(key.toLowerCase(), { container: null, key, attribute });
    } else {
      byKey.set(`${urn}:${key}`.toLowerCase(), { container: urn, key, attribute });
      extensions.set(urn.toLowerCase(), urn);
    }
  }
  const guarded = [...byKey.values()].filter(
    ({ attribute }) => attribute.required || (attribute.mutability ?? 'readWrite') !== 'readWrite',
  );
  const resourceType = schema.coreSchema.slice(schema.coreSchema.lastIndexOf(':') + 1);
  const index = { schema, resourceType, byKey, extensions, guarded };
  indexes.set(schema, index);
  return index;
}

/**
 * The attribute a path names. `schema` and `name` are lower-case; the core schema may be written or
 * left out. An extension attribute written without its URN is found when exactly one extension has
 * it and the core schema does not (RFC 7644 §3.10 lets clients leave the prefix off), as filters do.
 */
export function findAttribute(index: SchemaIndex, schema: string | null, name: string, text: string): Entry {
  const core = index.schema.coreSchema.toLowerCase();
  if (schema !== null && schema !== core) {
    const entry = index.byKey.get(`${schema}:${name}`);
    if (entry) return entry;
    const known = index.extensions.has(schema)
      ? ''
      : ` (and ${index.resourceType} has no schema "${schema}")`;
    throw new ScimPatchError('invalidPath', `There is no attribute "${text}"${known}`);
  }
  const entry = index.byKey.get(name);
  if (entry) return entry;
  if (schema === null) {
    const candidates = [...index.extensions.keys()].flatMap((urn) => index.byKey.get(`${urn}:${name}`) ?? []);
    const [only, other] = candidates;
    if (only && !other) return only;
    if (other) {
      const spelled = candidates.map((c) => `"${c.container}:${c.key}"`).join(' or ');
      throw new ScimPatchError('invalidPath', `"${text}" is in more than one schema: write ${spelled}`);
    }
  }
  throw new ScimPatchError('invalidPath', `A ${index.resourceType} has no attribute "${text}"`);
}

/** A sub-attribute by lower-case name, with the schema's spelling. */
export function findSub(attribute: PatchAttribute, lowerName: string): [string, PatchAttribute] | undefined {
  for (const entry of Object.entries(attribute.subAttributes ?? {})) {
    if (entry[0].toLowerCase() === lowerName) return entry;
  }
  return undefined;
}

/** `formatted, familyName, givenName` — what a message offers when a sub-attribute is unknown. */
export function subNames(attribute: PatchAttribute): string {
  return Object.keys(attribute.subAttributes ?? {}).join(', ');
}
