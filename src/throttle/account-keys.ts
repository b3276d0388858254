import { accountThrottleKeys } from './throttle.js';

/** Every throttle key that can lock one person's account out: sign-in by their login, and recovery. */
export function accountKeysOf(person: {
  communityId: string;
  loginKind: string;
  email: string | null;
  phone: string | null;
  username: string | null;
}): string[] {
  const login = person.email ?? person.phone ?? person.username;
  const keys = login ? [accountThrottleKeys.login(person.communityId, person.loginKind, login)] : [];
  if (person.phone) keys.push(accountThrottleKeys.recovery(person.communityId, person.phone));
  return keys;
}
