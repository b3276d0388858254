import { Readable } from 'node:stream';
import { AppError } from '../errors.js';

export interface FilePart {
  body: Readable;
  fileName: string | null;
  mediaType: string | null;
}

const MAX_HEADER_BYTES = 16_384;
const CRLF2 = Buffer.from('\r\n\r\n');

const unreadable = (why: string) =>
  new AppError(
    'import_file_unreadable',
    `The upload cannot be read as a form with a file: ${why}. Send the file as the body (Content-Type text/csv or the XLSX type), or as a form field of type file.`,
  );

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw unreadable('it names no boundary');
  return boundary;
}

function headerValue(headers: string, name: string): string | null {
  const line = headers.split('\r\n').find((h) => h.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

function parameter(value: string | null, name: string): string | null {
  if (!value) return null;
  const match =
    new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(value) ??
    new RegExp(`(?:^|;)\\s*${name}=([^;]*)`, 'i').exec(value);
  return match?.[1]?.trim() ?? null;
}

/**
 * The first file of a `multipart/form-data` upload, as a stream: the body is scanned for the
 * boundary as it arrives, so the file is never held whole in memory. Form fields before the
 * file are skipped; whatever follows it is read and dropped.
 */
export async function firstFilePart(input: Readable, contentType: string): Promise<FilePart> {
  const delimiter = Buffer.from(`\r\n--${boundaryOf(contentType)}`);
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // A leading CRLF makes the first boundary look like every other one.
  let buffer = Buffer.from('\r\n');
  const more = async () => {
    const next = await source.next();
    if (next.done) return false;
    buffer = Buffer.concat([buffer, next.value]);
    return true;
  };
  /** Where `needle` starts, reading on as needed; what is skipped (a form field) is not kept. */
  const until = async (needle: Buffer, { skipping }: { skipping: boolean }) => {
    for (let at = buffer.indexOf(needle); ; at = buffer.indexOf(needle)) {
      if (at >= 0) return at;
      if (buffer.length > MAX_HEADER_BYTES) {
        if (!skipping) throw unreadable('a part has headers too long to be real');
        buffer = buffer.subarray(buffer.length - needle.length);
      }
      if (!(await more())) throw unreadable('it ended early');
    }
  };
  for (;;) {
    // Awaited first: `until` reads on into a new buffer, which the slice must be of.
    const next = await until(delimiter, { skipping: true });
    buffer = buffer.subarray(next + delimiter.length);
    while (buffer.length < 2) if (!(await more())) throw unreadable('it ended early');
    if (buffer.subarray(0, 2).toString() === '--') throw unreadable('it holds no file');
    const end = await until(CRLF2, { skipping: false });
    const headers = buffer
      .subarray(0, end)
      .toString('utf8')
      .replace(/^[ \t]*\r\n/, '');
    buffer = buffer.subarray(end + CRLF2.length);
    const disposition = headerValue(headers, 'content-disposition');
    const fileName = parameter(disposition, 'filename');
    if (fileName === null) continue;
    return {
      body: Readable.from(fileBody()),
      fileName: fileName || null,
      mediaType: headerValue(headers, 'content-type'),
    };
  }

  async function* fileBody() {
    for (;;) {
      const at = buffer.indexOf(delimiter);
      if (at >= 0) {
        yield buffer.subarray(0, at);
        while (await more()) buffer = Buffer.alloc(0);
        return;
      }
      const safe = buffer.length - (delimiter.length - 1);
      if (safe > 0) {
        yield buffer.subarray(0, safe);
        buffer = buffer.subarray(safe);
      }
      if (!(await more())) throw unreadable('it ended before the file did');
    }
  }
}
