import { z } from 'zod';
import { localeSchema, timeZoneSchema } from '../communities/settings-document.js';
import { isWellFormed } from '../storage/well-formed.js';

export const ROLES = ['system_admin', 'account_manager', 'analyst', 'member'] as const;
export const STATES = ['not_invited', 'invited', 'active', 'deactivated'] as const;
export const LOGIN_KINDS = ['email', 'phone', 'username'] as const;

/** Optional text: trimmed; an empty string or null clears the field. */
const text = (max = 200) =>
  z
    .union([
      z
        .string()
        .trim()
        .max(max)
        .refine(isWellFormed, 'has half a character in it (a lone UTF-16 surrogate); send whole characters'),
      z.null(),
    ])
    .transform((value) => (value === '' ? null : value))
    .optional();

/** Every profile field of SPEC §1. Role, state and secrets are deliberately absent (R35). */
const profileFields = {
  givenName: text(),
  familyName: text(),
  displayName: text(),
  jobTitle: text(),
  department: text(),
  division: text(),
  organization: text(),
  costCenter: text(),
  location: text(),
  locale: z.union([localeSchema, z.null()]).optional(),
  timeZone: z.union([timeZoneSchema, z.null()]).optional(),
  managerId: z.union([z.uuid(), z.null()]).optional(),
  externalId: text(100),
  startDate: z.union([z.iso.date(), z.null()]).optional(),
  frontline: z.boolean().optional(),
};

const email = z.email('must be an email address such as ana@example.com').max(254);
const phone = z.string().max(40);

export const createPersonSchema = z
  .strictObject({
    ...profileFields,
    email: email.optional(),
    phone: phone.optional(),
    sendInvitation: z
      .boolean()
      .default(true)
      .describe('Text a phone account its claim link now (R3); false leaves it not invited, to send later.'),
  })
  .describe(
    'A new person. Give at most one of email or phone: it becomes their login and never changes kind. With neither, a name and an employee ID (externalId) make an access-code account, if the community allows them (R21).',
  );

export const updatePersonSchema = z
  .strictObject({ ...profileFields, email: email.optional(), phone: phone.optional() })
  .describe('Fields to change. A phone number can never change (R4); sending the same number is accepted.');

export type CreatePersonInput = z.input<typeof createPersonSchema>;

export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

export const personViewSchema = z.object({
  id: z.string(),
  loginKind: z.enum(LOGIN_KINDS),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  division: z.string().nullable(),
  organization: z.string().nullable(),
  costCenter: z.string().nullable(),
  location: z.string().nullable(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  managerId: z.string().nullable(),
  externalId: z.string().nullable(),
  startDate: z.string().nullable(),
  frontline: z.boolean(),
  role: z.enum(ROLES),
  state: z.enum(STATES),
  invitedAt: z.string().nullable(),
  claimedAt: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type PersonView = z.infer<typeof personViewSchema>;

export const listPeopleQuerySchema = z.strictObject({
  state: z.enum(STATES).optional(),
  kind: z.enum(LOGIN_KINDS).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  phone: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe(
      'Exactly this mobile number, written any way the community’s default country reads it: at most one person.',
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const setRoleSchema = z.strictObject({ role: z.enum(ROLES) });

export const peopleCountsSchema = z.object({
  total: z.number(),
  byState: z.object({
    not_invited: z.number(),
    invited: z.number(),
    active: z.number(),
    deactivated: z.number(),
  }),
});
