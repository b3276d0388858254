import { type GrantInstance, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { isFirstParty } from './client-metadata.js';
import { musterSessionOf, type SessionDeps } from './muster-session.js';

/**
 * The library's own policy (login, then consent), with one more reason to ask for a login: the
 * browser is not signed in to Muster as the person the provider remembers. Muster's sign-in is
 * the apps' sign-in (R60): signing out of Muster, or being deactivated, ends the next app
 * sign-in's shortcut too, and `prompt=none` then answers login_required.
 */
export function musterInteractionPolicy(deps: SessionDeps) {
  const policy = interactionPolicy.base();
  const login = policy.get('login');
  if (!login) throw new Error('The provider library has no login prompt.');
  login.checks.add(
    new interactionPolicy.Check(
      'muster_session',
      'Sign in to Muster is required',
      'login_required',
      async (ctx) => {
        // Just signed in through Muster's pages: the interaction's result carries the person.
        if (ctx.oidc.result?.login) return false;
        const accountId = ctx.oidc.session.accountId as string | undefined;
        if (!accountId || !ctx.oidc.account) return true;
        const live = await musterSessionOf(deps, ctx.req);
        return live?.person.id !== accountId;
      },
    ),
    0,
  );
  return policy;
}

/**
 * The grant an app already holds for this person. A first-party app (one the company runs, marked
 * so by a system admin) gets what it asks for without a consent screen, refresh tokens for
 * `offline_access` included (R60); a third-party app asks the person once per new scope.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<GrantInstance | undefined> {
  const { oidc } = ctx;
  const client = oidc.client;
  if (!client) return undefined;
  const grantId =
    (oidc.result?.consent as { grantId?: string } | undefined)?.grantId ??
    oidc.session.grantIdFor(client.clientId);
  const existing: GrantInstance | undefined = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  if (!isFirstParty(client)) return existing;
  const grant: GrantInstance =
    existing ?? new oidc.provider.Grant({ accountId: oidc.account.accountId, clientId: client.clientId });
  grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
  if (oidc.requestParamClaims.size > 0) grant.addOIDCClaims([...oidc.requestParamClaims]);
  await grant.save();
  return grant;
}
