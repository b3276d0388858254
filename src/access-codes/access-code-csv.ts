import { csvRow } from '../csv.js';

/** One person's line of the sheet, as far as the CSV needs it; people who got no code have no code. */
interface SheetLine {
  person?: { username: string | null; externalId: string | null } | undefined;
  accessCode?: string | undefined;
  expiresAt?: string | undefined;
}

/**
 * The codes of a sheet as CSV (R21), in Workplace's columns, every cell formula-safe (R37): an
 * employee ID such as `=HYPERLINK(…)` is shown as text, never run. People who got no code are
 * left out. Plain TypeScript importing nothing of the server, so the web app's download is
 * written by this very function.
 */
export function accessCodeCsv(lines: readonly SheetLine[]): string {
  const rows = lines.flatMap(({ person, accessCode, expiresAt }) =>
    person && accessCode && expiresAt
      ? [csvRow([person.username ?? '', person.externalId ?? '', accessCode, expiresAt])]
      : [],
  );
  return [csvRow(['Username', 'Employee Id', 'Access Code', 'Expires']), ...rows].join('');
}
