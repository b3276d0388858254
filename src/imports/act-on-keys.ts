import { refusalRecorder } from '../audit/refusals.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { letOthersRun } from '../event-loop.js';
import { remindPerson } from '../invitations/invite.js';
import { resetToUnclaimed } from '../invitations/reset.js';
import { deactivatePerson, deletePerson, reactivatePerson } from '../people/lifecycle.js';
import type { Person } from '../people/person.js';
import { parsePhone } from '../phone/phone.js';
import type { KeyKind, PersonKey } from './keys-file.js';
import { findPeopleByKeys } from './people-keys.store.js';

export const KEY_ACTIONS = ['deactivate', 'reactivate', 'unclaim', 'remind', 'delete'] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];

export interface KeyResult {
  key: string;
  status: 'done' | 'error';
  personId?: string;
  code?: string;
  message?: string;
}

const ACTIONS: Record<KeyAction, (args: { deps: Deps; ctx: ActingContext; id: string }) => Promise<unknown>> =
  {
    deactivate: deactivatePerson,
    reactivate: reactivatePerson,
    unclaim: resetToUnclaimed,
    remind: (args) => remindPerson({ ...args, channel: 'remind' }),
    delete: deletePerson,
  };

const ALREADY: Partial<Record<KeyAction, string>> = {
  deactivate: 'already_deactivated',
  reactivate: 'not_deactivated',
};

const WHAT: Record<Exclude<KeyKind, 'auto'>, string> = {
  email: 'email address',
  phone: 'mobile number',
  employeeId: 'employee ID',
};

/**
 * Deactivates, reactivates, resets, reminds or deletes the people a list names by mobile number,
 * email or employee ID (R22), each in its own transaction as one would by hand: one refusal
 * loses nothing else, and every key gets its own answer.
 */
export async function actOnKeys({
  deps,
  ctx,
  action,
  keys,
}: {
  deps: Deps;
  ctx: ActingContext;
  action: KeyAction;
  keys: readonly PersonKey[];
}): Promise<{ done: number; failed: number; results: KeyResult[] }> {
  const find = await finder(deps, ctx.communityId, keys);
  const onRefused = refusalRecorder(deps, ctx);
  const results: KeyResult[] = [];
  for (const [index, key] of keys.entries()) {
    // A leavers file of 10,000 people runs for many seconds.
    if (index > 0) await letOthersRun();
    const label = key.value === '' && key.line !== undefined ? `row ${key.line}` : key.value;
    const found = find(key);
    if (!found.person) {
      results.push({ key: label, status: 'error', code: found.code, message: found.message });
      continue;
    }
    try {
      await ACTIONS[action]({ deps, ctx, id: found.person.id });
      results.push({ key: label, status: 'done', personId: found.person.id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Already as the list asks: a leavers file run twice is not an error the second time.
      if (error.code === ALREADY[action]) {
        results.push({
          key: label,
          status: 'done',
          personId: found.person.id,
          code: error.code,
          message: error.message,
        });
        continue;
      }
      results.push({
        key: label,
        status: 'error',
        personId: found.person.id,
        code: error.code,
        message: error.message,
      });
      await onRefused(error, found.person.id);
    }
  }
  const done = results.filter((r) => r.status === 'done').length;
  return { done, failed: results.length - done, results };
}

type Found =
  | { person: Person; code?: never; message?: never }
  | { person: null; code: string; message: string };

/** Looks every key up at once, then answers for each: the person, or why there is none. */
async function finder(deps: Deps, communityId: string, keys: readonly PersonKey[]) {
  const community = await findCommunityOrThrow(deps.db, communityId);
  const phoneOf = (value: string) => {
    const parsed = parsePhone(value, community.defaultCountry);
    return parsed.ok ? parsed.e164 : null;
  };
  const asked = (by: KeyKind) => keys.filter((k) => k.value !== '' && (k.by === by || k.by === 'auto'));
  const people = await findPeopleByKeys(deps.db, communityId, {
    emails: asked('email')
      .filter((k) => k.value.includes('@'))
      .map((k) => k.value.trim().toLowerCase()),
    phones: asked('phone').flatMap((k) =>
      k.value.includes('@') ? [] : [phoneOf(k.value)].filter((p) => p !== null),
    ),
    externalIds: asked('employeeId')
      .filter((k) => !k.value.includes('@'))
      .map((k) => k.value.trim()),
  });
  const byEmail = new Map(people.flatMap((p) => (p.email ? [[p.email.toLowerCase(), p] as const] : [])));
  const byPhone = new Map(people.flatMap((p) => (p.phone ? [[p.phone, p] as const] : [])));
  const byEmployee = new Map(people.flatMap((p) => (p.externalId ? [[p.externalId, p] as const] : [])));
  const lookup: Record<Exclude<KeyKind, 'auto'>, (value: string) => Person | undefined> = {
    email: (value) => byEmail.get(value.toLowerCase()),
    phone: (value) => {
      const phone = phoneOf(value);
      return phone ? byPhone.get(phone) : undefined;
    },
    employeeId: (value) => byEmployee.get(value),
  };
  return (key: PersonKey): Found => {
    const value = key.value.trim();
    if (value === '') {
      return {
        person: null,
        code: 'invalid_request',
        message: 'This row names no one: it has no email, mobile number or employee ID.',
      };
    }
    // Told apart by its look: an @ is an email; otherwise an employee ID that exists, else a number.
    const kinds: Exclude<KeyKind, 'auto'>[] =
      key.by !== 'auto' ? [key.by] : value.includes('@') ? ['email'] : ['employeeId', 'phone'];
    for (const kind of kinds) {
      const person = lookup[kind](value);
      if (person) return { person };
    }
    const what = kinds.map((kind) => WHAT[kind]).join(' or ');
    return { person: null, code: 'not_found', message: `No one in this community has this ${what}.` };
  };
}
