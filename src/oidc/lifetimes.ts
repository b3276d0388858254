import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock.js';
import type { Community } from '../communities/community.js';
import type { Person } from '../people/person.js';
import { lifetimesFor } from '../sessions/lifetimes.js';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Lifetimes, in seconds. ID and access tokens are short, so a key retired an hour ago signs
 * nothing still valid (signing-keys.ts); a worker's refresh token lasts a month and is replaced at
 * every use; a grant (what the person allowed an app) lasts a year, or until the person's account
 * ends. An administrator's are shorter: see `appLifetimesOf`.
 */
export const TTL = {
  AccessToken: HOUR,
  AuthorizationCode: MINUTE,
  IdToken: HOUR,
  RefreshToken: 30 * DAY,
  Interaction: HOUR,
  Session: 30 * DAY,
  Grant: 365 * DAY,
};

/** An administrator's limits, in seconds: idle (between two uses) and absolute (since sign-in). */
export interface AppLifetimes {
  idle: number;
  absolute: number;
}

/**
 * R41 carried into the apps: an administrator's sign-in to an app lasts no longer than their
 * Muster session would (the community's adminSessionIdleMinutes and adminSessionAbsoluteHours),
 * since `muster_role` is a claim apps grant rights on. Null for a worker, who keeps the long
 * lifetimes above.
 */
export function appLifetimesOf(
  person: Pick<Person, 'role'>,
  community: Pick<Community, 'settings'>,
): AppLifetimes | null {
  if (person.role === 'member') return null;
  const lifetimes = lifetimesFor(person.role, community.settings);
  return { idle: lifetimes.sessionIdleMinutes * MINUTE, absolute: lifetimes.sessionAbsoluteHours * HOUR };
}

/** The limits of the person the provider is serving in this request, which findAccount found. */
export function lifetimesInRequest(ctx: KoaContextWithOIDC | undefined): AppLifetimes | null {
  const account = ctx?.oidc?.account as { lifetimes?: AppLifetimes | null } | undefined;
  return account?.lifetimes ?? null;
}

/**
 * What is left of an administrator's lifetimes: the idle limit, cut to what remains of the
 * absolute one counted from `signedInAt` (epoch seconds; now when unknown). At least a second,
 * as the library wants; a refresh token past its chain's end has expired already anyway.
 */
export function remainingSeconds(lifetimes: AppLifetimes, signedInAt: unknown, clock: Clock): number {
  const now = Math.floor(clock.now().getTime() / 1000);
  const start = typeof signedInAt === 'number' && signedInAt <= now ? signedInAt : now;
  return Math.max(1, Math.min(lifetimes.idle, start + lifetimes.absolute - now));
}
