import { z } from 'zod';
import type { Community } from '../communities/community.js';
import { type NormalisedLogin, normaliseUsername } from '../people/login.js';
import { parsePhone } from '../phone/phone.js';
import { ScimError } from './scim-error.js';
import type { ScimUserFields } from './user-fields.js';

/** An email address as the REST API takes one: anything else is not an email login. */
const EMAIL = z.email().max(254);

/**
 * Which account a new SCIM User becomes (R28, the CSV's precedence in SCIM terms):
 * - a userName that is an email address: an email account, signing in with it;
 * - a userName that is a mobile number written with its country code: a phone account;
 * - any other userName: a username account (`OMalley` signs in as `omalley`);
 * - no userName and a mobile number: a phone account, texted its invitation;
 * - no userName otherwise: refused, as RFC 7643 makes userName required.
 */
export function loginForNewUser(
  fields: ScimUserFields,
  community: Pick<Community, 'defaultCountry'>,
): NormalisedLogin {
  const { userName } = fields;
  if (userName !== undefined) {
    if (userName.includes('@')) {
      // Something with an @ that is not an address (`ben@rival.co.uk,`) must not become a
      // username that mail servers would read as the address (R26's check looks at the domain).
      if (!EMAIL.safeParse(userName).success) {
        throw new ScimError(
          400,
          `The userName "${userName}" looks like an email address but is not one.`,
          'invalidValue',
        );
      }
      return { kind: 'email', value: userName.toLowerCase() };
    }
    if (/^(\+|00)\d/.test(userName)) {
      const phone = parsePhone(userName, community.defaultCountry);
      if (phone.ok) return { kind: 'phone', value: phone.e164 };
    }
    return normaliseUsername(userName);
  }
  if (fields.mobile !== null) {
    const phone = parsePhone(fields.mobile, community.defaultCountry);
    if (!phone.ok) throw new ScimError(400, `phoneNumbers (mobile): ${phone.message}`, 'invalidValue');
    return { kind: 'phone', value: phone.e164 };
  }
  throw new ScimError(
    400,
    'userName is required, unless the user is a phone account: then send their mobile number in phoneNumbers with type "mobile".',
    'invalidValue',
  );
}

/** The mobile number of a phone account may never change (R4); sending the same one in any form is fine. */
export function assertSameMobile(fields: ScimUserFields, phone: string | null, defaultCountry: string) {
  if (phone === null || fields.mobile === null) return;
  const sent = parsePhone(fields.mobile, defaultCountry);
  if (!sent.ok || sent.e164 !== phone) {
    throw new ScimError(
      400,
      'A phone account keeps its mobile number for life (R4): phoneNumbers[type eq "mobile"] cannot change. Add the person again with the new number.',
      'mutability',
    );
  }
}
