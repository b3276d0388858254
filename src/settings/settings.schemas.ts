import { z } from 'zod';
import {
  communitySettingsSchema,
  countrySchema,
  localeSchema,
  timeZoneSchema,
} from '../communities/settings-document.js';

// Responses are encoded through their schema, and a one-way transform (upper-casing) cannot run
// backwards, so the view types the countries as plain strings.
export const settingsViewSchema = communitySettingsSchema.extend({
  smsCountries: z.array(z.string()),
  name: z.string(),
  slug: z.string(),
  plan: z.enum(['essentials', 'core']),
  domainVerified: z.boolean(),
  timeZone: z.string(),
  defaultLocale: z.string(),
  defaultCountry: z.string(),
});

export const settingsPatchSchema = communitySettingsSchema
  .extend({
    name: z.string().trim().min(1).max(100),
    timeZone: timeZoneSchema,
    defaultLocale: localeSchema,
    defaultCountry: countrySchema,
  })
  .partial()
  .strict();
