import type { Expression, SqlBool } from 'kysely';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Deps } from '../deps.js';
import { listMembers, searchGroups } from '../groups/groups.store.js';
import { MAX_PAGE } from './discovery.js';
import type { AttributeMap } from './filter/filter.sql.js';
import { filterToSql } from './filter/filter.sql.js';
import { parseFilter } from './filter/parse.js';
import { toScimGroup } from './groups.js';
import { parseAttributeList, project, returnsAttribute } from './projection.js';
import { renderUsers } from './render-users.js';
import { URN } from './urns.js';
import { canonicalPhones, comparesPhones, USER_FILTER_MAP } from './user-filter.js';
import { searchScimPeople } from './users.store.js';

export interface SearchQuery {
  filter?: string | undefined;
  startIndex?: string | number | undefined;
  count?: string | number | undefined;
  attributes?: string | undefined;
  excludedAttributes?: string | undefined;
}

const GROUP_FILTER_MAP: AttributeMap = {
  coreSchema: URN.group,
  attributes: {
    id: { kind: 'column', column: 'groups.id', type: 'string', caseExact: true },
    displayName: { kind: 'column', column: 'groups.display_name', type: 'string' },
    externalId: { kind: 'column', column: 'groups.external_id', type: 'string', caseExact: true },
    'meta.created': { kind: 'column', column: 'groups.created_at', type: 'dateTime' },
    'meta.lastModified': { kind: 'column', column: 'groups.updated_at', type: 'dateTime' },
  },
};

/** RFC 7644 §3.4.2.4: 1-based startIndex (below 1 means 1), count capped, 0 gives only the total. */
function paging(query: SearchQuery) {
  const start = Math.max(1, Math.trunc(Number(query.startIndex ?? 1)) || 1);
  const asked = query.count === undefined ? 100 : Math.trunc(Number(query.count));
  const count = Number.isFinite(asked) ? Math.min(MAX_PAGE, Math.max(0, asked)) : 100;
  return { startIndex: start, offset: start - 1, limit: count };
}

function listResponse(total: number, startIndex: number, resources: unknown[]) {
  return {
    schemas: [URN.listResponse],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** GET /Users and POST /Users/.search (R28): the filter runs in SQL, never over people in memory. */
export async function searchUsers({
  deps,
  communityId,
  query,
  base,
}: {
  deps: Deps;
  communityId: string;
  query: SearchQuery;
  base: string;
}) {
  const page = paging(query);
  let where: Expression<SqlBool> | null = null;
  if (query.filter !== undefined && query.filter.trim() !== '') {
    let filter = parseFilter(query.filter);
    // Most filters (`userName eq`, `externalId eq`) name no phone number, and need no community.
    if (comparesPhones(filter)) {
      filter = canonicalPhones(filter, (await findCommunityOrThrow(deps.db, communityId)).defaultCountry);
    }
    where = filterToSql(filter, USER_FILTER_MAP);
  }
  const { total, people } = await searchScimPeople(deps.db, communityId, where, page);
  const only = parseAttributeList(query.attributes);
  const excluded = parseAttributeList(query.excludedAttributes);
  const resources = (await renderUsers(deps.db, people, base)).map((user) =>
    project(user, URN.user, only, excluded),
  );
  return listResponse(total, page.startIndex, resources);
}

/** GET /Groups (R28), with its members unless `excludedAttributes=members`. */
export async function searchGroupsScim({
  deps,
  communityId,
  query,
  base,
}: {
  deps: Deps;
  communityId: string;
  query: SearchQuery;
  base: string;
}) {
  const page = paging(query);
  const where = query.filter?.trim() ? filterToSql(parseFilter(query.filter), GROUP_FILTER_MAP) : null;
  const { total, groups } = await searchGroups(deps.db, communityId, where, page);
  const only = parseAttributeList(query.attributes);
  const excluded = parseAttributeList(query.excludedAttributes);
  // Entra asks for groups with excludedAttributes=members: a page of large groups is then cheap.
  const members = returnsAttribute('members', URN.group, only, excluded)
    ? await listMembers(
        deps.db,
        groups.map((g) => g.id),
      )
    : new Map();
  const resources = groups.map((group) =>
    project(toScimGroup({ group, members: members.get(group.id) ?? [] }, base), URN.group, only, excluded),
  );
  return listResponse(total, page.startIndex, resources);
}
