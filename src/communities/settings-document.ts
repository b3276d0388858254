import { z } from 'zod';
import { isCountryCode } from '../phone/phone.js';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/London or America/Chicago');
export const countrySchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .refine(isCountryCode, 'must be a two-letter country code such as GB or US');
export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale such as en or en-GB')
  .max(10);

/** The community settings of R25 that live in the settings document. */
export const communitySettingsSchema = z.object({
  phoneProfilesEnabled: z.boolean().describe('Profile creation with mobile number (R1).'),
  accessCodeProfilesEnabled: z.boolean().describe('Profile creation with access codes (R21).'),
  smsCountries: z
    .array(countrySchema)
    .max(250)
    .describe('Countries whose numbers may be texted; empty means the default country only.'),
  claimLinkLifetimeDays: z.number().int().min(1).max(90),
  remindersEnabled: z.boolean(),
  reminderDays: z.array(z.number().int().min(1).max(30)).max(5),
  passwordMinLength: z.number().int().min(8).max(64),
  sessionIdleMinutes: z.number().int().min(5).max(525_600),
  sessionAbsoluteHours: z.number().int().min(1).max(8_760),
  adminSessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(10_080)
    .describe('Idle timeout of sessions of system admins, account managers and analysts (R41).'),
  adminSessionAbsoluteHours: z.number().int().min(1).max(720),
  secondFactorForAccountManagers: z
    .boolean()
    .describe('Account managers, like system admins, must sign in with an authenticator code (R40).'),
});

export type CommunitySettings = z.infer<typeof communitySettingsSchema>;

export const DEFAULT_SETTINGS: CommunitySettings = Object.freeze({
  phoneProfilesEnabled: false,
  accessCodeProfilesEnabled: false,
  smsCountries: [],
  claimLinkLifetimeDays: 14,
  remindersEnabled: true,
  reminderDays: [3, 5],
  passwordMinLength: 8,
  // Frontline workers share no desk and sign in on their own phones: long idle windows,
  // with an absolute cap so a lost phone's session still ends.
  sessionIdleMinutes: 14 * 24 * 60,
  sessionAbsoluteHours: 90 * 24,
  // Admin sessions hold the keys to everyone's account: short, so a forgotten desk session ends (R41).
  adminSessionIdleMinutes: 12 * 60,
  adminSessionAbsoluteHours: 7 * 24,
  secondFactorForAccountManagers: false,
});

const storedSettingsSchema = communitySettingsSchema.partial();
const parsedSettings = new Map<string, CommunitySettings>();

/**
 * Reads the stored document, filling settings added since it was written with defaults. Every
 * request reads its community's settings, and a deployment has few distinct documents, so the
 * parsed ones are kept (frozen: callers cannot change a shared copy).
 */
export function readSettings(json: string): CommunitySettings {
  let settings = parsedSettings.get(json);
  if (!settings) {
    const stored = storedSettingsSchema.safeParse(JSON.parse(json));
    const merged = { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) };
    settings = Object.freeze({
      ...merged,
      smsCountries: Object.freeze([...merged.smsCountries]) as typeof merged.smsCountries,
      reminderDays: Object.freeze([...merged.reminderDays]) as typeof merged.reminderDays,
    });
    if (parsedSettings.size >= 1000) parsedSettings.clear();
    parsedSettings.set(json, settings);
  }
  return settings;
}
