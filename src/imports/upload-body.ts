import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Api } from '../http/api.js';
import { limitBytes } from './byte-limit.js';
import { firstFilePart } from './multipart.js';
import { type FileFormat, XLSX_MEDIA_TYPE } from './records.js';

const FILE_TYPES = ['text/csv', XLSX_MEDIA_TYPE, 'multipart/form-data'];

export const FILE_BODY_DESCRIPTION = `Send the file as the body, with Content-Type text/csv or ${XLSX_MEDIA_TYPE}, or as the file of a multipart/form-data form. It streams, so the JSON size limit does not apply; MUSTER_IMPORT_MAX_BYTES does.`;

/**
 * Lets the routes of one scope take a file as their body, unread: the handler streams it, so a
 * file of hundreds of megabytes never sits in memory and the JSON body limit does not apply.
 */
export function acceptFileBodies(scope: Api) {
  scope.addContentTypeParser(FILE_TYPES, (_request, _payload, done) => done(null, undefined));
}

export interface UploadedFile {
  body: Readable;
  format: FileFormat;
  fileName: string | null;
}

const essence = (type: string) => type.split(';')[0]?.trim().toLowerCase() ?? '';

/** True when the request carries a file body for `uploadedFile` to read. */
export function hasFileBody(request: FastifyRequest): boolean {
  return FILE_TYPES.includes(essence(request.headers['content-type'] ?? ''));
}

/** The file a request uploads, as a stream refused past `maxBytes`. */
export async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  const type = request.headers['content-type'] ?? '';
  if (!hasFileBody(request)) {
    throw new AppError(
      'import_file_required',
      `Send the file itself: as the body with Content-Type text/csv (or ${XLSX_MEDIA_TYPE} for an Excel workbook), or in a multipart/form-data form.`,
    );
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > maxBytes) {
    throw new AppError(
      'payload_too_large',
      `The file is larger than this server accepts (${Math.floor(maxBytes / 1_048_576)} MB, MUSTER_IMPORT_MAX_BYTES). Split it into smaller files, or ask the operator to raise the limit.`,
    );
  }
  const body = limitBytes(request.raw, maxBytes);
  if (essence(type) !== 'multipart/form-data') {
    return { body, format: essence(type) === XLSX_MEDIA_TYPE ? 'xlsx' : 'csv', fileName: null };
  }
  const part = await firstFilePart(body, type);
  const xlsx = essence(part.mediaType ?? '') === XLSX_MEDIA_TYPE || /\.xlsx$/i.test(part.fileName ?? '');
  return { body: part.body, format: xlsx ? 'xlsx' : 'csv', fileName: part.fileName };
}
