import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';

// Running the real CLI and server as child processes, for the tests that need a real process.

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time of the files under `dir` that `keep` selects. */
function newestMtime(dir: string, keep: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, keep));
    else if (keep(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh(): boolean {
  const entry = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(entry)) return false;
  const source = newestMtime(join(ROOT, 'src'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return statSync(entry).mtimeMs >= source;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Compiles dist/ for the real CLI when it is missing or older than src/. Test files run in
 * parallel workers, so a lock directory keeps two builds from rewriting dist/ under each other.
 */
export async function ensureBuilt() {
  if (buildIsFresh()) return;
  const lock = join(
    tmpdir(),
    `muster-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (!buildIsFresh()) {
      await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT }).catch((error) => {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        throw new Error(`npm run build failed; the CLI tests need dist/:\n${stdout ?? ''}${stderr ?? ''}`);
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The environment for a child process: ours, without any Muster settings leaking in. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('MUSTER_') && key !== 'PORT') env[key] = value;
  }
  return { ...env, ...overrides };
}

/**
 * For tests that start the CLI or the server as processes, several in a row: each start loads
 * the whole program, which on two busy cores can take seconds.
 */
export const CLI_TIMEOUT = { timeout: 120_000 };

export function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/muster.js', ...args], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The community the CLI tests start from, made by `muster setup`: Acme (acme), admin@acme.test. */
export async function setUpAcme(env: Record<string, string>, more: string[] = []) {
  const setup = await runCli(
    [
      'setup',
      '--community',
      'Acme',
      '--slug',
      'acme',
      '--admin-email',
      'admin@acme.test',
      '--admin-password',
      'long enough pw',
      ...more,
    ],
    env,
  );
  expect(setup.code, setup.stderr).toBe(0);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(what: string, ready: () => boolean, output: () => string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the process said:\n${output()}`);
    await sleep(50);
  }
}

export async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
