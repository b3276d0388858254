/**
 * What every benchmark hands back: figures, each beside the ceiling or peer measured in the same
 * run. A figure is printed as one machine-readable line, `BENCH {json}`, which `npm run bench`
 * (bench/run.ts) collects from each benchmark's process; run alone, a benchmark also prints its
 * own table at the end.
 */
export interface Figure {
  /** The benchmark it came from: login, lookup, batch-add, sms, import. */
  bench: string;
  /** What was measured, for people: "Password sign-ins, SQLite, 8 connections". */
  name: string;
  value: number;
  unit: string;
  /** The ceiling (what the machine does without us) or peer (another product), same run. */
  peer?: { name: string; value: number } | undefined;
  /** Goal, as people read it: "≥ 85 % of ceiling", "< 250 ms". */
  target?: string | undefined;
  met?: boolean | undefined;
  /** Anything else worth a glance: latencies, failures, sizes. */
  detail?: string | undefined;
}

const PREFIX = 'BENCH ';
const figures: Figure[] = [];

export function report(figure: Figure): void {
  figures.push(figure);
  console.log(`${PREFIX}${JSON.stringify(figure)}`);
}

/** A figure from a line of a benchmark's output, or null for any other line. */
export function parseFigure(line: string): Figure | null {
  if (!line.startsWith(PREFIX)) return null;
  try {
    return JSON.parse(line.slice(PREFIX.length)) as Figure;
  } catch {
    return null;
  }
}

export function ratioOf(figure: Figure): number | null {
  return figure.peer && figure.peer.value > 0 ? figure.value / figure.peer.value : null;
}

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value >= 10 ? value.toFixed(1) : value.toFixed(2);

export function formatValue(value: number, unit: string): string {
  return `${number(value)} ${unit}`;
}

function verdict(figure: Figure): string {
  if (figure.met === undefined) return '';
  return figure.met ? 'met' : 'MISSED';
}

/** One row per figure, as plain text columns for the terminal. */
export function formatTable(rows: readonly Figure[]): string {
  const cells = rows.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.name,
      formatValue(f.value, f.unit),
      f.peer ? `${f.peer.name}: ${formatValue(f.peer.value, f.unit)}` : '',
      ratio === null ? '' : `${(ratio * 100).toFixed(0)} %`,
      f.target ?? '',
      verdict(f),
    ];
  });
  const header = ['Figure', 'Value', 'Ceiling or peer (same run)', 'Ratio', 'Target', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Run alone (not under bench/run.ts), a benchmark ends with its own table. */
export function printTableIfAlone(): void {
  if (process.env.BENCH_RUNNER || figures.length === 0) return;
  console.log(`\n${formatTable(figures)}\n`);
  for (const figure of figures) if (figure.detail) console.log(`${figure.name}: ${figure.detail}`);
}
