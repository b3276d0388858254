import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV safe for spreadsheets', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\r=y']) {
      expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
  });

  it('keeps phone numbers with their plus sign intact', () => {
    expect(csvCell('+447911123456')).toBe('+447911123456');
    expect(csvCell('+44 7911 123456')).toBe('+44 7911 123456');
  });

  it('quotes commas, quotes and line breaks, and writes empty cells for null', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3\r\n');
  });
});
