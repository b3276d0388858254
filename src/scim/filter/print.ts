import type { FilterNode, FilterValue } from './ast.js';

/**
 * Writes a filter back as text that parseFilter reads as the same tree: paths keep the client's
 * spelling, values are JSON, and parentheses appear only where the tree needs them (an "or" inside
 * an "and", or a run nested in a run of the same operator).
 */
export function printFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${node.path.text} ${node.op} ${printValue(node.value)}`;
    case 'present':
      return `${node.path.text} pr`;
    case 'not':
      return `not (${printFilter(node.filter)})`;
    case 'valuePath':
      return `${node.path.text}[${printFilter(node.filter)}]`;
    case 'and':
    case 'or':
      return node.filters
        .map((filter) => {
          const text = printFilter(filter);
          const grouped = filter.kind === 'or' || (filter.kind === 'and' && node.kind === 'and');
          return grouped ? `(${text})` : text;
        })
        .join(` ${node.kind} `);
  }
}

function printValue(value: FilterValue): string {
  // JSON.stringify writes strings with escapes and numbers in a form JSON (and so the parser) reads
  // back exactly; null, true and false come out as themselves.
  return JSON.stringify(value);
}
