import { deleteField, getField, isObject, setField } from './json.js';
import { type Change, holderOf } from './resource.js';
import type { Entry, PatchAttribute } from './schema.js';
import { coerceComplex, coerceScalar } from './values.js';

/**
 * add, replace and remove on a single-valued attribute or one sub-attribute of a complex one
 * (RFC 7644 §3.5.2.1–3). add and replace mean the same here: add to a single-valued attribute
 * replaces its value, and both merge into a complex attribute, leaving sub-attributes the value does
 * not mention as they were. null is unassigned (RFC 7643 §2.5): replace with null removes, add of
 * null adds nothing.
 */
export function applySingle(change: Change, entry: Entry, sub: [string, PatchAttribute] | null): void {
  const { resource, op, value, where } = change;
  const clearing = op === 'remove' || value === null;
  if (clearing && op === 'add') return;
  const { attribute } = entry;
  const lower = entry.key.toLowerCase();
  // Values are checked before anything is created, so a refused value leaves no empty extension.
  const incoming = clearing
    ? undefined
    : sub
      ? coerceScalar(value, sub[1], where)
      : attribute.type === 'complex'
        ? coerceComplex(value, attribute, where)
        : coerceScalar(value, attribute, where);
  const holder = holderOf(resource, entry.container, !clearing);
  if (!holder) return;
  const current = getField(holder, lower);
  if (sub === null && (clearing || attribute.type !== 'complex')) {
    if (clearing) deleteField(holder, lower);
    else setField(holder, entry.key, incoming);
    return;
  }
  const parent = isObject(current) ? current : {};
  if (sub === null) {
    for (const [key, item] of Object.entries(incoming as object)) setField(parent, key, item);
  } else if (clearing) {
    deleteField(parent, sub[0].toLowerCase());
  } else {
    setField(parent, sub[0], incoming);
  }
  if (Object.keys(parent).length === 0) deleteField(holder, lower);
  else setField(holder, entry.key, parent);
}
