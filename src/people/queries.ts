import type { ActingContext } from '../context.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { listLiveSessions } from '../sessions/sessions.store.js';
import { toSessionView } from '../sessions/sessions.view.js';
import type { LoginKind } from '../storage/schema.js';
import { assertMayManage } from './guards.js';
import type { PersonView } from './people.schemas.js';
import { countPeopleByState, findPersonById, listPeople as listPeopleRows } from './people.store.js';
import type { PersonState } from './person.js';
import { toPersonView } from './person.view.js';

export async function getPerson({ deps, communityId, id }: { deps: Deps; communityId: string; id: string }) {
  const person = await findPersonById(deps.db, communityId, id);
  if (!person) throw notFound('The person');
  return toPersonView(person);
}

export async function listPeople({
  deps,
  communityId,
  filter,
}: {
  deps: Deps;
  communityId: string;
  filter: {
    state?: PersonState | undefined;
    kind?: LoginKind | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  };
}): Promise<{ items: PersonView[]; nextCursor: string | null }> {
  const afterId = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const people = await listPeopleRows(deps.db, communityId, { ...filter, afterId, limit: filter.limit + 1 });
  return toPage(people, filter.limit, toPersonView);
}

export async function countPeople({ deps, communityId }: { deps: Deps; communityId: string }) {
  const byState = await countPeopleByState(deps.db, communityId);
  return { total: Object.values(byState).reduce((a, b) => a + b, 0), byState };
}

/**
 * Where a person is signed in, for their admin. A system admin's sessions (addresses, devices,
 * when they work) are refused to an account manager like every change to a system admin (R35).
 */
export async function listPersonSessions({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  const person = await findPersonById(deps.db, ctx.communityId, id);
  if (!person) throw notFound('The person');
  assertMayManage(ctx, person);
  const sessions = await listLiveSessions(deps.db, person.id, deps.clock.now().toISOString());
  return { items: sessions.map((session) => toSessionView(session, null)) };
}
