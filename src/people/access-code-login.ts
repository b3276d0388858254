import type { Community } from '../communities/community.js';
import { AppError } from '../errors.js';
import type { NormalisedLogin } from './login.js';

/** A new person given neither an email address nor a mobile number. */
export function hasNoLogin(input: { email?: string | undefined; phone?: string | undefined }): boolean {
  return input.email === undefined && input.phone === undefined;
}

/**
 * The login of a person with neither email nor phone (R21, Workplace's "employee ID only"): an
 * access-code account, whose username is empty until the worker picks one with their code. Only
 * while the community allows them (as R1 gates phone accounts), and only with an employee ID:
 * without one, nothing would tell the person apart on the access-code sheet or in an import.
 */
export function accessCodeLogin(
  input: { externalId?: string | null | undefined },
  community: Pick<Community, 'settings'>,
): NormalisedLogin {
  const employeeId = input.externalId?.trim() ?? '';
  if (!community.settings.accessCodeProfilesEnabled) {
    if (employeeId === '') {
      throw new AppError(
        'login_identifier_required',
        'Give the person an email address or a mobile number: it is how they will sign in.',
      );
    }
    throw new AppError(
      'access_code_profiles_disabled',
      'Profile creation with access codes is turned off, so a person needs an email address or a mobile number to sign in with. A system admin can turn access codes on in Settings.',
    );
  }
  if (employeeId === '') {
    throw new AppError(
      'login_identifier_required',
      'Give the person an email address, a mobile number or an employee ID. Someone with neither email nor phone joins with an access code, and their employee ID tells them apart on the access-code sheet.',
      { errors: [{ path: 'externalId', message: 'required when there is no email or mobile number' }] },
    );
  }
  return { kind: 'username', value: '' };
}
