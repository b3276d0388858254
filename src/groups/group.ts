import type { GroupsTable } from '../storage/schema.js';

/** A set of people of one community, as identity providers push them (R28). */
export interface Group {
  id: string;
  communityId: string;
  displayName: string;
  externalId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toGroup(row: Omit<GroupsTable, 'version'> & { version: number }): Group {
  return {
    id: row.id,
    communityId: row.community_id,
    displayName: row.display_name,
    externalId: row.external_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
