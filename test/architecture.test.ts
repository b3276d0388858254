import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the code, checked on every run (see docs/architecture.md). A folder (or a file)
 * directly under src/ is a slice; slices sit in layers, and an import may only reach a slice of
 * the same layer or a lower one, never a higher one, and slices never import each other in a
 * circle. SQL is written only in stores (`*.store.ts`), in the SQL builders they use
 * (`*.sql.ts`), and in storage/.
 */
const LAYERS: readonly (readonly string[])[] = [
  // The kernel: no feature knowledge at all.
  [
    'storage',
    'clock.ts',
    'errors.ts',
    'config.ts',
    'context.ts',
    'cursor.ts',
    'csv.ts',
    'bulk.ts',
    'polling-loop.ts',
    'event-loop.ts',
    'locales.ts',
    'crypto',
    'phone',
    'passwords',
  ],
  // Platform: HTTP plumbing, audit log, throttles, counters, sessions; the outbox of texts and
  // emails, and the two media that feed it.
  ['http', 'audit', 'throttle', 'counters', 'sessions'],
  ['outbox'],
  ['sms', 'mail'],
  ['deps.ts'],
  // The domain, bottom up.
  ['communities'],
  ['settings', 'limits', 'tokens', 'domains'],
  ['people', 'groups'],
  ['second-factor'],
  ['invitations', 'auth', 'setup'],
  [
    'onboarding',
    'claim',
    'recovery',
    'password-reset',
    'sms-log',
    'scim',
    'lockouts',
    'access-codes',
    'oidc',
  ],
  // Bulk at scale: import jobs, exports and lists of keys, built on the use cases below.
  ['imports'],
  // Composition: what wires the slices together.
  ['housekeeping.ts', 'app.ts', 'main.ts', 'cli', 'wire.ts'],
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The slice a file belongs to: its top folder under src/, or the file itself at the top. */
const sliceOf = (path: string) => relative(SRC, path).split('/')[0] ?? path;

const files = sourceFiles(SRC);

/** slice → slices it imports (relative imports only; packages are not slices). */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = sliceOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      // Imports name the compiled file (`../deps.js`); the slice is its source (`deps.ts`).
      const to = sliceOf(resolve(dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts')));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's members (Tarjan's strongly connected components of more than one slice). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, order.get(next) ?? 0));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) component.push(member);
      } while (member !== node && member !== undefined);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  const graph = importGraph();
  const layerOf = new Map(LAYERS.flatMap((slices, layer) => slices.map((slice) => [slice, layer] as const)));

  it('places every slice under src/ in a layer', () => {
    const slices = new Set([...graph.keys(), ...[...graph.values()].flatMap((targets) => [...targets])]);
    expect([...slices].filter((slice) => !layerOf.has(slice)).sort()).toEqual([]);
  });

  it('has no import cycle between slices', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only down (or within a layer), never up', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        if ((layerOf.get(to) ?? 0) > (layerOf.get(from) ?? 0)) upward.push(`${from} → ${to}`);
      }
    }
    expect(upward.sort()).toEqual([]);
  });

  it('writes SQL only in stores and the storage layer', () => {
    const statement = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`|\bsql<[^>]*>`/;
    const outside = files.filter(
      (file) =>
        !file.endsWith('.store.ts') &&
        !file.endsWith('.sql.ts') &&
        !relative(SRC, file).startsWith('storage/') &&
        statement.test(readFileSync(file, 'utf8')),
    );
    expect(outside.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('detects a cycle when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(looped)).toEqual([['a', 'b', 'c']]);
  });
});
