import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader } from '../src/imports/columns.js';
import { csvLine } from '../src/imports/csv-line.js';
import { firstFilePart } from '../src/imports/multipart.js';
import { detectDelimiter, readCsvRecords } from '../src/imports/read-csv.js';
import { readXlsxRecords } from '../src/imports/read-xlsx.js';
import { normaliseLocale, readRow } from '../src/imports/row.js';
import { rowKeys } from '../src/imports/row-keys.js';
import { neutralise, restore } from '../src/imports/spreadsheet-cell.js';

// The file side of imports (R54, R24, R37): cells, headers, rows, CSV, XLSX and multipart
// bodies, fuzzed with fast-check where a parser meets input nobody controls.

const TEMPLATE = [
  'Email',
  'First Name',
  'Last Name',
  'Job Title',
  'Department',
  'Phone Number',
  'Location',
  'Locale',
  'Manager Email',
  'Division',
  'Organization',
  'Start Date',
];
const EMAILLESS = ['Employee Id', 'First Name', 'Last Name', 'Manager Employee Id'];
const AGENT =
  'email,first name,last name,job title,department,phone number,location,locale,manager email,timezone,external id,organization,division,cost center,start date,frontline'.split(
    ',',
  );

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** A stream of `bytes` cut into chunks at the given points, as a network delivers them. */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) pieces.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return Readable.from(pieces);
}

