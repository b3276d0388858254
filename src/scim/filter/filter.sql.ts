import { type Expression, type SqlBool, sql } from 'kysely';
import type { AttrPath, CompareOp, FilterNode, FilterValue, ValuePathNode } from './ast.js';
import {
  type AttributeTypes,
  type ConstantAttribute,
  checkComparison,
  complexComparison,
  type MultiValuedAttribute,
  nestedValuePath,
  resolvePath,
  type ScalarAttribute,
  scalarOf,
  subAttributeOf,
  valuePathTarget,
} from './attributes.js';
import { type Condition, columnCompare, columnPresent, FALSE, type SubColumn, TRUE } from './compare.sql.js';
import { compareScalar, isPresent } from './evaluate.js';

/**
 * Turns a filter into a WHERE condition over one table, so a SCIM search never reads people into
 * memory to test them. It means what evaluate.ts means, and the tests hold the two to that.
 *
 * The same SQL runs on SQLite and PostgreSQL, and every value is a bound parameter:
 * - case-insensitive strings compare as `lower(column) = lower(?)`, the shape a `lower(column)`
 *   expression index serves; co/sw/ew use `like` with `%`, `_` and `\` escaped and an explicit
 *   `escape '\'`. caseExact co/sw/ew use replace()/substr(), because SQLite's like ignores case.
 * - booleans are 0/1 integers; dateTimes are `toISOString()` text, which sorts as time does.
 * - a NULL column is an absent value: `ne` matches it, and `not (…)` is `not coalesce(…, false)`
 *   so SQL's unknown never turns a negation upside down.
 *
 * Two things follow the database rather than the filter: which letters lower() folds (ASCII only
 * on SQLite; all of Unicode on PostgreSQL under most locales) and how gt/ge/lt/le order text
 * (code points on SQLite; the column's collation on PostgreSQL, code points under "C").
 */

/** A single-valued attribute or sub-attribute kept in a column: `userName` → `user_name`. */
export interface ColumnAttribute extends ScalarAttribute {
  kind: 'column';
  /** A column reference, optionally qualified: `email` or `people.email`. */
  column: string;
}

/**
 * A multi-valued complex attribute stored as at most one element: emails as the `email` column with
 * type always "work". The element exists exactly when the `value` sub-attribute's column is not NULL.
 */
export type { SubColumn };

export interface MultiAttribute extends MultiValuedAttribute {
  kind: 'multi';
  subAttributes: { value: SubColumn } & Record<string, SubColumn | ConstantAttribute>;
}

/**
 * A resource type's attributes and where they are stored. Keys as in AttributeTypes: `userName`,
 * `name.givenName`, `emails`, `urn:…:enterprise:2.0:User:employeeNumber`. An AttributeMap is also
 * the AttributeTypes that `matches` takes.
 */
export interface AttributeMap extends AttributeTypes {
  attributes: Record<string, ColumnAttribute | MultiAttribute>;
}

/**
 * The SQL condition for a filter, for `.where(…)`. Throws ScimFilterError (invalidFilter) for an
 * attribute the map does not have or a comparison its type does not allow.
 */
export function filterToSql(node: FilterNode, map: AttributeMap): Expression<SqlBool> {
  return translate(
    node,
    (path) => resourceLeaf(path, map),
    (valuePath) => valuePathSql(valuePath, map),
  );
}

const literal = (value: boolean): Condition => (value ? TRUE : FALSE);

/** What a path gives a comparison in SQL; mirrors the leaves of evaluate.ts. */
interface SqlLeaf {
  /** null for a complex attribute, which only pr can test; `example` then names a sub-attribute. */
  attribute: ScalarAttribute | null;
  example: string;
  /** `value` has been through checkComparison. */
  compare(op: CompareOp, value: FilterValue): Condition;
  present(): Condition;
}

function translate(
  node: FilterNode,
  leafOf: (path: AttrPath) => SqlLeaf,
  valuePathOf: ((node: ValuePathNode) => Condition) | null,
): Condition {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.filters.map((filter) => translate(filter, leafOf, valuePathOf));
      return sql<SqlBool>`(${sql.join(parts, node.kind === 'and' ? sql` and ` : sql` or `)})`;
    }
    case 'not':
      // A NULL inside (a comparison with a NULL column) means "no match"; negated bare it would
      // stay NULL and drop the row, where the filter means it to match.
      return sql<SqlBool>`not coalesce(${translate(node.filter, leafOf, valuePathOf)}, false)`;
    case 'present':
      return leafOf(node.path).present();
    case 'compare': {
      const leaf = leafOf(node.path);
      if (!leaf.attribute) throw complexComparison(node.path, leaf.example);
      return leaf.compare(node.op, checkComparison(node.path, leaf.attribute, node.op, node.value));
    }
    case 'valuePath':
      if (valuePathOf) return valuePathOf(node);
      throw nestedValuePath(node.path);
  }
}

