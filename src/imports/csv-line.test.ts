import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from './csv-line.js';
import { readCsvRecords } from './read-csv.js';
import { neutralise, restore } from './spreadsheet-cell.js';

describe('R24, R37: CSV lines of exports and errors files', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[a,"\r\n;\t=+\-@' ]{0,6}$/),
    fc.constant(null),
    fc.integer(),
  );

  it('writes what a CSV library writes with the same rules, whatever the cells', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (values) => {
        const library = stringify([values.map((value) => neutralise(value === null ? '' : String(value)))], {
          record_delimiter: '\r\n',
          quoted_match: /[;\t]/,
          quote_record_delimiter: true,
        });
        expect(csvLine(values)).toBe(library);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back exactly, line breaks and quotes inside cells too', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[a,"\r\n;\t=+@ ]{0,6}$/), { minLength: 2, maxLength: 5 }),
        async (values) => {
          const lines = csvLine(['Header', ...values.map((_, i) => `C${i}`)]) + csvLine(['x', ...values]);
          const records = [];
          for await (const record of readCsvRecords(Readable.from([lines]))) records.push(record.cells);
          expect(records[1]?.slice(1).map(restore)).toEqual(values);
        },
      ),
      { numRuns: 300 },
    );
  });
});
