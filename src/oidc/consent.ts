import type Provider from 'oidc-provider';
import type { InteractionInstance } from 'oidc-provider';
import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityById } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { communityOfClient, isFirstParty } from './client-metadata.js';
import { grantRequested } from './interaction.js';

const expired = () =>
  new AppError(
    'not_found',
    'This sign-in request has expired or was already finished. Go back to the app and sign in again.',
  );

async function interactionAndClient(provider: Provider, uid: string) {
  const interaction = await provider.Interaction.find(uid);
  const client = interaction
    ? await provider.Client.find(String(interaction.params.client_id ?? ''))
    : undefined;
  const communityId = client ? communityOfClient(client) : null;
  if (!interaction || !client || !communityId) throw expired();
  return { interaction, client, communityId };
}

/** What the scopes of a consent would allow; `openid` is the sign-in itself, always there. */
function requestedScopes(interaction: InteractionInstance): string[] {
  const missing = (interaction.prompt.details as { missingOIDCScope?: string[] }).missingOIDCScope;
  const asked = missing ?? String(interaction.params.scope ?? '').split(' ');
  return asked.filter((scope) => scope !== '' && scope !== 'openid');
}

/**
 * What Muster's sign-in and consent pages show of an app's sign-in in progress (R60). Found by its
 * id, an unguessable value only the person's browser has; it says which app and community, so a
 * person of another community knows to sign in with the right account.
 */
export async function describeInteraction({
  deps,
  provider,
  uid,
}: {
  deps: Deps;
  provider: Provider;
  uid: string;
}) {
  const { interaction, client, communityId } = await interactionAndClient(provider, uid);
  const community = await findCommunityById(deps.db, communityId);
  if (!community) throw expired();
  return {
    uid,
    step: interaction.prompt.name === 'consent' ? ('consent' as const) : ('login' as const),
    app: { name: String(client.clientName ?? client.clientId), firstParty: isFirstParty(client) },
    community: { name: community.name, slug: community.slug },
    scopes: requestedScopes(interaction),
  };
}

/**
 * The person allows a third-party app what it asked for, or refuses it (R60). Only the person the
 * sign-in is for may answer, and only for an app of their community: anyone else meets a 404.
 */
export async function decideConsent(args: {
  deps: Deps;
  provider: Provider;
  ctx: ActingContext;
  uid: string;
  allow: boolean;
}): Promise<{ redirectTo: string }> {
  const { deps, provider, ctx, uid, allow } = args;
  const { interaction, client, communityId } = await interactionAndClient(provider, uid);
  const accountId = interaction.session?.accountId;
  if (
    interaction.prompt.name !== 'consent' ||
    communityId !== ctx.communityId ||
    accountId !== ctx.actor?.id
  ) {
    throw expired();
  }
  const scopes = requestedScopes(interaction);
  interaction.result = allow
    ? {
        ...interaction.lastSubmission,
        consent: { grantId: await grantRequested(deps, provider, interaction) },
      }
    : { error: 'access_denied', error_description: 'The person did not allow the app access.' };
  // The library keeps its records' lifetimes in its own seconds; keep this one's whole life.
  await interaction.save(Math.max(1, interaction.exp - interaction.iat));
  await recordAudit(deps.db, deps.clock, ctx, {
    type: allow ? AuditType.appAccessAllowed : AuditType.appAccessDenied,
    target: { id: client.clientId, label: String(client.clientName ?? client.clientId) },
    details: { scopes },
  });
  return { redirectTo: interaction.returnTo };
}
