import type { AccessCodeSheet } from '../api';

/**
 * Codes just made, handed from the page that made them to the sheet page. Kept in memory only,
 * never in storage or the address: access codes are shown once (R21, R32), and a reload or a
 * later visit finds nothing.
 */
export interface SheetToShow {
  sheet: AccessCodeSheet;
  /** Names the admin saw, for the people the server refused (its answer names only those it served). */
  names: Record<string, string>;
}

let waiting: SheetToShow | null = null;

export function handOverSheet(sheet: SheetToShow) {
  waiting = sheet;
}

export function waitingSheet(): SheetToShow | null {
  return waiting;
}

export function forgetSheet() {
  waiting = null;
}
