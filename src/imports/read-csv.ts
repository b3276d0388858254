import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../errors.js';
import type { FileRecord } from './records.js';

/** No cell or line is longer than this: a quote left open cannot swallow the rest of a big file. */
const MAX_RECORD_CHARS = 1_000_000;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a file, judged by its first line (outside quotes): spreadsheets in many
 * languages save "CSV" with semicolons, and some tools with tabs.
 */
export function detectDelimiter(firstLine: string): string {
  let quoted = false;
  const counts = new Map<string, number>();
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const delimiter of DELIMITERS)
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** The first chunks of a stream, up to the first line break, and the rest of it to read on. */
async function peekFirstLine(
  input: Readable,
): Promise<{ head: Buffer[]; firstLine: string; rest: AsyncIterator<Buffer> }> {
  const rest = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  while (size < 65_536) {
    const next = await rest.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(10) || chunk.includes(13)) break;
  }
  const text = Buffer.concat(head).toString('utf8');
  return { head, firstLine: text.split(/\r?\n|\r/)[0] ?? '', rest };
}

async function* chunks(head: Buffer[], rest: AsyncIterator<Buffer>) {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/** The records of a CSV file, numbered as a spreadsheet numbers its rows (blank lines count). */
export async function* readCsvRecords(input: Readable): AsyncGenerator<FileRecord> {
  const { head, firstLine, rest } = await peekFirstLine(input);
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipeline carries a failure of the upload into the parser (the loop below throws it), and
  // a loop that stops early destroys the upload's stream rather than leaving it half read.
  pipeline(Readable.from(chunks(head, rest)), parser, () => undefined);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      yield { line, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError(
        'import_file_unreadable',
        `The file cannot be read as CSV near row ${line + 1}: ${error.message}. Save it again from your spreadsheet as "CSV UTF-8" and upload that.`,
      );
    }
    throw error;
  }
}
