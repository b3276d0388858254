import { z } from 'zod';
import { signedInView } from '../auth/signed-in.view.js';

const accessCode = z
  .string()
  .describe(
    '16 letters, shown once, as ABCD-EFGH-JKMN-PQRS; the worker may type it with or without dashes and spaces, in any case.',
  );

const purpose = z
  .enum(['claim', 'recovery'])
  .describe('claim: the worker picks a username and password; recovery: they choose a new password.');

const redeemUrl = z
  .string()
  .describe('The redeem page with this code filled in: what the QR code on the sheet opens. Secret.');

export const issuedAccessCodeSchema = z.object({
  accessCode,
  expiresAt: z.string(),
  purpose,
  redeemUrl,
});

export const accessCodeStatusSchema = z.object({
  state: z
    .enum(['none', 'active', 'used', 'revoked', 'expired'])
    .describe('revoked: cancelled by an admin, by a newer code, or by deactivating the account.'),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  usedAt: z.string().nullable(),
});

export const accessCodeSheetQuerySchema = z.strictObject({
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .describe(
      'csv: a spreadsheet-safe CSV with the columns Username, Employee Id, Access Code, Expires, of the codes made.',
    ),
});

export const accessCodeSheetSchema = z.object({
  community: z.object({ name: z.string(), slug: z.string() }),
  done: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['done', 'error']),
      code: z.string().optional(),
      message: z.string().optional(),
      person: z
        .object({
          displayName: z.string(),
          username: z.string().nullable(),
          externalId: z.string().nullable(),
        })
        .optional(),
      accessCode: accessCode.optional(),
      expiresAt: z.string().optional(),
      purpose: purpose.optional(),
      redeemUrl: redeemUrl.optional(),
    }),
  ),
});

export const redeemBodySchema = z.strictObject({
  community: z
    .string()
    .max(40)
    .optional()
    .describe('The community’s short name, if the worker was given one; the code itself says which.'),
  accessCode: z.string().max(100),
  username: z
    .string()
    .max(100)
    .optional()
    .describe(
      'Required to claim an account that has no username yet. An account that has one keeps it: leave this out or send that username.',
    ),
  password: z.string().max(1024),
  totp: z
    .string()
    .max(100)
    .optional()
    .describe(
      'For an account with an authenticator app (R40): its 6-digit code or a backup code. Asked for with second_factor_required.',
    ),
});

/** A redeemed code signs the worker in: who, where, and whether it was a claim or a recovery. */
export const redeemedViewSchema = signedInView.extend({
  outcome: z.enum(['claimed', 'recovered']),
  otherSessionsEnded: z.number(),
});
