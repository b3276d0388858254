import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * A fake Twilio for tests: a real HTTP server on 127.0.0.1 that holds every request to Twilio's
 * own OpenAPI description (twilio-oai, MIT, read unedited from the @twilio-alpha/mcp package, a
 * devDependency). A request the description does not allow is answered 400 and written to
 * `violations`, which tests assert is empty, so a drift in our adapter fails the suite instead of
 * failing in production.
 */

const SPEC_PATH = join(
  dirname(createRequire(import.meta.url).resolve('@twilio-alpha/mcp/package.json')),
  'twilio-oai/spec/json/twilio_api_v2010.json',
);
const MESSAGES_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema: JsonObject }[];
  requestBody?: { content: Record<string, { schema: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema: JsonObject }> }>;
  security?: Record<string, string[]>[];
}

interface TwilioDescription {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A message the fake accepted, as Twilio would keep it. */
export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  validityPeriod: number | null;
  /** Every form field as received (strings). */
  params: Record<string, string>;
  /** Twilio's response body, as sent. */
  response: JsonObject;
}

export interface FakeTwilioFailure {
  status: number;
  code?: number;
  message?: string;
}

export interface StatusCallbackRequest {
  /** The full StatusCallback URL the request was signed for. */
  url: string;
  /** Path and query, for `app.inject`. */
  path: string;
  headers: Record<string, string>;
  payload: string;
  params: Record<string, string>;
}

export interface FakeTwilio {
  readonly port: number;
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Messages accepted (201), oldest first. */
  readonly messages: FakeTwilioMessage[];
  /** Every valid, authenticated send request with how the fake answered it, oldest first. */
  readonly sendLog: { to: string; params: Record<string, string>; answer: number | 'hung' | 'dropped' }[];
  /** Every way a request broke Twilio's API description. Tests assert this is empty. */
  readonly violations: string[];
  readonly counters: {
    /** Every HTTP request received. */
    requests: number;
    /** Requests to send a message that passed the contract and the credentials. */
    sendRequests: number;
    accepted: number;
    failed: number;
    hung: number;
    dropped: number;
    authFailures: number;
  };
  /** When set, every valid request gets this error. */
  alwaysFail: FakeTwilioFailure | null;
  /** The next n valid requests get this error. */
  failNext(n: number, failure: FakeTwilioFailure): void;
  /** The next n valid requests are never answered (the client must time out). */
  hangNext(n: number): void;
  /** The next n valid requests lose their connection without an answer. */
  dropNext(n: number): void;
  /** How many messages were accepted per recipient. */
  countByTo(): Map<string, number>;
  /**
   * The delivery report Twilio would POST to the message's StatusCallback, signed with the auth
   * token; returned rather than sent because the server under test runs through `app.inject`.
   */
  statusCallback(message: FakeTwilioMessage, status: string, errorCode?: number): StatusCallbackRequest;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Twilio's request signature, written here apart from src/ so that tests check our verifier
 * against an independent implementation: base64 HMAC-SHA1 keyed with the auth token over the
 * full URL followed by each parameter's name and value, parameters sorted by name.
 */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  const pairs = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let data = url;
  for (const [name, value] of pairs) data += `${name}${value}`;
  return createHmac('sha1', Buffer.from(authToken, 'utf8'))
    .update(Buffer.from(data, 'utf8'))
    .digest('base64');
}

let description: TwilioDescription | null = null;
function loadDescription(): TwilioDescription {
  description ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as TwilioDescription;
  return description;
}

/**
 * A self-contained copy of a schema: `$ref`s to components inlined, and formats the description
 * itself marks as not to be checked (`x-twilio.ignoreFormat`) dropped.
 */
