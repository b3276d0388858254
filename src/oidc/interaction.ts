import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionInstance } from 'oidc-provider';
import type { LiveSession } from '../auth/auth.store.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { canUseApps, findAccount } from './account.js';
import { communityOfClient, isFirstParty } from './client-metadata.js';
import { musterSessionOf } from './muster-session.js';
import type { OidcDeps } from './provider.js';

/** Muster's web pages for the two steps an app's sign-in may need (web/src/pages/oidc-*.tsx). */
const loginPage = (uid: string, problem?: 'expired' | 'second-factor') =>
  `/oidc-login/${encodeURIComponent(uid)}${problem ? `?problem=${problem}` : ''}`;
const consentPage = (uid: string) => `/oidc-consent/${encodeURIComponent(uid)}`;

/** Reasons the app gave for a login however signed in the person is: it must be a new one. */
const FRESH_LOGIN_REASONS = ['login_prompt', 'max_age'];

/**
 * Where the provider sends the browser when an app's sign-in needs the person (R60). A browser
 * signed in to Muster, as a person of the app's community who may use apps, goes straight on;
 * otherwise to Muster's sign-in page, which comes back here once signed in. A third-party app the
 * person has not yet allowed goes to the consent page; a first-party app never asks.
 *
 * The interaction is found by the provider's own cookie, so it continues only in the browser that
 * started it.
 */
export async function continueInteraction(args: {
  deps: OidcDeps;
  provider: Provider;
  uid: string;
  req: IncomingMessage;
  res: ServerResponse;
}): Promise<string> {
  const { deps, provider, uid, req, res } = args;
  let interaction: InteractionInstance;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch {
    return loginPage(uid, 'expired');
  }
  if (interaction.uid !== uid) return loginPage(uid, 'expired');
  const client = await provider.Client.find(String(interaction.params.client_id ?? ''));
  if (!client) return loginPage(uid, 'expired');
  if (interaction.prompt.name === 'login') {
    const live = await musterSessionOf(deps, req);
    if (!live || !canUseApps(live.person, communityOfClient(client)) || !freshEnough(interaction, live)) {
      return loginPage(uid);
    }
    // An administrator without the second factor R40 asks of them does not carry their role
    // into other apps: they set it up in Muster first.
    if (secondFactorStatus(live.person, live.community) === 'enrollment_required') {
      return loginPage(uid, 'second-factor');
    }
    return provider.interactionResult(
      req,
      res,
      { login: loginResult(live) },
      { mergeWithLastSubmission: false },
    );
  }
  if (interaction.prompt.name === 'consent' && isFirstParty(client)) {
    const grantId = await grantRequested(deps, provider, interaction);
    return provider.interactionResult(req, res, { consent: { grantId } });
  }
  return consentPage(uid);
}

/** The person chose not to sign in to the app: it hears `access_denied`, as OpenID Connect says. */
export async function cancelInteraction(args: {
  provider: Provider;
  uid: string;
  req: IncomingMessage;
  res: ServerResponse;
}): Promise<string> {
  const { provider, uid, req, res } = args;
  try {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.uid !== uid) return loginPage(uid, 'expired');
  } catch {
    return loginPage(uid, 'expired');
  }
  return provider.interactionResult(
    req,
    res,
    { error: 'access_denied', error_description: 'The person cancelled signing in.' },
    { mergeWithLastSubmission: false },
  );
}

/** `prompt=login` or `max_age`: a sign-in made after the app asked, not the one the browser had. */
function freshEnough(interaction: InteractionInstance, { session }: LiveSession): boolean {
  if (!interaction.prompt.reasons.some((reason) => FRESH_LOGIN_REASONS.includes(reason))) return true;
  return Date.parse(session.createdAt) >= interaction.iat * 1000;
}

function loginResult({ person, community, session }: LiveSession) {
  const withCode = secondFactorStatus(person, community) === 'enrolled';
  return {
    accountId: person.id,
    amr: withCode ? ['pwd', 'otp'] : ['pwd'],
    ts: Math.floor(Date.parse(session.createdAt) / 1000),
    remember: true,
  };
}

/**
 * Allows what the app asked for and was not yet allowed; returns the grant's id. A new grant of an
 * administrator lasts as long as their Muster session may (R41); this runs outside the library's
 * request, so its lifetime is given here rather than found by the provider's `ttl.Grant`.
 */
export async function grantRequested(
  deps: OidcDeps,
  provider: Provider,
  interaction: InteractionInstance,
): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = String(interaction.params.client_id ?? '');
  if (!accountId) throw new Error('A consent needs a signed-in person.');
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const admin = existing ? null : (await findAccount(deps.db, undefined, accountId))?.lifetimes;
  const grant =
    existing ?? new provider.Grant({ accountId, clientId, ...(admin ? { expiresIn: admin.absolute } : {}) });
  const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  return grant.save();
}
