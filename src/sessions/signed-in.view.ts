import { z } from 'zod';
import type { CommunityRow } from '../communities/communities.store.js';
import { personViewSchema } from '../people/people.schemas.js';
import { toPersonView } from '../people/people.service.js';
import type { PersonRow } from '../people/people.store.js';
import { readSettings } from '../settings/settings.schemas.js';
import { csrfTokenFor } from './sessions.service.js';

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
    passwordMinLength: z.number(),
  }),
  csrfToken: z.string().describe('Send as X-CSRF-Token with every POST, PUT, PATCH and DELETE.'),
  expiresAt: z.string(),
});

export function toSignedInView(
  person: PersonRow,
  community: CommunityRow,
  session: { token: string; expiresAt: string },
): z.infer<typeof signedInView> {
  const settings = readSettings(community.settings);
  return {
    person: toPersonView(person),
    community: {
      id: community.id,
      name: community.name,
      slug: community.slug,
      timeZone: community.time_zone,
      defaultCountry: community.default_country,
      phoneProfilesEnabled: settings.phoneProfilesEnabled,
      passwordMinLength: settings.passwordMinLength,
    },
    csrfToken: csrfTokenFor(session.token),
    expiresAt: session.expiresAt,
  };
}
