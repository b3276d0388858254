import type { z } from 'zod';
import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow, lockCommunity, updateCommunity } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { communitySettingsSchema } from '../communities/settings-document.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import type { settingsPatchSchema, settingsViewSchema } from './settings.schemas.js';

type SettingsView = z.infer<typeof settingsViewSchema>;
type SettingsPatch = z.infer<typeof settingsPatchSchema>;

function toView(community: Community): SettingsView {
  return {
    name: community.name,
    slug: community.slug,
    plan: community.plan,
    domainVerified: community.domainVerified,
    timeZone: community.timeZone,
    defaultLocale: community.defaultLocale,
    defaultCountry: community.defaultCountry,
    ...community.settings,
    smsCountries: [...community.settings.smsCountries],
    reminderDays: [...community.settings.reminderDays],
  };
}

export async function getSettings({
  deps,
  communityId,
}: {
  deps: Deps;
  communityId: string;
}): Promise<SettingsView> {
  return toView(await findCommunityOrThrow(deps.db, communityId));
}

/** Applies at once: every request reads settings afresh, so nobody needs to sign in again (R1). */
export async function updateSettings({
  deps,
  ctx,
  patch,
}: {
  deps: Deps;
  ctx: ActingContext;
  patch: SettingsPatch;
}): Promise<SettingsView> {
  return deps.db.transaction().execute(async (tx) => {
    // Locked, so two admins saving at once take turns instead of one losing the other's change.
    const community = await lockCommunity(tx, ctx.communityId);
    const { name, timeZone, defaultLocale, defaultCountry, ...documentPatch } = patch;
    const before = toView(community);
    const updated: Community = {
      ...community,
      name: name ?? community.name,
      timeZone: timeZone ?? community.timeZone,
      defaultLocale: defaultLocale ?? community.defaultLocale,
      defaultCountry: defaultCountry ?? community.defaultCountry,
      settings: communitySettingsSchema.parse({ ...community.settings, ...documentPatch }),
      updatedAt: deps.clock.now().toISOString(),
    };
    const after = toView(updated);
    const changed = (Object.keys(after) as (keyof SettingsView)[]).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    if (changed.length === 0) return before;
    await updateCommunity(tx, updated);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.settingsChanged,
      target: { id: community.id, label: updated.name },
      details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
    });
    return after;
  });
}
