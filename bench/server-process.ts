/**
 * Muster's server in a process of its own, as `muster serve` runs it: logs at the level given
 * (info by default, written to /dev/null here), so a benchmark measures what production does.
 * Forked by bench/server.ts; answers its requests over IPC: cpu, profile-start, profile-stop.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { openMuster, serve } from './muster.js';

type Request = { id: number; op: 'cpu' | 'profile-start' | 'profile-stop' | 'close'; file?: string };

const send = (message: unknown) => process.send?.(message);

process.once(
  'message',
  async ({ databaseUrl, env }: { databaseUrl: string; env: Record<string, string> }) => {
    const { deps, close } = await openMuster(databaseUrl, env);
    const { app, url } = await serve(deps);
    // Connected only when a profile is asked for: the benchmark measures the server as it runs.
    let inspector: Session | null = null;
    process.on('message', async (request: Request) => {
      switch (request.op) {
        case 'cpu':
          return send({ id: request.id, result: process.cpuUsage() });
        case 'profile-start':
          inspector = new Session();
          inspector.connect();
          await inspector.post('Profiler.enable');
          await inspector.post('Profiler.start');
          return send({ id: request.id, result: null });
        case 'profile-stop': {
          if (!inspector) return send({ id: request.id, result: null });
          const { profile } = await inspector.post('Profiler.stop');
          inspector.disconnect();
          inspector = null;
          const file = request.file ?? 'server.cpuprofile';
          mkdirSync(join(file, '..'), { recursive: true });
          writeFileSync(file, JSON.stringify(profile));
          return send({ id: request.id, result: file });
        }
        case 'close':
          await app.close();
          await close();
          send({ id: request.id, result: null });
          return process.exit(0);
      }
    });
    send({ url });
  },
);
