import { useState } from 'react';
import { t } from '../i18n';
import { Button } from './feedback';

/**
 * Keyset pages: the API hands out a cursor for the next page, so going back means remembering
 * the cursors already used.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors.at(-1),
    hasPrevious: cursors.length > 1,
    first: () => setCursors([undefined]),
    next: (cursor: string) => setCursors((all) => [...all, cursor]),
    previous: () => setCursors((all) => all.slice(0, -1)),
  };
}

export function Pager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  return (
    <nav className="pager" aria-label={t('app.pages')}>
      <Button kind="secondary" disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('app.previous')}
      </Button>
      <Button kind="secondary" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('app.next')}
      </Button>
    </nav>
  );
}
