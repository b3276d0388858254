import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldProblem } from '../errors.js';
import { redactUrl } from './log.js';
import { STATUS_OF } from './status.js';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details with our stable `code` beside the standard members. */
export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldProblem[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
) {
  const status = STATUS_OF[code];
  const { retryAfterSeconds, ...rest } = extra;
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.ceil(retryAfterSeconds)));
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `urn:muster:problem:${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      code,
      detail,
      requestId: reply.request.id,
      ...rest,
    });
}

function fieldProblems(error: FastifyError): FieldProblem[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => ({
    path: `${where}${issue.instancePath.replaceAll('/', '.')}`,
    message: issue.message ?? 'is not valid',
  }));
}

const NOT_JSON = 'The body is not valid JSON. Check quotes, commas and brackets.';

/** Fastify's own refusals of a request (its body, its size, its type), in our words. */
function frameworkProblem(error: FastifyError): { code: ErrorCode; detail: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'malformed_json', detail: NOT_JSON };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        code: 'malformed_json',
        detail: 'The body is empty but says it is JSON. Send {} or no Content-Type.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'payload_too_large',
        detail: 'The body is too large. Send less at once, for example in batches.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'unsupported_media_type',
        detail: 'Send the body as JSON with Content-Type: application/json.',
      };
  }
  if (error instanceof SyntaxError && error.statusCode === 400)
    return { code: 'malformed_json', detail: NOT_JSON };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'invalid_request', detail: error.message };
  }
  return null;
}

/**
 * `onRefused` hears every AppError before it is answered, once the refused change has rolled
 * back, so a refusal can be recorded where no rollback reaches it (R36). It must not throw; if it
 * does, the refusal is still answered.
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  { onRefused }: { onRefused?: (request: FastifyRequest, error: AppError) => Promise<void> } = {},
) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      await onRefused?.(request, error).catch((failure: unknown) =>
        request.log.error({ err: failure }, 'recording a refusal failed'),
      );
      return sendProblem(reply, error.code, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldProblems(error);
      const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(
        reply,
        'invalid_request',
        `The request has fields that are missing or wrong: ${summary}.`,
        {
          errors,
        },
      );
    }
    const framework = frameworkProblem(error);
    if (framework) return sendProblem(reply, framework.code, framework.detail);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      'internal_error',
      'Something went wrong on our side. Try again; if it keeps happening, tell your admin the request id.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      'not_found',
      `There is no ${request.method} ${redactUrl(request.url.split('?')[0] ?? '')} here. See /api/v1/openapi.json.`,
    ),
  );
}
