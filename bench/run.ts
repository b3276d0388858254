/**
 * `npm run bench`: every benchmark, one after the other, each in a process of its own, then one
 * table of every figure beside its ceiling or peer, printed and written to docs/benchmarks.md
 * (between the results markers; the notes around them are kept). Sizes and durations are set
 * so the whole run takes under ten minutes on the 2-core machine; each benchmark alone
 * (`npm run bench:login` …) takes the same environment variables to measure more.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Figure, formatTable, formatValue, parseFigure, ratioOf } from './report.js';

interface Benchmark {
  name: string;
  file: string;
  /** The full run's sizes; a variable already set in the environment wins. */
  env: Record<string, string>;
  /** What it measures, for the document. */
  about: string;
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'login',
    file: 'login.ts',
    env: { BENCH_SECONDS: '4', BENCH_PROBES: '15' },
    about: 'password sign-ins over HTTP vs raw argon2id, and Better Auth as the peer',
  },
  {
    name: 'lookup',
    file: 'person-lookup.ts',
    env: { BENCH_SECONDS: '4', BENCH_ROUNDS: '3', BENCH_PEOPLE: '1000,1000000', BENCH_DATABASES: 'sqlite' },
    about: 'REST and SCIM person lookups vs Fastify hello-world',
  },
  {
    name: 'batch-add',
    file: 'batch-add.ts',
    env: { BENCH_ROWS: '20000' },
    about: 'phone people with invitations through POST /api/v1/people/batch',
  },
  {
    name: 'sms',
    file: 'sms-dispatch.ts',
    env: { BENCH_TEXTS: '10000' },
    about: 'outbox drain to a local fake Twilio',
  },
  {
    name: 'import',
    file: 'import.ts',
    env: {},
    about: 'a Workplace file of phone rows through an import job, and the export of everyone',
  },
];

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const DOC = here('../docs/benchmarks.md');
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

/** Runs one benchmark in its own process; answers its figures and its other output lines. */
function runOne(benchmark: Benchmark): Promise<{ figures: Figure[]; lines: string[]; exit: number | null }> {
  const env = { ...benchmark.env, ...process.env, BENCH_RUNNER: '1' };
  const child = spawn(process.execPath, ['--import', 'tsx', here(benchmark.file)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const figures: Figure[] = [];
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const figure = parseFigure(line);
    if (figure) figures.push(figure);
    else if (!line.includes('oidc-provider WARNING')) {
      lines.push(line);
      console.log(`  ${line}`);
    }
  });
  return new Promise((resolve) => child.on('close', (exit) => resolve({ figures, lines, exit })));
}

function machine() {
  const cpu = cpus();
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    ram: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${osName()} (${platform()} ${release()})`,
    node: process.version,
  };
}

function osName(): string {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? platform();
  } catch {
    return platform();
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function markdown(
  figures: readonly Figure[],
  runs: readonly {
    benchmark: Benchmark;
    seconds: number;
    exit: number | null;
    lines: string[];
    figures: number;
  }[],
  context: { started: Date; seconds: number; loadBefore: number[]; loadAfter: number[] },
): string {
  const m = machine();
  const out = [
    START,
    '',
    `Measured ${context.started.toISOString().replace('T', ' ').slice(0, 16)} UTC by \`npm run bench\` in ${(context.seconds / 60).toFixed(1)} minutes.`,
    '',
    `- Machine: ${m.cpu}, ${m.ram} RAM; ${m.os}; Node ${m.node}`,
    `- Load average (1, 5, 15 min) before: ${context.loadBefore.map((l) => l.toFixed(2)).join(', ')}; after: ${context.loadAfter.map((l) => l.toFixed(2)).join(', ')}`,
    '',
    '| Figure | Value | Ceiling or peer (same run) | Ratio | Target | Result |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...figures.map((f) => {
      const ratio = ratioOf(f);
      return `| ${cell(f.name)} | ${formatValue(f.value, f.unit)} | ${f.peer ? `${cell(f.peer.name)}: ${formatValue(f.peer.value, f.unit)}` : ''} | ${ratio === null ? '' : `${(ratio * 100).toFixed(0)} %`} | ${cell(f.target ?? '')} | ${f.met === undefined ? '' : f.met ? 'met' : '**missed**'} |`;
    }),
    '',
    'Details:',
    '',
    ...figures.filter((f) => f.detail).map((f) => `- ${cell(f.name)}: ${f.detail}`),
    '',
    'Runs:',
    '',
    ...runs.map(
      (r) =>
        `- \`${r.benchmark.file}\` (${r.benchmark.about}): ${r.exit === null ? 'skipped (file not there)' : `${r.seconds.toFixed(0)} s, exit ${r.exit}, ${r.figures} figures`}${
          Object.keys(r.benchmark.env).length
            ? `; ${Object.entries(r.benchmark.env)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}`
            : ''
        }`,
    ),
  ];
  for (const run of runs.filter((r) => r.figures === 0 && r.lines.length > 0)) {
    out.push(
      '',
      `Output of \`${run.benchmark.file}\` (no machine-readable figures):`,
      '',
      '```',
      ...run.lines,
      '```',
    );
  }
  out.push('', END);
  return out.join('\n');
}

function writeDoc(results: string) {
  const existing = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const at = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next =
    at !== -1 && end !== -1
      ? `${existing.slice(0, at)}${results}${existing.slice(end + END.length)}`
      : `# Benchmarks\n\n${results}\n`;
  writeFileSync(DOC, next);
  // Laid out as the linter lays out Markdown (aligned tables), so a fresh run passes `npm run lint`.
  const biome = spawnSync(here('../node_modules/.bin/biome'), ['format', '--write', DOC], {
    stdio: 'ignore',
  });
  if (biome.status !== 0)
    console.log(
      'docs/benchmarks.md written, but not laid out: run `npx biome format --write docs/benchmarks.md`.',
    );
}

const started = new Date();
const loadBefore = loadavg();
const figures: Figure[] = [];
const runs = [];
for (const benchmark of BENCHMARKS) {
  if (!existsSync(here(benchmark.file))) {
    console.log(`\n== ${benchmark.name}: bench/${benchmark.file} is not there; skipped`);
    runs.push({ benchmark, seconds: 0, exit: null, lines: [], figures: 0 });
    continue;
  }
  console.log(`\n== ${benchmark.name} (bench/${benchmark.file})`);
  const begun = performance.now();
  const result = await runOne(benchmark);
  const seconds = (performance.now() - begun) / 1000;
  figures.push(...result.figures);
  runs.push({ benchmark, seconds, exit: result.exit, lines: result.lines, figures: result.figures.length });
  console.log(`   ${seconds.toFixed(0)} s, exit ${result.exit}`);
}
const seconds = (Date.now() - started.getTime()) / 1000;
console.log(`\n${formatTable(figures)}\n`);
writeDoc(markdown(figures, runs, { started, seconds, loadBefore, loadAfter: loadavg() }));
console.log(`Written to docs/benchmarks.md (${(seconds / 60).toFixed(1)} minutes).`);
if (runs.some((r) => r.exit !== null && r.exit !== 0)) process.exitCode = 1;
