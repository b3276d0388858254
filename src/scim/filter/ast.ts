/**
 * The parsed form of a SCIM filter (RFC 7644 §3.4.2.2). It knows nothing about any resource type:
 * attribute paths are checked against a resource's attributes only when the filter is evaluated
 * or turned into SQL.
 */

/** The comparison operators that take a value (`pr` takes none and has a node of its own). */
export const COMPARE_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A comparison value, as JSON: a string, a number, true, false or null. */
export type FilterValue = string | number | boolean | null;

/**
 * An attribute path such as `userName`, `name.givenName` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`.
 * Attribute names and schema URNs are case-insensitive in SCIM, so `schema`, `name` and `sub`
 * are lower-cased for comparison; `text` keeps the spelling the client used, for messages.
 */
export interface AttrPath {
  /** The schema URN written before the attribute, without the colon; null when none was written. */
  schema: string | null;
  name: string;
  /** The sub-attribute after the dot, or null. */
  sub: string | null;
  /** The path exactly as written. */
  text: string;
}

/** `userName eq "bjensen"` */
export interface CompareNode {
  kind: 'compare';
  path: AttrPath;
  op: CompareOp;
  value: FilterValue;
}

/** `title pr` */
export interface PresentNode {
  kind: 'present';
  path: AttrPath;
}

/**
 * `a and b and c`: one node per run of the same operator, always with two or more filters.
 * Parentheses make a nested node, so `a and (b and c)` keeps its shape when printed and re-parsed.
 */
export interface LogicalNode {
  kind: 'and' | 'or';
  filters: FilterNode[];
}

/** `not (…)` */
export interface NotNode {
  kind: 'not';
  filter: FilterNode;
}

/**
 * `emails[type eq "work" and value co "@example.com"]`: some one element of a multi-valued
 * attribute matches the inner filter, whose paths name sub-attributes (schema and sub are null).
 */
export interface ValuePathNode {
  kind: 'valuePath';
  path: AttrPath;
  filter: FilterNode;
}

export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;
