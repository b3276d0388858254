import type { ReactNode } from 'react';

/**
 * The frame of a table that may scroll sideways on a 360 px phone. Keyboard users scroll it too,
 * so it takes focus, and it is a named region, so a screen reader says what it holds (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
