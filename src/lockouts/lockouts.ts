import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { assertMayManage } from '../people/guards.js';
import { findPersonById, findPersonByLogin } from '../people/people.store.js';
import { toPersonView } from '../people/person.view.js';
import type { LoginKind } from '../storage/schema.js';
import { accountKeysOf } from '../throttle/account-keys.js';
import { accountThrottleKeys } from '../throttle/throttle.js';

const LOGIN_KINDS: readonly string[] = ['email', 'phone', 'username'];

/**
 * Accounts locked against sign-in or recovery right now (R33), for admins: whose, which kind,
 * and until when. A lockout on a login nobody has (a guesser's typo) shows without a person.
 */
export async function listLockouts({ deps, communityId }: { deps: Deps; communityId: string }) {
  const items = [];
  for (const prefix of accountThrottleKeys.prefixes(communityId)) {
    const kind = prefix.startsWith('login') ? ('sign_in' as const) : ('recovery' as const);
    for (const lockout of await deps.throttle.activeLockouts(prefix)) {
      const rest = lockout.key.slice(prefix.length);
      const [loginKind, login] = kind === 'sign_in' ? splitOnce(rest) : ['phone', rest];
      const person =
        LOGIN_KINDS.includes(loginKind) && login
          ? await findPersonByLogin(deps.db, communityId, loginKind as LoginKind, login)
          : null;
      items.push({
        kind,
        login,
        lockedUntil: lockout.lockedUntil,
        person: person ? toPersonView(person) : null,
      });
    }
  }
  return { items };
}

/** Lifts every lockout of one person's account (R33), audited; their own devices were never locked. */
export async function liftLockout({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  const person = await findPersonById(deps.db, ctx.communityId, id);
  if (!person) throw notFound('The person');
  assertMayManage(ctx, person);
  await deps.db.transaction().execute(async (tx) => {
    await deps.throttle.lift(accountKeysOf(person), tx);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.lockoutLifted,
      target: { id: person.id, label: person.displayName },
    });
  });
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf(':');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
