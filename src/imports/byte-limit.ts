import { type Readable, Transform } from 'node:stream';
import { AppError } from '../errors.js';

/** The upload, refused once it grows past `maxBytes`: a file streams, so nothing else bounds it. */
export function limitBytes(input: Readable, maxBytes: number): Readable {
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        done(
          new AppError(
            'payload_too_large',
            `The file is larger than this server accepts (${Math.floor(maxBytes / 1_048_576)} MB, MUSTER_IMPORT_MAX_BYTES). Split it into smaller files, or ask the operator to raise the limit.`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  input.on('error', (error) => limiter.destroy(error));
  return input.pipe(limiter);
}
