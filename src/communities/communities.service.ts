import { z } from 'zod';
import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext, Deps, RequestMeta } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import { newId } from '../crypto/random.js';
import { AppError } from '../errors.js';
import { normaliseLogin, toPersonView } from '../people/people.service.js';
import { newPersonRow } from '../people/people.store.js';
import { checkPassword } from '../sessions/password-policy.js';
import {
  countrySchema,
  DEFAULT_SETTINGS,
  localeSchema,
  timeZoneSchema,
} from '../settings/settings.schemas.js';
import { type Tx, uniqueViolation } from '../storage/db.js';
import type { CommunitiesTable, PeopleTable } from '../storage/schema.js';

export const newCommunitySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
      'use 1–40 lowercase letters, digits and dashes, such as acme-foods',
    ),
  plan: z.enum(['essentials', 'core']).default('essentials'),
  timeZone: timeZoneSchema.default('UTC'),
  defaultLocale: localeSchema.default('en'),
  defaultCountry: countrySchema.default('US'),
});

export const firstAdminSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(200).default('Administrator'),
  email: z.email().max(254).optional(),
  phone: z.string().max(40).optional(),
  password: z.string(),
});

export type NewCommunity = z.output<typeof newCommunitySchema>;
export type FirstAdmin = z.output<typeof firstAdminSchema>;

/**
 * Creates a community and its first system admin in one transaction: a community without an
 * admin could never be managed. `inside` lets setup consume its token in the same transaction.
 */
export async function createCommunityWithAdmin({
  deps,
  community,
  admin,
  meta,
  inside,
}: {
  deps: Deps;
  community: NewCommunity;
  admin: FirstAdmin;
  meta: RequestMeta;
  inside?: (tx: Tx) => Promise<void>;
}) {
  checkPassword(admin.password, DEFAULT_SETTINGS.passwordMinLength, {
    words: [admin.displayName, admin.email, community.name, community.slug, 'muster'],
    phone: admin.phone,
  });
  const passwordHash = await hashPassword(admin.password);
  const now = deps.clock.now();
  const iso = now.toISOString();
  const communityRow: CommunitiesTable = {
    id: newId(now),
    name: community.name,
    slug: community.slug,
    plan: community.plan,
    time_zone: community.timeZone,
    default_locale: community.defaultLocale,
    default_country: community.defaultCountry,
    domain_verified: 0,
    settings: JSON.stringify(DEFAULT_SETTINGS),
    created_at: iso,
    updated_at: iso,
  };
  const login = normaliseLogin(admin, communityRow);
  const adminRow: PeopleTable = {
    ...newPersonRow({
      id: newId(now),
      communityId: communityRow.id,
      login,
      displayName: admin.displayName,
      now: iso,
    }),
    role: 'system_admin',
    invited: 1,
    claimed: 1,
    invited_at: iso,
    claimed_at: iso,
    password_hash: passwordHash,
  };
  try {
    await deps.db.transaction().execute(async (tx) => {
      await inside?.(tx);
      await tx.insertInto('communities').values(communityRow).execute();
      await tx.insertInto('people').values(adminRow).execute();
      const ctx: ActingContext = {
        communityId: communityRow.id,
        actor: { id: adminRow.id, label: adminRow.display_name, role: 'system_admin' },
        meta,
      };
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.communityCreated,
        target: { id: communityRow.id, label: communityRow.name },
        details: { slug: communityRow.slug, plan: communityRow.plan },
      });
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.accountCreated,
        target: { id: adminRow.id, label: adminRow.display_name },
        details: { loginKind: login.kind, role: 'system_admin' },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === 'slug') {
      throw new AppError('slug_taken', `The short name "${community.slug}" is taken. Choose another.`);
    }
    throw error;
  }
  return { community: communityRow, admin: toPersonView(adminRow) };
}
