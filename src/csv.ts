/**
 * CSV that spreadsheets open safely: a cell that starts like a formula (=, +, -, @, tab, CR) is
 * prefixed with a quote so it shows as text and never runs; a phone number such as +447911123456
 * is left as it is, since it cannot be a formula and admins need it intact (R24).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PHONE = /^\+\d[\d ]{3,20}$/;

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text) && !PHONE.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
