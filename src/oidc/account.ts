import type { ClaimsSource, KoaContextWithOIDC } from 'oidc-provider';
import { findCommunityById } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { findPersonAnywhere } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import type { Db } from '../storage/db.js';
import { communityOfClient } from './client-metadata.js';
import { type AppLifetimes, appLifetimesOf } from './lifetimes.js';
import { hasPendingAccountEventSince } from './logout.store.js';

/** The scopes an app may ask for, and the claims each brings (R60). */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'locale', 'zoneinfo'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  muster: ['muster_role', 'department', 'employee_id'],
} as const;

/**
 * Only a claimed, active account signs in to apps: a deactivated, unclaimed or deleted person
 * gets no token, and the provider asks again at every token, refresh and userinfo request, so an
 * account that ends loses its apps at once (R60). Nor does an account reach an app of another
 * community (R35).
 */
export function canUseApps(person: Person | null, communityId: string | null): person is Person {
  if (!person?.active || !person.claimed) return false;
  return communityId === null || person.communityId === communityId;
}

/** The person behind a record, with how long an administrator's sign-in to an app may last. */
export type MusterAccount = ClaimsSource & { lifetimes: AppLifetimes | null };

/**
 * What the library calls to find the person behind a session, code or token (`sub` is the
 * person's id: stable, and never the phone number, which an admin may one day reassign). A code
 * or token made before Muster ended the person's sign-ins (a password changed with "log out other
 * devices", say) is refused at once, in the moment before the logout worker deletes it.
 */
export async function findAccount(
  db: Db,
  ctx: KoaContextWithOIDC | undefined,
  sub: string,
  token?: { iat?: unknown },
): Promise<MusterAccount | undefined> {
  const person = await findPersonAnywhere(db, sub);
  const client = ctx?.oidc?.client;
  if (!canUseApps(person, client ? communityOfClient(client) : null)) return undefined;
  if (typeof token?.iat === 'number') {
    const issuedAt = new Date(token.iat * 1000).toISOString();
    if (await hasPendingAccountEventSince(db, person.id, issuedAt)) return undefined;
  }
  const community = await findCommunityById(db, person.communityId);
  if (!community) return undefined;
  return {
    accountId: person.id,
    claims: async () => claimsOf(person, community),
    lifetimes: appLifetimesOf(person, community),
  };
}

/** Every claim of a person; the library hands an app only those its granted scopes name. */
function claimsOf(person: Person, community: Community): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    sub: person.id,
    name: person.displayName,
    given_name: person.givenName,
    family_name: person.familyName,
    locale: person.locale ?? community.defaultLocale,
    zoneinfo: person.timeZone ?? community.timeZone,
    muster_role: person.role,
    department: person.department,
    employee_id: person.externalId,
  };
  if (person.phone) {
    claims.phone_number = person.phone;
    // The worker proved the number by claiming the account from the text sent to it.
    claims.phone_number_verified = person.loginKind === 'phone' && person.claimed;
  }
  if (person.email) {
    claims.email = person.email;
    claims.email_verified = person.loginKind === 'email' && person.claimed;
  }
  return Object.fromEntries(
    Object.entries(claims).filter(([, value]) => value !== null && value !== undefined),
  );
}