function inline(schema: Json, spec: TwilioDescription, seen: string[] = []): Json {
  if (Array.isArray(schema)) return schema.map((item) => inline(item, spec, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[name];
    if (!ref.startsWith('#/components/schemas/') || !target || seen.includes(name)) {
      throw new Error(`fake Twilio cannot resolve ${ref}`);
    }
    return inline(target, spec, [...seen, name]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) out[key] = inline(value, spec, seen);
  const extension = schema['x-twilio'];
  if (extension && typeof extension === 'object' && !Array.isArray(extension) && extension.ignoreFormat) {
    delete out.format;
  }
  return out;
}

function newAjv(coerce: boolean): Ajv {
  // strictTypes off: the description puts a format (uri-map) on an object, which JSON Schema allows.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormatsModule.default(ajv);
  // Twilio's own annotations: meaningful to its SDK generators, not to validation.
  ajv.addKeyword('x-twilio');
  ajv.addKeyword('example');
  // Formats the description uses beyond JSON Schema's. A phone-number is what the field
  // descriptions allow: E.164, a channel address (whatsapp:+1…), an alphanumeric sender ID or a
  // short code.
  ajv.addFormat(
    'phone-number',
    /^(?:\+[1-9]\d{1,14}|[a-z]+:\S+|(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11}|\d{3,8})$/,
  );
  ajv.addFormat(
    'date-time-rfc-2822',
    /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
  );
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('uri-map', true);
  return ajv;
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`,
    )
    .join('; ');
}

/** `Thu, 24 Aug 2023 05:01:45 +0000`, the date format of Twilio's 2010 API. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

interface CompiledOperation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  operation: Operation;
}

export async function startFakeTwilio(
  options: { accountSid?: string; authToken?: string } = {},
): Promise<FakeTwilio> {
  const spec = loadDescription();
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');

  // Every operation of the description, so that a request to a path Twilio does not have is a
  // violation too, not just a 404.
  const operations: CompiledOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const names: string[] = [];
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method)) {
        operations.push({
          method,
          template,
          regex: new RegExp(`^${pattern}$`),
          names,
          operation: operation as Operation,
        });
      }
    }
  }

  const create = spec.paths[MESSAGES_PATH]?.post as Operation | undefined;
  const formSchema = create?.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  const responseSchema = create?.responses['201']?.content?.['application/json']?.schema;
  if (!create || !formSchema || !responseSchema || create.operationId !== 'CreateMessage') {
    throw new Error(`Twilio's description has no CreateMessage operation at POST ${MESSAGES_PATH}`);
  }
  const requestAjv = newAjv(true);
  const responseAjv = newAjv(false);
  // Twilio rejects parameters it does not know; the description leaves that implicit.
  const validateForm = requestAjv.compile({
    ...(inline(formSchema, spec) as JsonObject),
    additionalProperties: false,
  } as AnySchema);
  const validateResponse = responseAjv.compile(inline(responseSchema, spec) as AnySchema);
  const formFields = (formSchema.properties ?? {}) as Record<string, JsonObject>;
  const pathValidators = new Map<string, ValidateFunction>();
  for (const parameter of create.parameters ?? []) {
    if (parameter.in === 'path')
      pathValidators.set(parameter.name, requestAjv.compile(inline(parameter.schema, spec) as AnySchema));
  }
  const securityScheme = spec.components.securitySchemes[Object.keys(create.security?.[0] ?? {})[0] ?? ''];
  if (securityScheme?.type !== 'http' || securityScheme.scheme !== 'basic') {
    throw new Error('Twilio’s description no longer asks for HTTP Basic auth on CreateMessage');
  }

  const messages: FakeTwilioMessage[] = [];
  const sendLog: FakeTwilio['sendLog'] = [];
  const violations: string[] = [];
  const counters = {
    requests: 0,
    sendRequests: 0,
    accepted: 0,
    failed: 0,
    hung: 0,
    dropped: 0,
    authFailures: 0,
  };
  const plans: ({ kind: 'fail'; failure: FakeTwilioFailure } | { kind: 'hang' } | { kind: 'drop' })[] = [];
  const sockets = new Set<Socket>();
  const hungSockets = new Set<Socket>();
  const state: { alwaysFail: FakeTwilioFailure | null } = { alwaysFail: null };

  function sendJson(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  function twilioError(res: ServerResponse, status: number, code: number, message: string) {
    sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  }

  function violation(res: ServerResponse, request: string, problem: string) {
    violations.push(`${request}: ${problem}`);
    // 21000s are Twilio's parameter errors; this one is the fake's own, naming the broken rule.
    twilioError(res, 400, 21000, `Fake Twilio: the request breaks Twilio's API description: ${problem}`);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) throw new Error('request body over 1 MB');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    counters.requests += 1;
    const method = (req.method ?? 'GET').toLowerCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const label = `${req.method} ${url.pathname}`;
    const rawBody = await readBody(req);

    const matches = operations.filter((op) => op.regex.test(url.pathname));
    const operation = matches.find((op) => op.method === method);
    if (!operation) {
      violations.push(
        `${label}: ${matches.length ? 'method not in' : 'path not in'} Twilio's API description`,
      );
      return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (operation.template !== MESSAGES_PATH || operation.method !== 'post') {
      violations.push(`${label}: operation ${operation.operation.operationId} is not one Muster should call`);
      return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`);
    }

    // Path parameters, against their declared schemas.
    const values = operation.regex.exec(url.pathname)?.slice(1) ?? [];
    const pathParams: Record<string, string> = {};
    for (const [index, name] of operation.names.entries()) {
      const value = decodeURIComponent(values[index] ?? '');
      pathParams[name] = value;
      const validate = pathValidators.get(name);
      if (validate && !validate(value))
        return violation(res, label, `path parameter ${name}: ${describeErrors(validate)}`);
    }

    // HTTP Basic with the account SID and auth token (securitySchemes.accountSid_authToken).
    const authorization = req.headers.authorization ?? '';
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization)?.[1];
    const credentials = basic ? Buffer.from(basic, 'base64').toString('utf8') : null;
    if (credentials !== `${accountSid}:${authToken}` || pathParams.AccountSid !== accountSid) {
      counters.authFailures += 1;
      return twilioError(res, 401, 20003, 'Authenticate');
    }

    // The body: its media type, then every field against the operation's schema.
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const allowedTypes = Object.keys(operation.operation.requestBody?.content ?? {});
    if (!allowedTypes.includes(mediaType)) {
      return violation(
        res,
        label,
        `content-type ${mediaType || '(none)'} is not one of ${allowedTypes.join(', ')}`,
      );
    }
    const received: Record<string, string> = {};
    const form: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(rawBody)) {
      received[name] = value;
      const previous = form[name];
      form[name] =
        previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    const typed = structuredClone(form) as Record<string, Json>;
    if (!validateForm(typed)) return violation(res, label, describeErrors(validateForm));
    // Rules the description states in the fields' prose rather than in their schemas.
    const problems: string[] = [];
    if (typed.From === undefined && typed.MessagingServiceSid === undefined) {
      problems.push(
        'From or MessagingServiceSid is required (From: "If you are using messaging_service_sid, this parameter can be empty")',
      );
    }
    if (typed.Body === undefined && typed.MediaUrl === undefined && typed.ContentSid === undefined) {
      problems.push('one of Body, MediaUrl or ContentSid is required');
    }
    if (typeof typed.To === 'string' && !/^(?:\+[1-9]\d{1,14}|[a-z]+:\S+)$/.test(typed.To)) {
      problems.push(`To ${typed.To} is neither E.164 nor a channel address`);
    }
    if (typeof typed.Body === 'string' && [...typed.Body].length > 1600)
      problems.push('Body is over 1,600 characters');
    if (
      typeof typed.ValidityPeriod === 'number' &&
      (typed.ValidityPeriod < 1 || typed.ValidityPeriod > 36000)
    ) {
      problems.push(`ValidityPeriod ${typed.ValidityPeriod} is outside 1…36000`);
    }
    if (typeof typed.StatusCallback === 'string' && new URL(typed.StatusCallback).hostname.includes('_')) {
      problems.push('StatusCallback hostname has an underscore');
    }
    for (const name of Object.keys(form)) {
      if (formFields[name]?.type !== 'array' && Array.isArray(form[name]))
        problems.push(`${name} is repeated`);
    }
    if (problems.length > 0) return violation(res, label, problems.join('; '));

    counters.sendRequests += 1;
    const entry: FakeTwilio['sendLog'][number] = { to: String(typed.To), params: received, answer: 201 };
    sendLog.push(entry);
    const plan = plans.shift();
    const failure = plan?.kind === 'fail' ? plan.failure : state.alwaysFail;
    if (plan?.kind === 'hang') {
      counters.hung += 1;
      entry.answer = 'hung';
      hungSockets.add(req.socket);
      req.socket.once('close', () => hungSockets.delete(req.socket));
      return; // never answered; the client gives up, or reset() and close() end the connection
    }
    if (plan?.kind === 'drop') {
      counters.dropped += 1;
      entry.answer = 'dropped';
      req.socket.destroy();
      return;
    }
    if (failure) {
      counters.failed += 1;
      entry.answer = failure.status;
      return twilioError(
        res,
        failure.status,
        failure.code ?? failure.status,
        failure.message ?? `Fake Twilio failure ${failure.status}`,
      );
    }

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = rfc2822(new Date());
    const body = String(typed.Body ?? '');
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
    const response: JsonObject = {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: typeof typed.From === 'string' ? typed.From : null,
      messaging_service_sid: typeof typed.MessagingServiceSid === 'string' ? typed.MessagingServiceSid : null,
      num_media: '0',
      num_segments: String(Math.max(1, Math.ceil([...body].length / 153))),
      price: null,
      price_unit: 'USD',
      sid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
      to: String(typed.To),
      uri,
    };
    if (!validateResponse(response)) {
      // The fake's own answer must be what Twilio documents, or the test proves nothing.
      violations.push(
        `fake Twilio's own response breaks the description: ${describeErrors(validateResponse)}`,
      );
      entry.answer = 500;
      return twilioError(res, 500, 20500, 'Fake Twilio built an invalid response');
    }
    counters.accepted += 1;
    messages.push({
      sid,
      to: String(typed.To),
      from: typeof typed.From === 'string' ? typed.From : null,
      messagingServiceSid: typeof typed.MessagingServiceSid === 'string' ? typed.MessagingServiceSid : null,
      body,
      statusCallback: typeof typed.StatusCallback === 'string' ? typed.StatusCallback : null,
      validityPeriod: typeof typed.ValidityPeriod === 'number' ? typed.ValidityPeriod : null,
      params: received,
      response,
    });
    sendJson(res, 201, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`fake Twilio crashed on ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) twilioError(res, 500, 20500, 'Fake Twilio crashed');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A hung request or a forgotten close() must never keep the test process alive.
  server.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  // Only hung connections: idle keep-alive ones stay, so a client never writes into one just closed.
  function endHungConnections() {
    for (const socket of hungSockets) socket.destroy();
    hungSockets.clear();
  }

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    sendLog,
    violations,
    counters,
    get alwaysFail() {
      return state.alwaysFail;
    },
    set alwaysFail(failure: FakeTwilioFailure | null) {
      state.alwaysFail = failure;
    },
    failNext(n, failure) {
      for (let i = 0; i < n; i++) plans.push({ kind: 'fail', failure });
    },
    hangNext(n) {
      for (let i = 0; i < n; i++) plans.push({ kind: 'hang' });
    },
    dropNext(n) {
      for (let i = 0; i < n; i++) plans.push({ kind: 'drop' });
    },
    countByTo() {
      const counts = new Map<string, number>();
      for (const message of messages) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
      return counts;
    },
    statusCallback(message, status, errorCode) {
      if (!message.statusCallback)
        throw new Error(`message ${message.sid} was sent without a StatusCallback`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: message.from ?? '',
        MessageSid: message.sid,
        MessageStatus: status,
        SmsSid: message.sid,
        SmsStatus: status,
        To: message.to,
        ...(errorCode !== undefined ? { ErrorCode: String(errorCode) } : {}),
      };
      const target = new URL(message.statusCallback);
      return {
        url: message.statusCallback,
        path: `${target.pathname}${target.search}`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(authToken, message.statusCallback, params),
          'user-agent': 'TwilioProxy/1.1',
        },
        payload: new URLSearchParams(params).toString(),
        params,
      };
    },
    reset() {
      messages.length = 0;
      sendLog.length = 0;
      violations.length = 0;
      plans.length = 0;
      state.alwaysFail = null;
      for (const key of Object.keys(counters) as (keyof typeof counters)[]) counters[key] = 0;
      endHungConnections();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
    },
  };
}
