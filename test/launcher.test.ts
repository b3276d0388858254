import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url);

/** The flags a launcher gives Node, in order. */
const nodeFlags = (command: string) => command.split(/\s+/).filter((word) => word.startsWith('--'));

describe('launching the server', () => {
  it('gives Node the same flags through npm start as through the muster command', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
    const shebang = readFileSync(new URL('bin/muster.js', ROOT), 'utf8').split('\n')[0] ?? '';
    expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node /);
    expect(manifest.scripts.start).toMatch(/^node .*bin\/muster\.js serve$/);
    // The heap limit is what keeps a large import's memory near 200 MB (docs/importing.md).
    expect(nodeFlags(manifest.scripts.start)).toEqual(['--max-old-space-size=1536']);
    expect(nodeFlags(shebang)).toEqual(nodeFlags(manifest.scripts.start));
  });
});
