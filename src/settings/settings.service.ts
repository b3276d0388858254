import type { z } from 'zod';
import { AuditType, recordAudit } from '../audit/audit.js';
import { type CommunityRow, findCommunityById } from '../communities/communities.store.js';
import type { ActingContext, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { forUpdate } from '../storage/dialects/locking.js';
import {
  type CommunitySettings,
  communitySettingsSchema,
  readSettings,
  type settingsPatchSchema,
  type settingsViewSchema,
} from './settings.schemas.js';

type SettingsView = z.infer<typeof settingsViewSchema>;
type SettingsPatch = z.infer<typeof settingsPatchSchema>;

function toView(row: CommunityRow): SettingsView {
  return {
    name: row.name,
    slug: row.slug,
    plan: row.plan,
    domainVerified: row.domain_verified === 1,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    defaultCountry: row.default_country,
    ...readSettings(row.settings),
  };
}

export async function getSettings({
  deps,
  communityId,
}: {
  deps: Deps;
  communityId: string;
}): Promise<SettingsView> {
  const row = await findCommunityById(deps.db, communityId);
  if (!row) throw notFound('The community');
  return toView(row);
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
    const row = await forUpdate(
      deps.dialect,
      tx.selectFrom('communities').selectAll().where('id', '=', ctx.communityId),
    ).executeTakeFirst();
    if (!row) throw notFound('The community');
    const { name, timeZone, defaultLocale, defaultCountry, ...documentPatch } = patch;
    const before = toView(row);
    const settings: CommunitySettings = communitySettingsSchema.parse({
      ...readSettings(row.settings),
      ...documentPatch,
    });
    const updated: CommunityRow = {
      ...row,
      name: name ?? row.name,
      time_zone: timeZone ?? row.time_zone,
      default_locale: defaultLocale ?? row.default_locale,
      default_country: defaultCountry ?? row.default_country,
      settings: JSON.stringify(settings),
      updated_at: deps.clock.now().toISOString(),
    };
    const after = toView(updated);
    const changed = (Object.keys(after) as (keyof SettingsView)[]).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    if (changed.length === 0) return before;
    await tx
      .updateTable('communities')
      .set({
        name: updated.name,
        time_zone: updated.time_zone,
        default_locale: updated.default_locale,
        default_country: updated.default_country,
        settings: updated.settings,
        updated_at: updated.updated_at,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.settingsChanged,
      target: { id: row.id, label: updated.name },
      details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
    });
    return after;
  });
}
