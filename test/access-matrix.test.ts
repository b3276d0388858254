import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSecrets } from '../src/crypto/secrets.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { ROLES } from '../src/people/people.schemas.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { migrateToLatest, openDatabase } from '../src/storage/db.js';
import type { Role } from '../src/storage/schema.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  type Client,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  ManualClock,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  testConfig,
} from './harness.js';
import { PUBLIC_OPERATIONS } from './public-operations.js';

// Tests that attack: every operation of the app × every kind of caller × their own community and
// another one. The operations are read from the running app (its API description and its route
// table), never typed out here, so a route added tomorrow is attacked tomorrow without anyone
// remembering to add it. Only the few routes the API description leaves out on purpose are named
// below, and the route table is checked against that list so none slips past unlisted.

// ---------------------------------------------------------------------------------------------
// What the app declares

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  items?: JsonSchema;
}

interface OpenApiOperation {
  description?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Operation {
  method: Method;
  /** As the API description writes it: /api/v1/people/{id}. */
  path: string;
  name: string;
  access: Access;
  /** Query parameters that take an id: filters that must not reach into another community. */
  idQuery: string[];
  body: JsonSchema | null;
}

/**
 * Routes the API description leaves out on purpose, and what an anonymous caller from another
 * machine gets. Anything else in the route table that is not in the API description fails the
 * test, so a hidden route cannot appear without someone saying here who may call it.
 */
const HIDDEN_ROUTES: Record<string, { url: string; status: number; why: string }> = {
  'GET /healthz': { url: '/healthz', status: 200, why: 'the load balancer’s health check, public by design' },
  'GET /metrics': {
    url: '/metrics',
    status: 404,
    why: 'open only to a scrape token or a direct caller on this machine (R37); others see nothing',
  },
  'GET /api/v1/openapi.json': {
    url: '/api/v1/openapi.json',
    status: 200,
    why: 'the API description itself (R29)',
  },
  'GET /assets/*': {
    url: '/assets/no-such-file.js',
    status: 404,
    why: 'the web app’s files: public, and this one does not exist',
  },
  // Sign in with Muster (R60): the provider library's own endpoints, public as OpenID Connect
  // says, each guarding itself (client authentication, bearer tokens, PKCE); the interaction
  // step finds its sign-in by the provider's cookie, which a stranger does not have.
  'GET /oidc/*': {
    url: '/oidc/.well-known/openid-configuration',
    status: 200,
    why: 'OpenID Connect discovery, public by design',
  },
  'POST /oidc/*': {
    url: '/oidc/token',
    status: 404,
    why: 'the token endpoint takes POSTs with client authentication only; a GET finds nothing',
  },
  'GET /oidc/interaction/{uid}': {
    url: '/oidc/interaction/no-such-sign-in',
    status: 303,
    why: 'without the provider’s cookie, only a redirect to the page saying the sign-in expired',
  },
  'GET /oidc/interaction/{uid}/cancel': {
    url: '/oidc/interaction/no-such-sign-in/cancel',
    status: 303,
    why: 'without the provider’s cookie, only a redirect to the page saying the sign-in expired',
  },
  'GET /*': {
    url: '/people',
    status: 200,
    why: 'the web app’s page shell; the API behind it needs a session',
  },
};
/**
 * Registered only when configured, so absent from the apps this file builds; each guards itself
 * and has its own tests: the development inbox (console provider on this machine's own address,
 * test/http.test.ts, test/surface.test.ts) and Twilio's signed delivery reports
 * (test/sms-webhook.test.ts).
 */
const CONDITIONAL_ROUTES = new Set(['GET /api/v1/dev/sms', 'POST /api/v1/sms/twilio/status']);

/**
 * SCIM 2.0 for identity providers (R28) lives beside the REST API with an access model of its
 * own: an API token with the `scim` scope (R27), SCIM error bodies, its own discovery documents,
 * which are public. Every route the route table holds under the prefix is attacked below; its
 * protocol conformance is test/scim-conformance.test.ts's.
 */
const SCIM_PREFIX = '/scim/v2/';
const SCIM_PUBLIC = new Set([
  'GET /scim/v2/serviceproviderconfig',
  'GET /scim/v2/resourcetypes',
  'GET /scim/v2/resourcetypes/{id}',
  'GET /scim/v2/schemas',
  'GET /scim/v2/schemas/{id}',
]);

const ROLE_LIST = ROLES as readonly Role[];

/** Who may call an operation, read from the sentence `http/access.ts` writes into its description. */
function readAccess(name: string, op: OpenApiOperation): Access {
  const description = (op.description ?? '').trim();
  const mentionsAccess = /Roles:|Any signed-in person\./.test(description);
  if (!op.security || op.security.length === 0) {
    if (mentionsAccess) throw new Error(`${name} names its callers but declares no security: which is it?`);
    if (!PUBLIC_OPERATIONS.has(name)) {
      throw new Error(
        `${name} is public (no security in the API description) but not in PUBLIC_OPERATIONS: ` +
          'if that is meant, add it there; if not, its access declaration is wrong (R35).',
      );
    }
    return { kind: 'public' };
  }
  if (description.endsWith('Any signed-in person.')) return { kind: 'signed-in' };
  const listed = /Roles: ([a-z_, ]+)\.$/.exec(description)?.[1];
  if (listed === undefined) {
    throw new Error(`Cannot read who may call ${name} from its description: "${description}"`);
  }
  const roles = listed.split(',').map((role) => role.trim());
  for (const role of roles) {
    if (!ROLE_LIST.includes(role as Role)) throw new Error(`${name} names an unknown role "${role}"`);
  }
  return { kind: 'roles', roles: roles as Role[] };
}

function readOperations(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries(item)) {
      const method = lower.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const name = `${method} ${path}`;
      operations.push({
        method: method as Method,
        path,
        name,
        access: readAccess(name, op),
        idQuery: (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.schema?.format === 'uuid')
          .map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  for (const name of PUBLIC_OPERATIONS) {
    if (!operations.some((op) => op.name === name)) throw new Error(`PUBLIC_OPERATIONS lists ${name}, gone`);
  }
  return operations;
}

/**
 * Every method and path in Fastify's route table. `printRoutes` draws the router's radix tree,
 * each line a piece of path under its parent's; every route read is checked with `hasRoute`, so a
 * misread tree fails loudly. (The `commonPrefix: false` drawing leaves `/assets/*` out.)
 */
function readRouteTable(app: FastifyInstance): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    if (line.trim() === '') continue;
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) throw new Error(`Cannot read this line of the route table: "${line}"`);
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2]}`;
    stack.push(path);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method === '' || method === 'HEAD' || method === 'OPTIONS') continue;
      if (!app.hasRoute({ method: method as Method, url: path })) {
        throw new Error(`Misread the route table: ${method} ${path} is not a route`);
      }
      names.push(`${method} ${path.replaceAll(/:(\w+)/g, '{$1}')}`);
    }
  }
  return names;
}

async function apiOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`No API description: ${response.statusCode}`);
  return readOperations(response.json());
}

/**
 * The operations, read from an app built like the ones `eachDatabase` builds, while the tests are
 * being declared: one test per operation, so a new route gets its own tests by being registered.
 */
async function discoverOperations(): Promise<{ operations: Operation[]; routeTable: string[] }> {
  const storage = openDatabase('sqlite::memory:');
  await migrateToLatest(storage.db);
  const clock = new ManualClock();
  const config = testConfig();
  const app = await buildApp({
    db: storage.db,
    clock,
    config,
    sms: createSmsProvider(
      config,
      () => clock.now(),
      () => undefined,
    ),
    mail: createMailer(
      config.mail,
      () => clock.now(),
      () => undefined,
    ),
    outbox: createOutboxSignal(),
    throttle: createThrottle({ db: storage.db, clock }),
    secrets: createSecrets(randomBytes(32)),
  });
  try {
    return { operations: await apiOperations(app), routeTable: readRouteTable(app) };
  } finally {
    await app.close();
    await storage.close();
  }
}

const DISCOVERED = await discoverOperations();
const OPERATIONS = DISCOVERED.operations;

/** The route table's routes outside the API description (its drawing is lower case: caseSensitive). */
const undocumented = (table: string[], operations: Operation[]) => {
  const documented = new Set(operations.map((op) => op.name.toLowerCase()));
  return table.filter((name) => !documented.has(name.toLowerCase()));
};
const SCIM_ROUTES = undocumented(DISCOVERED.routeTable, OPERATIONS)
  .filter((name) => name.toLowerCase().split(' ')[1]?.startsWith(SCIM_PREFIX))
  .map((name) => {
    const [method = 'GET', path = ''] = name.toLowerCase().split(' ');
    return { method: method.toUpperCase() as Method, path, name: `${method.toUpperCase()} ${path}` };
  });

// ---------------------------------------------------------------------------------------------
// Filling in a request

/** What each path parameter names, by where it sits. A parameter not matched here fails loudly. */
type IdKind =
  | 'person'
  | 'sms'
  | 'session'
  | 'apiToken'
  | 'oidcClient'
  | 'domain'
  | 'importJob'
  | 'claimToken';
const PARAM_KINDS: [RegExp, string, IdKind][] = [
  [/^\/api\/v1\/people\/\{id\}/, 'id', 'person'],
  [/^\/api\/v1\/sms-messages\/\{id\}/, 'id', 'sms'],
  [/^\/api\/v1\/me\/sessions\/\{id\}$/, 'id', 'session'],
  [/^\/api\/v1\/tokens\/\{id\}$/, 'id', 'apiToken'],
  [/^\/api\/v1\/claim\/\{token\}$/, 'token', 'claimToken'],
  [/^\/api\/v1\/oidc\/clients\/\{id\}/, 'id', 'oidcClient'],
  [/^\/api\/v1\/domains\/\{id\}/, 'id', 'domain'],
  [/^\/api\/v1\/imports\/\{id\}/, 'id', 'importJob'],
  [/^\/api\/v1\/reset\/\{token\}$/, 'token', 'claimToken'],
  // A random secret in the path, like a claim token: nothing to look up, no community to cross.
  [/^\/api\/v1\/oidc\/interactions\/\{uid\}/, 'uid', 'claimToken'],
];

function paramKinds(op: Operation): { param: string; kind: IdKind }[] {
  return [...op.path.matchAll(/\{(\w+)\}/g)].map(([, param = '']) => {
    const found = PARAM_KINDS.find(([pattern, name]) => name === param && pattern.test(op.path));
    if (!found) throw new Error(`What does {${param}} of ${op.name} name? Teach PARAM_KINDS.`);
    return { param, kind: found[2] };
  });
}

const hasIdParam = (op: Operation) => paramKinds(op).some(({ kind }) => kind !== 'claimToken');
const bodyTakesIds = (op: Operation) => op.body?.properties?.ids !== undefined;
const isUnsafe = (op: Operation) => op.method !== 'GET';

/** The ids a request uses: each is looked up only when the operation needs it. */
type Ids = Record<Exclude<IdKind, 'claimToken'>, () => Promise<string>>;

let serial = 0;
const unique = (tag: string) => {
  serial += 1;
  return `${tag}-${serial}-${randomBytes(2).toString('hex')}`;
};

/**
 * A body the operation's schema accepts, built from the schema: required members only, with
 * values that mean something where a name says what is wanted (ids, the caller's password).
 */
function exampleOf(schema: JsonSchema, hint: (name: string) => unknown, name: string): unknown {
  const hinted = hint(name);
  if (hinted !== undefined && fits(schema, hinted)) return hinted;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return exampleOf(branches.find((b) => b.type !== 'null') ?? branches[0] ?? {}, hint, name);
  switch (typeOf(schema)) {
    case 'object': {
      // Required members, and optional ones a hint fills (the community of a sign-in).
      const keys = Object.keys(schema.properties ?? {}).filter(
        (key) => schema.required?.includes(key) || hint(key) !== undefined,
      );
      return Object.fromEntries(
        keys.map((key) => [key, exampleOf(schema.properties?.[key] ?? {}, hint, key)]),
      );
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, hint, name));
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'string':
      return exampleString(schema, name);
    case undefined:
      return {};
  }
  throw new Error(`Cannot make an example ${name} of type ${String(typeOf(schema))}`);
}

const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/** A hint is used only where the schema wants a value of its kind (a `community` slug, not object). */
function fits(schema: JsonSchema, value: unknown): boolean {
  const type = typeOf(schema);
  if (type === undefined) return schema.anyOf === undefined && schema.oneOf === undefined;
  if (type === 'array') return Array.isArray(value);
  return type === typeof value;
}

function exampleString(schema: JsonSchema, name: string): string {
  const byFormat: Record<string, string> = {
    uuid: randomUUID(),
    email: `${unique('someone')}@example.com`,
    date: '2026-01-01',
    'date-time': '2026-01-01T00:00:00Z',
  };
  const value = (schema.format && byFormat[schema.format]) || 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
    throw new Error(`Cannot make an example ${name} matching ${schema.pattern}: teach exampleString`);
  }
  return value;
}

/** Where an empty body would only be refused by the use case, a body that can succeed. */
const EXAMPLE_BODIES: Record<string, () => unknown> = {
  'POST /api/v1/people': () => ({ email: `${unique('matrix')}@example.com`, displayName: 'Matrix Person' }),
  'POST /api/v1/oidc/clients': () => ({
    name: unique('Matrix app'),
    redirectUris: ['https://app.example/callback'],
  }),
};

async function exampleBody(op: Operation, ids: Ids, password: string, slug: string): Promise<unknown> {
  if (!op.body) return undefined;
  const special = EXAMPLE_BODIES[op.name];
  if (special) return special();
  const personIds = bodyTakesIds(op) ? [await ids.person()] : [];
  const hints: Record<string, unknown> = {
    ids: personIds,
    password,
    currentPassword: password,
    newPassword: password,
    role: 'member',
    community: slug,
  };
  return exampleOf(op.body, (name) => hints[name], 'body');
}

async function urlOf(op: Operation, ids: Ids): Promise<string> {
  let url = op.path;
  for (const { param, kind } of paramKinds(op)) {
    const value = kind === 'claimToken' ? randomBytes(32).toString('base64url') : await ids[kind]();
    url = url.replace(`{${param}}`, value);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------
// The callers

interface Caller {
  role: Role;
  login: string;
  password: string;
  personId: string;
  slug: string;
  client: Client;
}

/**
 * Refusals that only say the example body lacked a second proof, not who may call: an allowed
 * caller may meet these and nothing else in the 401/403 range.
 */
const EXPECTED_REFUSALS: Record<string, string[]> = {
  // An enrolled admin replaces an authenticator only with a code from it (R40).
  'POST /api/v1/me/totp': ['totp_required', 'totp_invalid'],
  // The example code cannot be the authenticator's current one.
  'POST /api/v1/me/totp/confirm': ['totp_invalid'],
};

/** The codes of the access layer: an allowed caller must never meet one. */
const ACCESS_CODES = ['unauthenticated', 'forbidden', 'csrf_token_invalid', 'totp_enrollment_required'];

const STAFF_PASSWORD = 'a quiet harbour at dawn 42';

const allowedRoles = (access: Access): readonly Role[] =>
  access.kind === 'roles' ? access.roles : ROLE_LIST;

function describeResponse(who: string, op: Operation, response: LightMyRequestResponse) {
  return `${who} → ${op.name}: ${response.statusCode} ${response.body.slice(0, 400)}`;
}

describe('access matrix: reading who may call (R35)', () => {
  it('fails loudly when an operation’s access cannot be read, or is public without being listed', () => {
    const doc = (op: OpenApiOperation) => ({ paths: { '/api/v1/new': { post: op } } });
    expect(() => readOperations(doc({ security: [{ session: [] }], description: 'Admins only.' }))).toThrow(
      /Cannot read who may call POST \/api\/v1\/new/,
    );
    expect(() => readOperations(doc({ description: 'Add a thing.' }))).toThrow(/not in PUBLIC_OPERATIONS/);
    expect(() => readOperations(doc({ security: [{ session: [] }], description: 'Roles: owner.' }))).toThrow(
      /unknown role "owner"/,
    );
    expect(() => readOperations(doc({ description: 'Roles: member.' }))).toThrow(/declares no security/);
  });

  it('reads every operation of this app, with the access the app declares', () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(40);
    const byName = new Map(OPERATIONS.map((op) => [op.name, op.access]));
    expect(byName.get('GET /api/v1/me')).toEqual({ kind: 'signed-in' });
    expect(byName.get('PUT /api/v1/people/{id}/role')).toEqual({ kind: 'roles', roles: ['system_admin'] });
    expect(byName.get('POST /api/v1/auth/login')).toEqual({ kind: 'public' });
  });
});

eachDatabase('access matrix: route × role × community (R35)', (world) => {
  let operations: Operation[];
  const callers = {} as Record<Role, Caller>;
  let ownCommunity: { id: string; bystanderId: string; smsId: string };
  let otherCommunity: { id: string; memberId: string; sessionId: string; smsId: string; admin: Client };
  let admin: Caller;

  /** Adds a person to community A as its system admin would, and answers their id. */
  async function addPerson(body: Record<string, unknown>): Promise<string> {
    const response = await (await alive(admin)).post('/api/v1/people', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  /** An API token of a community (R27), made by its system admin, for the routes that take one. */
  async function makeApiToken(client: Client): Promise<string> {
    const response = await client.post('/api/v1/tokens', { name: unique('matrix token'), scopes: ['rest'] });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }
  const standing: {
    ownToken?: Promise<string>;
    otherToken?: Promise<string>;
    otherApp?: Promise<string>;
    otherDomain?: Promise<string>;
    otherImport?: Promise<string>;
  } = {};

  /** A client app of a community (R60), registered by its system admin. */
  async function makeOidcClient(client: Client): Promise<string> {
    const response = await client.post('/api/v1/oidc/clients', {
      name: unique('matrix app'),
      redirectUris: ['https://app.example/callback'],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().clientId;
  }

  /** An import job of a community (R54): a preview, so it changes no one. */
  async function makeImportJob(client: Client): Promise<string> {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': 'text/csv',
      },
      payload: `Email,First Name\n${unique('matrix')}@example.com,Matrix\n`,
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json().id;
  }

  async function makeDomain(client: Client): Promise<string> {
    const response = await client.post('/api/v1/domains', { name: `${unique('matrix')}.co.uk` });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  async function firstSmsOf(client: Client, personId: string): Promise<string> {
    const response = await client.get(`/api/v1/sms-messages?personId=${personId}`);
    expect(response.statusCode, response.body).toBe(200);
    const id = response.json().items[0]?.id;
    if (!id) throw new Error(`no text was queued for ${personId}`);
    return id;
  }

  async function currentSessionId(client: Client): Promise<string> {
    const response = await client.get('/api/v1/me/sessions');
    expect(response.statusCode, response.body).toBe(200);
    const current = (response.json().items as { id: string; current: boolean }[]).find((s) => s.current);
    if (!current) throw new Error('no current session');
    return current.id;
  }

  const signInAs = (caller: Omit<Caller, 'client'>) =>
    signIn(world.app, caller.login, caller.password, caller.slug);

  /** Operations end sessions (sign out, a new password, a new authenticator): sign in again then. */
  async function alive(caller: Caller): Promise<Client> {
    const me = await caller.client.get('/api/v1/me');
    if (me.statusCode === 401) caller.client = await signInAs(caller);
    else expect(me.statusCode, me.body).toBe(200);
    return caller.client;
  }

  /** A re-authentication answers with a new session and its CSRF token: keep using that one. */
  function follow(caller: Caller, response: LightMyRequestResponse) {
    const cookie = sessionCookieFrom(response);
    const token = String(response.headers['content-type'] ?? '').startsWith('application/json')
      ? (response.json() as { csrfToken?: unknown }).csrfToken
      : undefined;
    if (cookie && typeof token === 'string') {
      caller.client.cookie = cookie;
      caller.client.csrfToken = token;
    }
  }

  /** Ids of community A: for an allowed caller, each person is a fresh one it may change freely. */
  function ownIds(caller: Caller | null, fresh: boolean): Ids {
    return {
      person: () =>
        fresh
          ? addPerson({ email: `${unique('target')}@example.com`, displayName: 'Target Person' })
          : Promise.resolve(ownCommunity.bystanderId),
      sms: () => Promise.resolve(ownCommunity.smsId),
      session: async () => {
        // A second session of the caller's own, so ending it leaves the caller signed in.
        if (!caller || !fresh) return randomUUID();
        return currentSessionId(await signInAs(caller));
      },
      apiToken: async () => {
        if (fresh) return makeApiToken(await alive(admin));
        standing.ownToken ??= alive(admin).then(makeApiToken);
        return standing.ownToken;
      },
      oidcClient: async () => (fresh ? makeOidcClient(await alive(admin)) : 'no-such-app'),
      domain: async () => (fresh ? makeDomain(await alive(admin)) : randomUUID()),
      importJob: async () => (fresh ? makeImportJob(await alive(admin)) : randomUUID()),
    };
  }

  function otherIds(): Ids {
    return {
      person: () => Promise.resolve(otherCommunity.memberId),
      sms: () => Promise.resolve(otherCommunity.smsId),
      session: () => Promise.resolve(otherCommunity.sessionId),
      apiToken: () => {
        standing.otherToken ??= makeApiToken(otherCommunity.admin);
        return standing.otherToken;
      },
      oidcClient: () => {
        standing.otherApp ??= makeOidcClient(otherCommunity.admin);
        return standing.otherApp;
      },
      domain: () => {
        standing.otherDomain ??= makeDomain(otherCommunity.admin);
        return standing.otherDomain;
      },
      importJob: () => {
        standing.otherImport ??= makeImportJob(otherCommunity.admin);
        return standing.otherImport;
      },
    };
  }

  async function send(
    caller: Caller | null,
    op: Operation,
    ids: Ids,
    { csrf = 'own' }: { csrf?: 'own' | 'none' | string } = {},
  ): Promise<LightMyRequestResponse> {
    const client = caller ? await alive(caller) : null;
    const url = await urlOf(op, ids);
    const body = await exampleBody(op, ids, caller?.password ?? STAFF_PASSWORD, admin.slug);
    const token = csrf === 'own' ? client?.csrfToken : csrf === 'none' ? null : csrf;
    const response = await world.app.inject({
      method: op.method,
      url,
      headers: {
        ...(client?.cookie ? { cookie: client.cookie } : {}),
        ...(token && isUnsafe(op) ? { 'x-csrf-token': token } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    if (caller) follow(caller, response);
    return response;
  }

  /** Every row of the tables a refused request must not have touched, for both communities. */
  async function snapshot() {
    // Signing a caller in again (after an operation ended its session) writes: do it first.
    for (const role of ROLE_LIST) await alive(callers[role]);
    const db = world.deps.db;
    return {
      people: await db.selectFrom('people').selectAll().orderBy('id').execute(),
      sessions: await db
        .selectFrom('sessions')
        .select(['id', 'person_id', 'revoked_at'])
        .where('community_id', '=', otherCommunity.id)
        .orderBy('id')
        .execute(),
      texts: await db
        .selectFrom('messages')
        .select(['id', 'status', 'attempts'])
        .where('community_id', '=', otherCommunity.id)
        .orderBy('id')
        .execute(),
    };
  }

  beforeAll(async () => {
    operations = await apiOperations(world.app);
    const a = await seedCommunity(world);
    const adminLogin = a.admin.email ?? '';
    admin = {
      role: 'system_admin',
      login: adminLogin,
      password: ADMIN_PASSWORD,
      personId: a.admin.id,
      slug: a.slug,
      client: await signIn(world.app, adminLogin, ADMIN_PASSWORD, a.slug),
    };
    callers.system_admin = admin;
    await enablePhoneProfiles(admin.client);
    for (const role of ROLE_LIST.filter((r) => r !== 'system_admin')) {
      const login = `${unique(role)}@example.com`;
      const personId = await addPerson({ email: login, displayName: `Staff ${role}` });
      if (role !== 'member') {
        const promoted = await admin.client.put(`/api/v1/people/${personId}/role`, { role });
        expect(promoted.statusCode, promoted.body).toBe(200);
      }
      await activateWithPassword(world, personId, STAFF_PASSWORD);
      const caller = { role, login, password: STAFF_PASSWORD, personId, slug: a.slug };
      callers[role] = { ...caller, client: await signInAs(caller) };
    }
    const bystanderId = await addPerson({ phone: '+447400900001', displayName: 'Bystander A' });
    ownCommunity = { id: a.community.id, bystanderId, smsId: await firstSmsOf(admin.client, bystanderId) };

    const b = await seedCommunity(world);
    const adminB = await signIn(world.app, b.admin.email ?? '', ADMIN_PASSWORD, b.slug);
    await enablePhoneProfiles(adminB);
    const memberLogin = `${unique('member-b')}@example.com`;
    const created = await adminB.post('/api/v1/people', { email: memberLogin, displayName: 'Member B' });
    expect(created.statusCode, created.body).toBe(201);
    const memberId: string = created.json().id;
    await activateWithPassword(world, memberId, STAFF_PASSWORD);
    const memberB = await signIn(world.app, memberLogin, STAFF_PASSWORD, b.slug);
    const phoneB = await adminB.post('/api/v1/people', { phone: '+447400900002', displayName: 'Phone B' });
    expect(phoneB.statusCode, phoneB.body).toBe(201);
    otherCommunity = {
      id: b.community.id,
      admin: adminB,
      memberId,
      sessionId: await currentSessionId(memberB),
      smsId: await firstSmsOf(adminB, phoneB.json().id),
    };
  });

  it('reads the same operations from this app as were read to declare the tests (R29)', () => {
    expect(operations.map((op) => op.name)).toEqual(OPERATIONS.map((op) => op.name));
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it('has no route outside the API description but the few listed here, each answering as listed', async () => {
    const table = readRouteTable(world.app);
    expect(table).toEqual(DISCOVERED.routeTable);
    const lower = new Set(table.map((name) => name.toLowerCase()));
    for (const name of undocumented(table, operations)) {
      const scim = name.toLowerCase().split(' ')[1]?.startsWith(SCIM_PREFIX);
      expect(
        scim || HIDDEN_ROUTES[name] !== undefined || CONDITIONAL_ROUTES.has(name),
        `${name} is hidden from the API description and not listed here: say who may call it`,
      ).toBe(true);
    }
    for (const op of operations)
      expect(lower.has(op.name.toLowerCase()), `${op.name} is not routed`).toBe(true);
    for (const [name, { url, status, why }] of Object.entries(HIDDEN_ROUTES)) {
      expect(lower.has(name.toLowerCase()), `${name} (${why})`).toBe(true);
      for (const cookie of [undefined, admin.client.cookie ?? undefined]) {
        const response = await world.app.inject({
          method: 'GET',
          url,
          remoteAddress: '203.0.113.9',
          ...(cookie ? { headers: { cookie } } : {}),
        });
        expect(response.statusCode, `${name}: ${why}`).toBe(status);
      }
    }
  });

  describe.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', (_name, declared) => {
    const op = () => {
      const found = operations.find((o) => o.name === declared.name);
      if (!found) throw new Error(`${declared.name} is not in this app`);
      return found;
    };

    const who =
      declared.access.kind === 'public'
        ? 'anyone'
        : declared.access.kind === 'signed-in'
          ? 'any signed-in person'
          : declared.access.roles.join(', ');

    if (declared.access.kind !== 'public') {
      it(`refuses every caller but ${who}: 401 anonymous, 403 other roles, nothing changed (R35)`, async () => {
        const operation = op();
        const before = await snapshot();
        const anonymous = await send(null, operation, ownIds(null, false));
        expectProblem(anonymous, 401, 'unauthenticated');
        if (operation.method === 'GET') {
          const head = await world.app.inject({
            method: 'HEAD',
            url: await urlOf(operation, ownIds(null, false)),
          });
          expect(head.statusCode, 'HEAD is GET without a body, and guarded alike').toBe(401);
        }
        for (const role of ROLE_LIST.filter((r) => !allowedRoles(operation.access).includes(r))) {
          const response = await send(callers[role], operation, ownIds(callers[role], false));
          expect(response.statusCode, describeResponse(role, operation, response)).toBe(403);
          expectProblem(response, 403, 'forbidden');
        }
        expect(await snapshot()).toEqual(before);
      });
    }

    it(`lets ${who} through: never refused for access, never 5xx (R35)`, async () => {
      const operation = op();
      const everyone: (Caller | null)[] =
        operation.access.kind === 'public' ? [null, ...ROLE_LIST.map((r) => callers[r])] : [];
      const allowed = everyone.length > 0 ? everyone : allowedRoles(operation.access).map((r) => callers[r]);
      for (const caller of allowed) {
        const response = await send(caller, operation, ownIds(caller, true));
        const label = describeResponse(caller?.role ?? 'anonymous', operation, response);
        expect(response.statusCode, label).toBeLessThan(500);
        const code = response.statusCode >= 400 ? (response.json() as { code?: string }).code : undefined;
        if (code !== undefined) expect(response.headers['content-type'], label).toMatch(/problem\+json/);
        expect(ACCESS_CODES, label).not.toContain(code);
        expect(code, `${label}\nthe example body was refused: teach exampleOf or EXAMPLE_BODIES`).not.toBe(
          'invalid_request',
        );
        if (operation.access.kind !== 'public' && [401, 403].includes(response.statusCode)) {
          expect(EXPECTED_REFUSALS[operation.name] ?? [], label).toContain(code);
        }
      }
    });

    if (hasIdParam(declared)) {
      it(`answers 404 to every allowed caller for an id of another community, changing nothing (R35)`, async () => {
        const operation = op();
        const before = await snapshot();
        for (const role of allowedRoles(operation.access)) {
          const response = await send(callers[role], operation, otherIds());
          expect(response.statusCode, describeResponse(role, operation, response)).toBe(404);
          expectProblem(response, 404, 'not_found');
        }
        expect(await snapshot()).toEqual(before);
      });
    }

    if (bodyTakesIds(declared)) {
      it('treats ids of another community in the body as not found, one by one, changing nothing (R35)', async () => {
        const operation = op();
        const before = await snapshot();
        for (const role of allowedRoles(operation.access)) {
          const response = await send(callers[role], operation, otherIds());
          const label = describeResponse(role, operation, response);
          expect(response.statusCode, label).toBe(200);
          const { done, results } = response.json() as {
            done: number;
            results: { status: string; code?: string }[];
          };
          expect(done, label).toBe(0);
          expect(results.length, label).toBeGreaterThan(0);
          for (const result of results)
            expect(result, label).toMatchObject({ status: 'error', code: 'not_found' });
        }
        expect(await snapshot()).toEqual(before);
      });
    }

    if (declared.idQuery.length > 0) {
      it(`finds nothing when filtered by an id of another community (${declared.idQuery.join(', ')}) (R35)`, async () => {
        const operation = op();
        for (const role of allowedRoles(operation.access)) {
          for (const param of operation.idQuery) {
            const client = await alive(callers[role]);
            const response = await client.get(`${operation.path}?${param}=${otherCommunity.memberId}`);
            const label = describeResponse(role, operation, response);
            expect(response.statusCode, label).toBe(200);
            if (String(response.headers['content-type'] ?? '').startsWith('text/csv')) {
              expect(response.body.trim().split(/\r?\n/), label).toHaveLength(1); // the header alone
            } else {
              expect(response.json().items, label).toEqual([]);
            }
          }
        }
      });
    }

    if (isUnsafe(declared) && declared.access.kind !== 'public') {
      it('refuses a change without this session’s CSRF token: 403 csrf_token_invalid (R31, R35)', async () => {
        const operation = op();
        const before = await snapshot();
        for (const role of ROLE_LIST) {
          const caller = callers[role];
          const stranger = callers[role === 'member' ? 'analyst' : 'member'];
          for (const csrf of ['none', stranger.client.csrfToken ?? 'none', 'x'.repeat(43)]) {
            const response = await send(caller, operation, ownIds(caller, false), { csrf });
            expect(response.statusCode, describeResponse(`${role} (csrf ${csrf})`, operation, response)).toBe(
              403,
            );
            expectProblem(response, 403, 'csrf_token_invalid');
          }
        }
        expect(await snapshot()).toEqual(before);
      });
    }
  });
  // ------------------------------------------------------------------------------------------
  // SCIM (R28): the same attack on the routes an identity provider calls with an API token

  const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
  const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
  /** Made the first time it is needed, then the same one: a token, a group. */
  function once<T>(make: () => Promise<T>): () => Promise<T> {
    let made: Promise<T> | undefined;
    return () => {
      made ??= make();
      return made;
    };
  }

  /** The secret of a new API token of the caller's community (R27). */
  async function tokenSecret(client: Client, scopes: string[]): Promise<string> {
    const response = await client.post('/api/v1/tokens', { name: unique('matrix'), scopes });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token;
  }
  const ownScim = once(async () => tokenSecret(await alive(admin), ['scim']));
  const ownRest = once(async () => tokenSecret(await alive(admin), ['rest']));
  const otherScim = once(() => tokenSecret(otherCommunity.admin, ['scim']));
  const ownGroup = once(async () => scimGroup(await ownScim()));
  const otherGroup = once(async () => scimGroup(await otherScim()));

  function scimRequest(
    method: Method,
    url: string,
    body: unknown,
    who: { bearer: string } | { client: Client } | null,
  ): Promise<LightMyRequestResponse> {
    return world.app.inject({
      method,
      url,
      remoteAddress: '198.51.100.7',
      headers: {
        ...(who && 'bearer' in who ? { authorization: `Bearer ${who.bearer}` } : {}),
        ...(who && 'client' in who && who.client.cookie ? { cookie: who.client.cookie } : {}),
        ...(who && 'client' in who && who.client.csrfToken ? { 'x-csrf-token': who.client.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  }

  async function scimGroup(bearer: string): Promise<string> {
    const body = { schemas: [SCIM_GROUP], displayName: unique('Matrix group') };
    const response = await scimRequest('POST', '/scim/v2/Groups', body, { bearer });
    if (response.statusCode !== 201) throw new Error(`could not make a SCIM group: ${response.body}`);
    return response.json().id;
  }

  /** The URL of a SCIM route, its ids those of community A (fresh ones, to change) or of B. */
  async function scimUrl(path: string, side: 'own' | 'fresh' | 'other'): Promise<string> {
    if (!path.includes('{')) return path;
    const [, resource] = /^\/scim\/v2\/(\w+)\/\{id\}$/.exec(path) ?? [];
    const id = async () => {
      switch (resource) {
        case 'users':
          if (side === 'other') return otherCommunity.memberId;
          return side === 'fresh'
            ? addPerson({ email: `${unique('scim')}@example.com`, displayName: 'Scim Target' })
            : ownCommunity.bystanderId;
        case 'groups':
          if (side === 'other') return otherGroup();
          return side === 'fresh' ? scimGroup(await ownScim()) : ownGroup();
        case 'resourcetypes':
          return 'User';
        case 'schemas':
          return SCIM_USER;
      }
      throw new Error(`What does the id of ${path} name? Teach scimUrl.`);
    };
    return path.replace('{id}', await id());
  }

  /** A body each SCIM operation accepts, so an allowed call reaches the resource. */
  function scimBody(method: Method, path: string): unknown {
    if (method === 'GET' || method === 'DELETE') return undefined;
    if (path.endsWith('.search')) {
      return { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName pr' };
    }
    if (method === 'PATCH') {
      return {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'displayName', value: 'Patched by the matrix' }],
      };
    }
    if (path.startsWith('/scim/v2/groups')) return { schemas: [SCIM_GROUP], displayName: unique('Group') };
    return { schemas: [SCIM_USER], userName: `${unique('scim')}@example.com`, displayName: 'Scim Person' };
  }

  describe.each(SCIM_ROUTES.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    const open = SCIM_PUBLIC.has(route.name);
    const hasId = /\/(users|groups)\/\{id\}$/.test(route.path);

    it(
      open
        ? 'answers anyone: a SCIM discovery document, public (R28)'
        : 'refuses anonymous callers, non-admin sessions and tokens without the scim scope, changing nothing (R27, R35)',
      async () => {
        const before = await snapshot();
        const url = await scimUrl(route.path, 'own');
        const body = scimBody(route.method, route.path);
        const anonymous = await scimRequest(route.method, url, body, null);
        expect(anonymous.statusCode, anonymous.body).toBe(open ? 200 : 401);
        const rest = await scimRequest(route.method, url, body, { bearer: await ownRest() });
        const refusedRest = `a rest token → ${route.name}: ${rest.statusCode} ${rest.body}`;
        if (open) expect(rest.statusCode, refusedRest).toBe(200);
        else expect([401, 403], refusedRest).toContain(rest.statusCode);
        for (const role of ['member', 'analyst'] as const) {
          const response = await scimRequest(route.method, url, body, { client: await alive(callers[role]) });
          const label = `${role} session → ${route.name}: ${response.statusCode} ${response.body}`;
          if (open) expect(response.statusCode, label).toBe(200);
          else expect([401, 403], label).toContain(response.statusCode);
        }
        expect(await snapshot()).toEqual(before);
      },
    );

    if (!open) {
      it('lets a scim token of the community through: never refused for access, never 5xx (R28)', async () => {
        const response = await scimRequest(
          route.method,
          await scimUrl(route.path, 'fresh'),
          scimBody(route.method, route.path),
          { bearer: await ownScim() },
        );
        const label = `scim token → ${route.name}: ${response.statusCode} ${response.body.slice(0, 400)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        expect([401, 403], label).not.toContain(response.statusCode);
      });
    }

    if (hasId) {
      it('answers 404 to a scim token for an id of another community, changing nothing (R35)', async () => {
        const url = await scimUrl(route.path, 'other');
        const group = route.path.startsWith('/scim/v2/groups/');
        const look = async () =>
          group ? (await scimRequest('GET', url, undefined, { bearer: await otherScim() })).body : null;
        const before = { rows: await snapshot(), group: await look() };
        const response = await scimRequest(route.method, url, scimBody(route.method, route.path), {
          bearer: await ownScim(),
        });
        expect(response.statusCode, `${route.name}: ${response.body}`).toBe(404);
        expect({ rows: await snapshot(), group: await look() }).toEqual(before);
      });
    }
  });
});
