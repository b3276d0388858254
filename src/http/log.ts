import { randomUUID } from 'node:crypto';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * Secrets travel in some URLs (the setup link's token, claim and password reset links). Logs
 * keep the shape of the URL and lose the secret.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|code|secret)=)[^&#]*/gi, '$1[redacted]')
    .replace(/(\/(?:claim|reset)\/)[^/?#]+/g, '$1[redacted]');
}

/**
 * What a URL may say that is left alone (ids and times), and what is personal data: an email
 * address, and a run of 7 or more digits, with a leading + and the separators people type
 * (spaces, - . ( ) / +), that may be a mobile number. One pass, first alternative first, so the
 * digits of a UUID or a date are never read as a number. Lengths are bounded so that a long
 * hostile URL cannot make the scan slow.
 */
const PERSONAL =
  /(?<keep>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)(?:T[\d:.]{1,18}(?:Z|[+-]\d{2}:?\d{2})?)?)|(?<local>[^\s@"(),:;<>[\\\]]{1,64})@(?<domain>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+)|\+?\d(?:[\s\-.()/+]{0,3}\d){6,}/gi;

function maskText(text: string): string {
  return text.replace(PERSONAL, (match, ...args) => {
    const groups = args.at(-1) as { keep?: string; local?: string; domain?: string };
    if (groups.keep !== undefined) return match;
    if (groups.local !== undefined) return `${groups.local[0]}…@${groups.domain}`;
    return `…${match.replace(/\D/g, '').slice(-4)}`;
  });
}

/** Decodes a URL component; where its encoding is broken, decodes what it can (ASCII escapes). */
function decodeComponent(raw: string, inQuery: boolean): string {
  const text = inQuery ? raw.replaceAll('+', ' ') : raw;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-7][0-9a-f])/gi, (_escape, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
}

/**
 * True when a component may hold something to mask once decoded: an email address needs an @
 * (written as is or as %40), a mobile number 7 digits. Decoding never adds digits (a digit
 * escaped as %3X is written with two), so fewer than 7 here means fewer than 7 there. Most
 * components (api, v1, people, a query's names) are then left alone without decoding them.
 */
function mayHoldPersonalData(raw: string): boolean {
  if (raw.includes('@') || raw.includes('%40')) return true;
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= 7) return true;
  }
  return false;
}

/** One component of a path or query, masked; written back as it came when there was nothing to mask. */
function maskComponent(raw: string, inQuery: boolean): string {
  if (!mayHoldPersonalData(raw)) return raw;
  const decoded = decodeComponent(raw, inQuery);
  const masked = maskText(decoded);
  if (masked === decoded) return raw;
  // Re-encoded only where the text would change the URL's shape (or read as an escape).
  return masked.replace(/[\s%/?#&=+\p{Cc}]/gu, (c) => (c === ' ' && inQuery ? '+' : encodeURIComponent(c)));
}

/**
 * Mobile numbers and email addresses are masked wherever they appear in a URL, path or query,
 * encoded or not, before it is logged (R37): a search for a person, or a link that names them,
 * leaves `…3456` and `a…@example.com` in the log. Component by component, so the URL keeps its
 * shape and a component with nothing personal stays exactly as it came.
 */
export function maskPersonalData(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const maskedPath = path
    .split('/')
    .map((segment) => maskComponent(segment, false))
    .join('/');
  if (queryAt === -1) return maskedPath;
  const maskedQuery = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return maskComponent(pair, true);
      return `${maskComponent(pair.slice(0, equals), true)}=${maskComponent(pair.slice(equals + 1), true)}`;
    })
    .join('&');
  return `${maskedPath}?${maskedQuery}`;
}

const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
];

export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: maskPersonalData(redactUrl(request.url)),
      remoteAddress: request.ip,
    };
  },
};

/**
 * One log line per request, written when it is answered: method, masked URL and client (the req
 * serializer above), status and time. Fastify's own controller writes two, one on arrival and
 * one on answer; each line is a write to the log, and at thousands of lookups a second the
 * second line was a measurable share of their cost (docs/benchmarks.md). Errors are logged as
 * Fastify logs them.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}

/**
 * How the server logs, as Fastify options: at `level` (nothing when silent), with secrets
 * redacted, personal data masked and one line per request, each request with a random id.
 */
export function serverLogging(level: string) {
  return {
    logger:
      level === 'silent'
        ? false
        : { level, redact: { paths: logRedactPaths, censor: '[redacted]' }, serializers: logSerializers },
    logController: new OneLinePerRequest(),
    genReqId: () => randomUUID(),
  };
}
