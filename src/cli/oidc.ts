import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDeps } from '../main.js';
import { createClientAsOperator, rotateKeysAsOperator } from '../oidc/operator.js';
import { RETIRED_KEY_PUBLISHED_MS } from '../oidc/signing-keys.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `muster oidc …`: Sign in with Muster (R60) from the server's command line. */
export function registerOidcCommands(program: Command) {
  const oidc = program
    .command('oidc')
    .description('Sign in with Muster: apps and signing keys (OpenID Connect)');
  registerRotateKeys(oidc);
  registerClientCreate(oidc);
}

function registerRotateKeys(oidc: Command) {
  oidc
    .command('rotate-keys')
    .description('sign with a new key from now on; the old one stays published until its tokens expire')
    .action(async () => {
      const { deps, close } = await openDeps(loadConfig(), () => undefined);
      try {
        const { newKeyId, retiredKeyId } = await rotateKeysAsOperator({ deps });
        const hours = RETIRED_KEY_PUBLISHED_MS / 3_600_000;
        process.stdout.write(
          `New signing key ${newKeyId}; servers use it within 30 seconds.${
            retiredKeyId ? ` The old key ${retiredKeyId} stays in the JWKS for ${hours} hours.` : ''
          }\n${JSON.stringify({ newKeyId, retiredKeyId })}\n`,
        );
      } finally {
        await close();
      }
    });
}

function registerClientCreate(oidc: Command) {
  oidc
    .command('client')
    .description('apps that sign people in with Muster')
    .command('create')
    .description(
      'register an app; the client secret (for a confidential app) is shown once, in JSON on the last line',
    )
    .requiredOption('--community <slug>', 'the community, by its short name')
    .requiredOption('--name <name>', 'what people see, such as Intranet')
    .requiredOption(
      '--redirect-uri <uri>',
      'where people come back after signing in (repeat for more)',
      collect,
    )
    .option(
      '--post-logout-redirect-uri <uri>',
      'where people go after signing out of the app (repeat for more)',
      collect,
    )
    .option('--backchannel-logout-uri <uri>', 'where Muster posts logout tokens')
    .option('--first-party', 'an app the company runs: no consent screen')
    .option('--public', 'an app that cannot keep a secret (mobile, single-page): PKCE, no secret')
    .action(
      async (o: {
        community: string;
        name: string;
        redirectUri: string[];
        postLogoutRedirectUri?: string[];
        backchannelLogoutUri?: string;
        firstParty?: boolean;
        public?: boolean;
      }) => {
        const { deps, close } = await openDeps(loadConfig(), () => undefined);
        try {
          const { client, secret } = await createClientAsOperator({
            deps,
            communitySlug: o.community,
            input: {
              name: o.name,
              redirectUris: o.redirectUri,
              postLogoutRedirectUris: o.postLogoutRedirectUri,
              backchannelLogoutUri: o.backchannelLogoutUri,
              firstParty: o.firstParty === true,
              public: o.public === true,
            },
          });
          process.stdout.write(
            `Registered ${client.name} for ${o.community}. Discovery: ${deps.config.publicUrl}/oidc/.well-known/openid-configuration${
              secret ? '\nThe client secret is shown once; store it in the app now.' : ''
            }\n${JSON.stringify({ clientId: client.id, ...(secret ? { clientSecret: secret } : {}) })}\n`,
          );
        } finally {
          await close();
        }
      },
    );
}
