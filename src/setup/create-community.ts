import { z } from 'zod';
import { AuditType, recordAudit } from '../audit/audit.js';
import { insertCommunity } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import {
  countrySchema,
  DEFAULT_SETTINGS,
  localeSchema,
  timeZoneSchema,
} from '../communities/settings-document.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import { newId } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkPassword } from '../passwords/policy.js';
import { normaliseLogin } from '../people/login.js';
import { insertPerson } from '../people/people.store.js';
import { newPerson, type Person } from '../people/person.js';
import { toPersonView } from '../people/person.view.js';
import { type Tx, uniqueViolation } from '../storage/db.js';

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
  const newCommunity: Community = {
    id: newId(now),
    name: community.name,
    slug: community.slug,
    plan: community.plan,
    timeZone: community.timeZone,
    defaultLocale: community.defaultLocale,
    defaultCountry: community.defaultCountry,
    domainVerified: false,
    settings: DEFAULT_SETTINGS,
    createdAt: iso,
    updatedAt: iso,
  };
  const login = normaliseLogin(admin, newCommunity);
  const firstAdmin: Person = {
    ...newPerson({
      id: newId(now),
      communityId: newCommunity.id,
      login,
      displayName: admin.displayName,
      now: iso,
    }),
    role: 'system_admin',
    invited: true,
    claimed: true,
    invitedAt: iso,
    claimedAt: iso,
    passwordHash,
  };
  try {
    await deps.db.transaction().execute(async (tx) => {
      await inside?.(tx);
      await insertCommunity(tx, newCommunity);
      await insertPerson(tx, firstAdmin);
      const ctx: ActingContext = {
        communityId: newCommunity.id,
        actor: { id: firstAdmin.id, label: firstAdmin.displayName, role: 'system_admin' },
        meta,
      };
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.communityCreated,
        target: { id: newCommunity.id, label: newCommunity.name },
        details: { slug: newCommunity.slug, plan: newCommunity.plan },
      });
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.accountCreated,
        target: { id: firstAdmin.id, label: firstAdmin.displayName },
        details: { loginKind: login.kind, role: 'system_admin' },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === 'slug') {
      throw new AppError('slug_taken', `The short name "${community.slug}" is taken. Choose another.`);
    }
    throw error;
  }
  return { community: newCommunity, admin: toPersonView(firstAdmin) };
}
