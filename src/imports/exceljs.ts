/**
 * The spreadsheet library, loaded the first time a spreadsheet is read or written: most servers
 * never see one, and loaded it holds some 6 MB of heap (and its share of the heap's headroom)
 * for the life of the process.
 */
export function loadExcelJs() {
  return import('exceljs');
}
