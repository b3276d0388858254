import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, childEnv, ensureBuilt, freePort, ROOT, stopChild, waitFor } from './processes.js';

const { threadPoolSize } = createRequire(import.meta.url)('../bin/thread-pool.js') as {
  threadPoolSize: (env: Record<string, string | undefined>, cores?: number) => string;
};

/** The flags a launcher gives Node, in order. */
const nodeFlags = (command: string) => command.split(/\s+/).filter((word) => word.startsWith('--'));

describe('launching the server', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('gives Node the same flags through npm start as through the muster command', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const shebang = readFileSync(join(ROOT, 'bin/muster.js'), 'utf8').split('\n')[0] ?? '';
    expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node /);
    expect(manifest.scripts.start).toMatch(/^node .*bin\/muster\.js serve$/);
    // The heap limit is what keeps a large import's memory near 200 MB (docs/importing.md).
    expect(nodeFlags(manifest.scripts.start)).toEqual(['--max-old-space-size=1536']);
    expect(nodeFlags(shebang)).toEqual(nodeFlags(manifest.scripts.start));
  });

  it("sizes libuv's pool to the cores, between 2 and Node's 4, unless the operator sized it", () => {
    expect([1, 2, 3, 4, 64].map((cores) => threadPoolSize({}, cores))).toEqual(['2', '2', '3', '4', '4']);
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '16' }, 2)).toBe('16');
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '' }, 2)).toBe('2');
  });

  /** The threads of a server started by the muster command, once it is listening. */
  async function serverThreads(env: Record<string, string>): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), 'muster-launcher-'));
    dirs.push(dir);
    const port = await freePort();
    const childEnvironment = childEnv({
      MUSTER_DATABASE_URL: `sqlite:${join(dir, 'muster.db')}`,
      PORT: String(port),
      MUSTER_HOST: '127.0.0.1',
      MUSTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
      MUSTER_LOG_LEVEL: 'warn',
    });
    // Whatever this test run was started with, only `env` sizes the pool.
    delete childEnvironment.UV_THREADPOOL_SIZE;
    const server = spawn(process.execPath, ['bin/muster.js', 'serve'], {
      cwd: ROOT,
      env: { ...childEnvironment, ...env },
    });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr.on('data', (chunk) => {
      output += chunk;
    });
    try {
      // Three servers start at once beside the rest of the suite: longer than for one.
      await waitFor(
        'the server to listen',
        () => output.includes('Muster is running'),
        () => output,
        60_000,
      );
      return readdirSync(`/proc/${server.pid}/task`).length;
    } finally {
      await stopChild(server);
    }
  }

  it.skipIf(process.platform !== 'linux')(
    'starts the pool with the size it chose (a pool already started would keep 4 threads)',
    async () => {
      await ensureBuilt();
      const chosen = Number(threadPoolSize({}));
      const [unset, told, bigger] = await Promise.all([
        serverThreads({}),
        serverThreads({ UV_THREADPOOL_SIZE: String(chosen) }),
        serverThreads({ UV_THREADPOOL_SIZE: String(chosen + 3) }),
      ]);
      expect(bigger - told).toBe(3);
      expect(unset).toBe(told);
    },
    CLI_TIMEOUT.timeout,
  );
});
