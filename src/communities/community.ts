import type { CommunitiesTable, Plan } from '../storage/schema.js';
import { type CommunitySettings, readSettings } from './settings-document.js';

/** One company's space (SPEC §1), with its settings document already read. */
export interface Community {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  timeZone: string;
  defaultLocale: string;
  defaultCountry: string;
  domainVerified: boolean;
  settings: CommunitySettings;
  createdAt: string;
  updatedAt: string;
}

export function toCommunity(row: CommunitiesTable): Community {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    plan: row.plan,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    defaultCountry: row.default_country,
    domainVerified: row.domain_verified === 1,
    settings: readSettings(row.settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCommunityRow(community: Community): CommunitiesTable {
  return {
    id: community.id,
    name: community.name,
    slug: community.slug,
    plan: community.plan,
    time_zone: community.timeZone,
    default_locale: community.defaultLocale,
    default_country: community.defaultCountry,
    domain_verified: community.domainVerified ? 1 : 0,
    settings: JSON.stringify(community.settings),
    created_at: community.createdAt,
    updated_at: community.updatedAt,
  };
}
