import { z } from 'zod';
import type { Community } from '../communities/community.js';
import { personViewSchema } from '../people/people.schemas.js';
import type { Person } from '../people/person.js';
import { toPersonView } from '../people/person.view.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { csrfTokenFor } from '../sessions/issue-session.js';

/** What every way of signing in answers: who, where, and the CSRF token for changes. */
export const signedInView = z.object({
  person: personViewSchema,
  community: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    timeZone: z.string(),
    defaultCountry: z.string(),
    phoneProfilesEnabled: z.boolean(),
    accessCodeProfilesEnabled: z.boolean(),
    passwordMinLength: z.number(),
    defaultLocale: z.string().describe('The language for people whose own `locale` is not set (R61).'),
  }),
  csrfToken: z.string().describe('Send as X-CSRF-Token with every POST, PUT, PATCH and DELETE.'),
  secondFactor: z
    .enum(['not_required', 'enrolled', 'enrollment_required'])
    .describe(
      'enrollment_required: set up an authenticator (POST /api/v1/me/totp) before anything else (R40).',
    ),
  expiresAt: z.string(),
});

export type SignedInView = z.infer<typeof signedInView>;

export function toSignedInView(
  person: Person,
  community: Community,
  session: { token: string; expiresAt: string },
): SignedInView {
  return {
    person: toPersonView(person),
    community: {
      id: community.id,
      name: community.name,
      slug: community.slug,
      timeZone: community.timeZone,
      defaultCountry: community.defaultCountry,
      phoneProfilesEnabled: community.settings.phoneProfilesEnabled,
      accessCodeProfilesEnabled: community.settings.accessCodeProfilesEnabled,
      passwordMinLength: community.settings.passwordMinLength,
      defaultLocale: community.defaultLocale,
    },
    csrfToken: csrfTokenFor(session.token),
    secondFactor: secondFactorStatus(person, community),
    expiresAt: session.expiresAt,
  };
}