function resourceLeaf(path: AttrPath, map: AttributeMap): SqlLeaf {
  const target = resolvePath<ColumnAttribute, MultiAttribute>(path, map);
  switch (target.kind) {
    case 'scalar':
      return columnLeaf(target.attribute, path.text);
    case 'complex':
      return {
        attribute: null,
        example: `${path.text}.${target.members[0]?.sub ?? ''}`,
        compare: () => FALSE,
        present: () => or(target.members.map((member) => columnPresent(member.attribute))),
      };
    case 'multi':
      return multiLeaf(path, target.attribute, target.location.sub);
  }
}

function columnLeaf(attribute: SubColumn, example: string): SqlLeaf {
  return {
    attribute,
    example,
    compare: (op, value) => columnCompare(attribute, op, value),
    present: () => columnPresent(attribute),
  };
}

function constantLeaf(attribute: ConstantAttribute, example: string): SqlLeaf {
  const scalar = scalarOf(attribute);
  return {
    attribute: scalar,
    example,
    compare: (op, value) => literal(constantCompare(attribute.constant, scalar, op, value)),
    present: () => literal(isPresent(attribute.constant)),
  };
}

/**
 * emails.type, emails.value or bare emails, when the element may not exist. Without an element
 * the value is absent: `ne` (and `eq null`) match, nothing else does.
 */
function multiLeaf(path: AttrPath, multi: MultiAttribute, sub: string | null): SqlLeaf {
  const element = multi.subAttributes.value.column;
  const definition = subAttributeOf<SubColumn | ConstantAttribute>(
    multi,
    sub ?? 'value',
    sub === null ? `${path.text}.value` : path.text,
  );
  const inner =
    'constant' in definition ? constantLeaf(definition, path.text) : columnLeaf(definition, path.text);
  // The value column is NULL exactly when the element is missing, so it needs no guard of its own.
  const unguarded = !('constant' in definition) && definition.column === element;
  const guard = (whenPresent: Condition, whenAbsent: boolean) =>
    unguarded ? whenPresent : elementGuard(element, whenPresent, whenAbsent);
  return {
    attribute: inner.attribute,
    example: `${path.text}.value`,
    compare: (op, value) => guard(inner.compare(op, value), value === null ? op === 'eq' : op === 'ne'),
    present: () => {
      if (sub !== null) return guard(inner.present(), false);
      // A bare `emails pr`: some sub-attribute of the element has a value.
      const parts = Object.values(multi.subAttributes).map((each) =>
        'constant' in each ? literal(isPresent(each.constant)) : columnPresent(each),
      );
      return elementGuard(element, or(parts), false);
    },
  };
}

/** `when the element exists then whenPresent else whenAbsent`, folded when either side is known. */
function elementGuard(element: string, whenPresent: Condition, whenAbsent: boolean): Condition {
  const ref = sql.ref(element);
  if (whenPresent === (whenAbsent ? TRUE : FALSE)) return whenPresent;
  if (whenPresent === TRUE) return sql<SqlBool>`${ref} is not null`;
  if (whenPresent === FALSE) return sql<SqlBool>`${ref} is null`;
  return whenAbsent
    ? sql<SqlBool>`(${ref} is null or ${whenPresent})`
    : sql<SqlBool>`(${ref} is not null and ${whenPresent})`;
}

/** `emails[type eq "work" and value co "@example.com"]`: the element exists and satisfies the filter. */
function valuePathSql(node: ValuePathNode, map: AttributeMap): Condition {
  const multi = valuePathTarget<ColumnAttribute, MultiAttribute>(node.path, map).attribute;
  const inner = translate(
    node.filter,
    (path) => {
      const definition = subAttributeOf<SubColumn | ConstantAttribute>(
        multi,
        path.name,
        `${node.path.text}.${path.text}`,
      );
      return 'constant' in definition
        ? constantLeaf(definition, path.text)
        : columnLeaf(definition, path.text);
    },
    null,
  );
  return elementGuard(multi.subAttributes.value.column, inner, false);
}

function or(parts: Condition[]): Condition {
  if (parts.includes(TRUE)) return TRUE;
  const open = parts.filter((part) => part !== FALSE);
  if (open.length === 0) return FALSE;
  return sql<SqlBool>`(${sql.join(open, sql` or `)})`;
}

function constantCompare(
  constant: string | boolean | null,
  attribute: ScalarAttribute,
  op: CompareOp,
  value: FilterValue,
): boolean {
  if (value === null) return op === 'eq' ? !isPresent(constant) : isPresent(constant);
  return compareScalar(constant ?? undefined, op, value, attribute);
}