describe('spreadsheet cells (R24, R37)', () => {
  it('reads back exactly what the export wrote, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(restore(neutralise(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes a cell a spreadsheet would run, and keeps phone numbers intact', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = neutralise(text);
        if (!/^\+\d[\d ]{3,20}$/.test(text)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
    expect(neutralise('+447911123456')).toBe('+447911123456');
    expect(neutralise('+44 7911 123456')).toBe('+44 7911 123456');
    expect(neutralise('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe("Workplace's headers (R54)", () => {
  const variant = (name: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
        fc.constantFrom('', ' ', '  ', '_'),
        fc.constantFrom('', ' '),
      )
      .map(([upper, separator, pad]) => {
        const cased = [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        return `${pad}${cased.replaceAll(' ', separator)}${pad}`;
      });

  it('maps the template, the email-less form and the agent header whatever their case and spacing', () => {
    for (const header of [TEMPLATE, EMAILLESS, AGENT]) {
      const expected = mapHeader(header).fields;
      expect(mapHeader(header).unknown).toEqual([]);
      fc.assert(
        fc.property(fc.tuple(...header.map(variant)), (written) => {
          expect(mapHeader(written).fields).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    }
    expect(mapHeader(AGENT).fields).toEqual([
      'email',
      'givenName',
      'familyName',
      'jobTitle',
      'department',
      'phone',
      'location',
      'locale',
      'managerEmail',
      'timeZone',
      'externalId',
      'organization',
      'division',
      'costCenter',
      'startDate',
      'frontline',
    ]);
  });

  it('reports unknown columns (and a repeated one) instead of dropping them silently', () => {
    const map = mapHeader(['Email', 'Shoe Size', 'email', 'Status', '']);
    expect(map.fields).toEqual(['email', null, null, null, null]);
    expect(map.unknown).toEqual(['Shoe Size', 'email']);
  });

  it('never throws on any header, and knows every column it maps', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (header) => {
        const map = mapHeader(header);
        expect(map.fields).toHaveLength(header.length);
        expect(map.unknown.length).toBeLessThanOrEqual(header.length);
        for (const [i, field] of map.fields.entries()) {
          if (field !== null) expect(headerKey(header[i] ?? '')).not.toBe('');
        }
      }),
    );
  });
});

describe('rows (R54)', () => {
  const map = mapHeader(AGENT);

  it('never throws on any cells', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (cells) => {
        const reading = readRow(cells, map);
        expect(typeof reading.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('writes locales as Muster does: en_US and pt-br are en-US and pt-BR', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{2}$/),
        fc.stringMatching(/^[a-z]{2}$/),
        fc.constantFrom('_', '-'),
        fc.boolean(),
        (language, region, separator, shout) => {
          const written = `${shout ? language.toUpperCase() : language}${separator}${shout ? region : region.toUpperCase()}`;
          expect(normaliseLocale(written)).toBe(`${language}-${region.toUpperCase()}`);
        },
      ),
    );
    expect(normaliseLocale('pt_BR')).toBe('pt-BR');
    expect(normaliseLocale('EN')).toBe('en');
  });

  it('reads Frontline as true/false/yes/no/1/0 and refuses anything else', () => {
    const frontline = (cell: string) => readRow(['a@example.com', ...Array(14).fill(''), cell], map);
    for (const [cell, value] of [
      ['true', true],
      ['YES', true],
      ['1', true],
      ['False', false],
      ['no', false],
      ['0', false],
    ] as const) {
      const reading = frontline(cell);
      expect(reading.ok && reading.row.person.frontline).toBe(value);
    }
    expect(frontline('maybe').ok).toBe(false);
  });

  it('takes Start Date as YYYY-MM-DD only', () => {
    const startDate = (cell: string) => readRow(['a@example.com', ...Array(13).fill(''), cell], map);
    expect(startDate('2024-03-01')).toMatchObject({ ok: true, row: { person: { startDate: '2024-03-01' } } });
    expect(startDate('01/03/2024').ok).toBe(false);
  });

  it("follows Workplace's precedence: an email makes an email account, whatever else the row holds", () => {
    const reading = readRow(['ana@example.com', 'Ana', '', '', '', '+44 7911 123456'], map);
    expect(reading.ok && reading.row.person).toEqual({ email: 'ana@example.com', givenName: 'Ana' });
  });

  it('takes off the apostrophe the export put before a formula-like cell', () => {
    const reading = readRow(['ana@example.com', "'=Ana"], map);
    expect(reading.ok && reading.row.person.givenName).toBe('=Ana');
  });

  it('keys a mobile number the same however it is written (R2)', () => {
    const keyOf = (phone: string) => rowKeys({ person: { phone } }, 'GB').loginKey;
    expect(keyOf('+44 7911 123456')).toBe('phone:+447911123456');
    expect(keyOf('447911123456')).toBe('phone:+447911123456');
    expect(keyOf('0044 7911 123456')).toBe('phone:+447911123456');
    expect(keyOf('07911 123456')).toBe('phone:+447911123456');
  });
});

describe('CSV files', () => {
  const cell = fc.string({ unit: 'grapheme' }).filter((text) => !text.startsWith('\uFEFF'));

  it('reads back every cell Muster writes, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, cuts) => {
          const bytes = Buffer.from(rows.map((row) => csvLine(row)).join(''), 'utf8');
          const records = await collect(readCsvRecords(chunked(bytes, cuts)));
          expect(records.map((r) => r.cells.map(restore))).toEqual(rows);
          expect(records.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells commas, semicolons and tabs apart by the header line', () => {
    expect(detectDelimiter('Email,First Name,Last Name')).toBe(',');
    expect(detectDelimiter('Email;First Name;Last Name')).toBe(';');
    expect(detectDelimiter('Email\tFirst Name')).toBe('\t');
    expect(detectDelimiter('"Smith, Ana";Email;Phone')).toBe(';');
  });

  it('skips a byte order mark and numbers rows as a spreadsheet does, blank ones included', async () => {
    const records = await collect(
      readCsvRecords(Readable.from([Buffer.from('\uFEFFEmail\r\n\r\na@b.c\r\n')])),
    );
    expect(records).toEqual([
      { line: 1, cells: ['Email'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['a@b.c'] },
    ]);
  });
});

describe('XLSX files', () => {
  it('reads cells as the text a person sees: dates, numbers, booleans, formulas, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Email', 'Phone Number', 'Start Date', 'Frontline', 'Employee Id', 'Job Title']);
    sheet.addRow([
      'ana@example.com',
      447911123456,
      new Date(Date.UTC(2024, 2, 1)),
      true,
      123,
      { formula: '"Pick"&"er"', result: 'Picker' },
    ]);
    sheet.addRow([
      { richText: [{ text: 'kai@' }, { text: 'example.com' }] },
      '+44 7911 123457',
      '2024-04-01',
      false,
      '00123',
      'Driver',
    ]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const second = workbook.addWorksheet('Notes');
    second.addRow(['not people']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const records = await collect(readXlsxRecords(chunked(buffer, [100, 2000, 5000])));
    expect(records).toEqual([
      { line: 1, cells: ['Email', 'Phone Number', 'Start Date', 'Frontline', 'Employee Id', 'Job Title'] },
      { line: 2, cells: ['ana@example.com', '447911123456', '2024-03-01', 'true', '123', 'Picker'] },
      { line: 3, cells: ['kai@example.com', '+44 7911 123457', '2024-04-01', 'false', '00123', 'Driver'] },
    ]);
  });

  it('refuses a file that is not a workbook with a reason', async () => {
    await expect(
      collect(readXlsxRecords(Readable.from([Buffer.from('Email\nnot,a,zip\n')]))),
    ).rejects.toMatchObject({
      code: 'import_file_unreadable',
    });
  });
});

describe('multipart/form-data uploads', () => {
  it('streams out the first file exactly, whatever its bytes and however the body is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,40}$/),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (file, boundary, cuts) => {
          const body = Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n` +
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="staff.xlsx"\r\n` +
                'Content-Type: application/octet-stream\r\n\r\n',
            ),
            Buffer.from(file),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          const part = await firstFilePart(
            chunked(body, cuts),
            `multipart/form-data; boundary="${boundary}"`,
          );
          const bytes = Buffer.concat(await collect(part.body));
          expect(bytes.equals(Buffer.from(file))).toBe(true);
          expect(part.fileName).toBe('staff.xlsx');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a form without a file', async () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n');
    await expect(
      firstFilePart(Readable.from([body]), 'multipart/form-data; boundary=b'),
    ).rejects.toMatchObject({
      code: 'import_file_unreadable',
    });
  });
});
