import type { AttrPath, FilterNode } from '../filter/ast.js';
import type { AttributeTypes, ScalarAttribute } from '../filter/attributes.js';
import { ScimFilterError } from '../filter/error.js';
import { compileElementFilter } from '../filter/evaluate.js';
import { parseFilter } from '../filter/parse.js';
import { NAME } from '../filter/read.js';
import { ScimPatchError } from './error.js';
import {
  type Entry,
  findAttribute,
  findSub,
  type PatchAttribute,
  type SchemaIndex,
  subNames,
} from './schema.js';

/**
 * PATCH paths (RFC 7644 §3.5.2): `active`, `name.givenName`, `urn:…:enterprise:2.0:User:manager.value`,
 * `emails[type eq "work"].value`, `members[value eq "…"]`, or an extension's URN alone. The part in
 * brackets is a filter, read by the filter parser and tested against each element by the filter
 * evaluator, so a value path means in PATCH exactly what it means in a search.
 */

/** A value path's filter, ready to test elements. */
export interface ValueFilter {
  node: FilterNode;
  test: (element: unknown) => boolean;
}

export type Target =
  /** The extension object as a whole: `urn:…:enterprise:2.0:User`. */
  | { kind: 'extension'; urn: string }
  | {
      kind: 'attribute';
      entry: Entry;
      /** The sub-attribute named after a dot, with the schema's spelling. */
      sub: [string, PatchAttribute] | null;
      filter: ValueFilter | null;
    };

const invalidPath = (message: string) => new ScimPatchError('invalidPath', message);

export function resolveTarget(text: string, index: SchemaIndex): Target {
  const urn = index.extensions.get(text.toLowerCase());
  if (urn !== undefined) return { kind: 'extension', urn };
  const bracket = text.indexOf('[');
  const attrText = bracket < 0 ? text : text.slice(0, bracket).trimEnd();
  const close = bracket < 0 ? text.length - 1 : closingBracket(text, bracket);
  const { schema, name, base, sub: inner } = splitAttribute(attrText, bracket >= 0);
  const rest = text.slice(close + 1);
  if (rest !== '' && !(rest.startsWith('.') && NAME.test(rest.slice(1)))) {
    throw invalidPath(`"${text}" is not a path: after "]" only a sub-attribute may follow, as in ].value`);
  }
  const subName = inner ?? (rest === '' ? null : rest.slice(1));
  const entry = findAttribute(index, schema, name, base);
  const { attribute } = entry;
  const sub = subName === null ? null : subAttribute(attribute, subName, base);
  const multiComplex = attribute.multiValued === true && attribute.type === 'complex';
  if (bracket >= 0 && !multiComplex) {
    throw invalidPath(
      `"${attrText}" is not a multi-valued complex attribute: a filter in brackets picks out ` +
        'elements of one, as in emails[type eq "work"]',
    );
  }
  if (bracket < 0 && multiComplex && sub) {
    throw invalidPath(
      `"${text}" does not say which of the ${base} to change: pick them with a filter, ` +
        `as in ${base}[type eq "work"].${sub[0]}`,
    );
  }
  const filter = bracket < 0 ? null : compileFilter(text.slice(0, close + 1), entry, attrText, index);
  return { kind: 'attribute', entry, sub, filter };
}

/** The `]` closing the `[` at `open`, skipping brackets inside JSON strings. */
function closingBracket(text: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < text.length; i += 1) {
    const ch = text[i];
    if (inString && ch === '\\') i += 1;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === ']') return i;
  }
  throw new ScimPatchError(
    'invalidFilter',
    `The "[" at position ${open + 1} of "${text}" is not closed: end the filter with "]"`,
  );
}

function splitAttribute(text: string, filtered: boolean) {
  const colon = text.lastIndexOf(':');
  const schema = colon < 0 ? null : text.slice(0, colon).toLowerCase();
  const parts = text.slice(colon + 1).split('.');
  const invalid = (why: string) => invalidPath(`"${text}" is not an attribute path: ${why}`);
  if (parts.length > 2) throw invalid('a path has at most one dot, as in name.givenName');
  if (filtered && parts.length > 1) {
    throw invalid(
      'the filter in brackets goes right after the attribute, as in emails[type eq "work"].value',
    );
  }
  for (const part of parts) {
    if (!NAME.test(part)) {
      throw invalid(
        `${part === '' ? 'a name is empty' : `"${part}" is not a name`}; names start with a letter ` +
          'and go on with letters, digits, "-" or "_"',
      );
    }
  }
  const [name = '', sub] = parts;
  const base = colon < 0 ? name : `${text.slice(0, colon)}:${name}`;
  return { schema, name: name.toLowerCase(), base, sub: sub ?? null };
}

/** The sub-attribute `name` (as written) of the attribute written `base`. */
function subAttribute(attribute: PatchAttribute, name: string, base: string): [string, PatchAttribute] {
  if (attribute.type !== 'complex') {
    throw invalidPath(`"${base}" has no sub-attributes, so "${base}.${name}" names nothing`);
  }
  const found = findSub(attribute, name.toLowerCase());
  if (!found) throw invalidPath(`"${base}" has no sub-attribute "${name}": it has ${subNames(attribute)}`);
  return found;
}

function compileFilter(source: string, entry: Entry, attrText: string, index: SchemaIndex): ValueFilter {
  try {
    const node = parseFilter(source);
    if (node.kind !== 'valuePath') throw invalidPath(`"${source}" is not a value path`);
    const path: AttrPath = {
      schema: entry.container?.toLowerCase() ?? null,
      name: entry.key.toLowerCase(),
      sub: null,
      text: attrText,
    };
    const test = compileElementFilter(path, node.filter, filterTypes(entry, index));
    return { node: node.filter, test };
  } catch (error) {
    if (!(error instanceof ScimFilterError)) throw error;
    throw new ScimPatchError('invalidFilter', `The filter in "${source}" cannot be used: ${error.message}`);
  }
}

const typesByEntry = new WeakMap<Entry, AttributeTypes>();

/** The one multi-valued attribute as the filter evaluator describes attributes. */
function filterTypes(entry: Entry, index: SchemaIndex): AttributeTypes {
  const cached = typesByEntry.get(entry);
  if (cached) return cached;
  const subAttributes: Record<string, ScalarAttribute> = {};
  for (const [key, sub] of Object.entries(entry.attribute.subAttributes ?? {})) {
    subAttributes[key] =
      sub.type === 'reference' || sub.type === 'complex'
        ? { type: 'string', caseExact: true }
        : { type: sub.type, caseExact: sub.caseExact };
  }
  const key = entry.container === null ? entry.key : `${entry.container}:${entry.key}`;
  const types: AttributeTypes = {
    coreSchema: index.schema.coreSchema,
    attributes: { [key]: { kind: 'multi', subAttributes } },
  };
  typesByEntry.set(entry, types);
  return types;
}
