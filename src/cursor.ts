import { AppError } from './errors.js';

/**
 * Opaque cursors for keyset pages. Ids are time-ordered UUIDv7s, so "after this id" is a stable
 * position even while rows are added; the base64 wrapping keeps clients from building their own.
 */
export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string' && parsed.after.length <= 64) return parsed.after;
  } catch {
    // not base64 JSON: fall through to the error
  }
  throw new AppError(
    'cursor_invalid',
    'The cursor is not one this list gave out. Start again from the first page.',
  );
}

/**
 * Turns `limit + 1` rows fetched in page order into one page: the extra row only says that
 * another page follows, and the cursor points after the page's last row.
 */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  view: (row: Row) => Item,
) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
