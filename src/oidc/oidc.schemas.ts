import { z } from 'zod';

/** What Muster's sign-in and consent pages show of an app's sign-in in progress (R60). */
export const interactionViewSchema = z.object({
  uid: z.string(),
  step: z.enum(['login', 'consent']),
  app: z.object({ name: z.string(), firstParty: z.boolean() }),
  community: z.object({ name: z.string(), slug: z.string() }),
  /** What a consent would allow, as scope names (openid, profile, email, phone, muster, offline_access). */
  scopes: z.array(z.string()),
});

export const consentBodySchema = z.strictObject({
  allow: z.boolean().describe('true to let the app have what it asked for, false to refuse it.'),
});

export const consentAnswerSchema = z.object({
  redirectTo: z.string().describe('Where the browser goes next: back to the provider, then to the app.'),
});

/** Redirect URIs: https, or http on this machine's loopback address for apps on a computer (RFC 8252). */
const uriField = z.string().trim().min(1).max(2000);

export const clientInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What people see, such as "Intranet".'),
  redirectUris: z
    .array(uriField)
    .min(1)
    .max(20)
    .describe('Where Muster may send people back after signing in: https, or http on 127.0.0.1 / [::1].'),
  postLogoutRedirectUris: z
    .array(uriField)
    .max(20)
    .optional()
    .describe('Where the app may send people after signing out (RP-initiated logout).'),
  backchannelLogoutUri: uriField
    .nullable()
    .optional()
    .describe('Where Muster posts a logout token when a person signs out, is deactivated, reset or deleted.'),
  firstParty: z
    .boolean()
    .default(false)
    .describe('An app the company runs: people are not asked for consent.'),
  public: z
    .boolean()
    .default(false)
    .describe('An app that cannot keep a secret (a mobile or single-page app): PKCE only, no secret.'),
  jwks: z
    .object({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(10) })
    .nullable()
    .optional()
    .describe(
      'The public keys of a confidential app that signs in with private_key_jwt instead of a secret.',
    ),
});
export type ClientInput = z.infer<typeof clientInputSchema>;

export const clientChangesSchema = clientInputSchema
  .omit({ public: true })
  .partial()
  .extend({ firstParty: z.boolean().optional() });
export type ClientChanges = z.infer<typeof clientChangesSchema>;

export const clientViewSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  backchannelLogoutUri: z.string().nullable(),
  firstParty: z.boolean(),
  public: z.boolean(),
  tokenEndpointAuthMethod: z.enum(['none', 'client_secret_basic', 'private_key_jwt']),
  createdAt: z.string(),
  updatedAt: z.string(),
  secretRotatedAt: z.string().nullable(),
});

export const newClientSchema = clientViewSchema.extend({
  clientSecret: z
    .string()
    .optional()
    .describe('Shown once, only to confidential apps that use a secret: store it in the app now.'),
});

export const clientSecretSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string().describe('Shown once: store it in the app now. The old secret stops working.'),
});
