import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { logout } from '../auth/own-sessions.js';
import { sessionCookieName } from '../auth/session-cookie.js';
import type { ActingContext } from '../context.js';
import { findPersonAnywhere } from '../people/people.store.js';
import { communityOfClient, isFirstParty } from './client-metadata.js';
import { musterSessionOf } from './muster-session.js';
import { OIDC_PREFIX, type OidcDeps } from './provider.js';

export interface ProviderLog {
  error(object: unknown, message: string): void;
}

type Koa = KoaContextWithOIDC & { status: number; method: string; ip?: string };

/** Routes where a refusal is a sign-in an app did not get: audited (R36). */
const AUDITED_REFUSALS = new Set(['token', 'authorization', 'resume', 'userinfo']);

function contextOf(ctx: Koa, communityId: string, actor: ActingContext['actor']): ActingContext {
  const header = ctx.req.headers['x-request-id'];
  return {
    communityId,
    actor,
    meta: {
      ip: typeof ctx.req.headers['x-forwarded-for'] === 'string' ? ctx.req.headers['x-forwarded-for'] : null,
      requestId: typeof header === 'string' ? header : null,
      userAgent: ctx.req.headers['user-agent'] ?? null,
    },
  };
}

/**
 * Muster's part in the library's requests, after each is handled and before its answer leaves:
 * tokens issued and refused go to the audit log (R36); "sign me out everywhere" at an app's
 * logout ends the Muster session too, as Muster's sign-in is the apps' sign-in.
 */
export function installProviderHooks(provider: Provider, deps: OidcDeps, log: ProviderLog) {
  const koa = provider as unknown as {
    use(fn: (ctx: Koa, next: () => Promise<void>) => Promise<void>): void;
  };
  koa.use(async (ctx, next) => {
    await offlineAccessForFirstParty(ctx, provider);
    await next();
  });
  koa.use(async (ctx, next) => {
    await next();
    try {
      await afterRequest(ctx, deps);
    } catch (error) {
      log.error({ err: error }, 'OpenID provider: recording a sign-in');
    }
  });
  provider.on('server_error', (_ctx, error) => log.error({ err: error }, 'OpenID provider'));
  provider.on('backchannel.error', (_ctx, error) => log.error({ err: error }, 'OpenID back-channel logout'));
}

/**
 * OpenID Connect honours `offline_access` only with `prompt=consent`, so the person knows an app
 * keeps access while they are away. A first-party app never shows consent (R60): its request gets
 * the prompt added, and Muster's interaction step answers that consent itself, without a page.
 */
async function offlineAccessForFirstParty(ctx: Koa, provider: Provider) {
  if (ctx.method !== 'GET' || ctx.path !== '/auth') return;
  const query = new URLSearchParams(ctx.querystring as string);
  const prompt = (query.get('prompt') ?? '').split(' ').filter(Boolean);
  const scopes = (query.get('scope') ?? '').split(' ');
  if (!scopes.includes('offline_access') || prompt.includes('none') || prompt.includes('consent')) return;
  if (query.has('request') || query.has('request_uri')) return;
  const client = await provider.Client.find(query.get('client_id') ?? '').catch(() => undefined);
  if (!client || !isFirstParty(client)) return;
  query.set('prompt', [...prompt, 'consent'].join(' '));
  ctx.querystring = query.toString();
  // The library finds its mount path by where the request's URL sits in the original one.
  (ctx.req as { originalUrl?: string }).originalUrl = `${OIDC_PREFIX}${ctx.url}`;
}

async function afterRequest(ctx: Koa, deps: OidcDeps) {
  const route: string | undefined = ctx.oidc?.route;
  const client = ctx.oidc?.client;
  const communityId = client ? communityOfClient(client) : null;
  if (route === 'end_session_confirm' && ctx.status === 303 && ctx.oidc.params?.logout) {
    await endMusterSession(ctx, deps);
    return;
  }
  if (!communityId || !client) return;
  if (route === 'token' && ctx.status === 200) {
    const accountId: string | undefined = ctx.oidc.entities?.Account?.accountId;
    const person = accountId ? await findPersonAnywhere(deps.db, accountId) : null;
    const actor = person ? { id: person.id, label: person.displayName, role: person.role } : null;
    await recordAudit(deps.db, deps.clock, contextOf(ctx, communityId, actor), {
      type: AuditType.appTokenIssued,
      target: { id: client.clientId, label: String(client.clientName ?? client.clientId) },
      details: { grantType: ctx.oidc.params?.grant_type ?? null },
    });
  } else if (route && AUDITED_REFUSALS.has(route) && ctx.status >= 400) {
    const body = ctx.body as { error?: unknown } | undefined;
    await recordRefusal(deps.db, deps.clock, contextOf(ctx, communityId, null), {
      type: AuditType.appSignInRefused,
      target: { id: client.clientId, label: String(client.clientName ?? client.clientId) },
      details: { route, error: typeof body?.error === 'string' ? body.error : String(ctx.status) },
    });
  }
}

async function endMusterSession(ctx: Koa, deps: OidcDeps) {
  const live = await musterSessionOf(deps, ctx.req);
  if (!live) return;
  const { person } = live;
  await logout({
    deps,
    ctx: contextOf(ctx, person.communityId, { id: person.id, label: person.displayName, role: person.role }),
    sessionId: live.session.id,
  });
  ctx.cookies.set(sessionCookieName(deps.config.secureCookies), null, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    signed: false,
  });
}
