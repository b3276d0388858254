import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import { decodeCursor, toPage } from '../cursor.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { parsePhone } from '../phone/phone.js';
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
    phone?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  };
}): Promise<{ items: PersonView[]; nextCursor: string | null }> {
  const afterId = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const rows = (phone?: string) =>
    listPeopleRows(deps.db, communityId, { ...filter, phone, afterId, limit: filter.limit + 1 });
  if (filter.phone === undefined) return toPage(await rows(), filter.limit, toPersonView);
  // Numbers are stored in E.164, and integrations mostly send that form: it is looked up as it
  // came, and only a number no one has is read (as the community's admins write numbers) and
  // looked up again, if reading changed it. Reading a number costs more than the lookup.
  const typed = filter.phone.trim();
  const asTyped = E164.test(typed) ? await rows(typed) : null;
  if (asTyped && asTyped.length > 0) return toPage(asTyped, filter.limit, toPersonView);
  const canonical = await canonicalPhone(deps, communityId, typed);
  const people = asTyped && canonical === typed ? asTyped : await rows(canonical);
  return toPage(people, filter.limit, toPersonView);
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** A number as stored (E.164), read as the community's admins write it; one that is none is refused. */
async function canonicalPhone(deps: Deps, communityId: string, typed: string): Promise<string> {
  const community = await findCommunityOrThrow(deps.db, communityId);
  const parsed = parsePhone(typed, community.defaultCountry);
  if (!parsed.ok) {
    throw new AppError('invalid_request', parsed.message, {
      errors: [{ path: 'phone', message: parsed.message }],
    });
  }
  return parsed.e164;
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
