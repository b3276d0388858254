/**
 * Cells Muster writes for spreadsheets, and reads back (R24, R37). A cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, so it
 * shows as text; so does a cell that already starts with one, so the apostrophe can be taken off
 * again exactly. A phone number such as +447911123456 cannot be a formula and is left intact.
 */
const NEEDS_QUOTE = /^[=+\-@\t\r']/;
const PHONE = /^\+\d[\d ]{3,20}$/;
const QUOTED = /^'[=+\-@\t\r']/;

export function neutralise(text: string): string {
  return NEEDS_QUOTE.test(text) && !PHONE.test(text) ? `'${text}` : text;
}

/** What `neutralise` made of a cell, turned back into what it was; anything else as it is. */
export function restore(text: string): string {
  return QUOTED.test(text) ? text.slice(1) : text;
}
