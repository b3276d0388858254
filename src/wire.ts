/**
 * The shapes the REST API speaks, as TypeScript types derived from the very zod schemas that
 * validate and serialise each answer. The web app imports them from here (types only, so none
 * of this code reaches the browser): a change to an answer is a compile error in the pages that
 * read it, not a surprise in production.
 */
import type { z } from 'zod';
import type {
  accessCodeSheetSchema,
  accessCodeStatusSchema,
  issuedAccessCodeSchema,
  redeemedViewSchema,
} from './access-codes/access-codes.schemas.js';
import type { auditEventViewSchema } from './audit/audit.routes.js';
import type { SignedInView } from './auth/signed-in.view.js';
import type { claimLinkViewSchema } from './claim/claim.routes.js';
import type { domainViewSchema } from './domains/domains.routes.js';
import type { bulkResultSchema, problemSchema } from './http/api.js';
import type { ImportJobView, ImportRowView } from './imports/imports.schemas.js';
import type {
  claimSmsAllowanceSchema,
  invitedViewSchema,
  remindAllResultSchema,
} from './invitations/invitations.routes.js';
import type { limitsViewSchema } from './limits/limits.routes.js';
import type { lockoutViewSchema } from './lockouts/lockouts.routes.js';
import type { devMailSchema } from './mail/mail.routes.js';
import type {
  clientInputSchema,
  clientSecretSchema,
  clientViewSchema,
  interactionViewSchema,
  newClientSchema,
} from './oidc/oidc.schemas.js';
import type { BatchResult } from './onboarding/onboarding.schemas.js';
import type { resetLinkViewSchema } from './password-reset/password-reset.routes.js';
import type {
  CreatePersonInput,
  LOGIN_KINDS,
  PersonView,
  peopleCountsSchema,
  ROLES,
  STATES,
  UpdatePersonInput,
} from './people/people.schemas.js';
import type { SessionView } from './sessions/sessions.view.js';
import type { settingsPatchSchema, settingsViewSchema } from './settings/settings.schemas.js';
import type { devInboxEntrySchema } from './sms/sms.routes.js';
import type { SmsView } from './sms-log/sms-log.view.js';
import type { apiTokenViewSchema } from './tokens/tokens.routes.js';

export type Person = PersonView;
export type Role = (typeof ROLES)[number];
export type State = (typeof STATES)[number];
export type LoginKind = (typeof LOGIN_KINDS)[number];
export type NewPerson = CreatePersonInput;
export type PersonChanges = UpdatePersonInput;
export type PeopleCounts = z.infer<typeof peopleCountsSchema>;
export type SignedIn = SignedInView;
export type SessionInfo = SessionView;
export type Sms = SmsView;
export type DevSms = z.infer<typeof devInboxEntrySchema>;
export type DevMail = z.infer<typeof devMailSchema>;
export type ResetLinkView = z.infer<typeof resetLinkViewSchema>;
export type AuditEvent = z.infer<typeof auditEventViewSchema>;
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type BatchRowResult = BatchResult['results'][number];
export type ImportJob = ImportJobView;
export type ImportRow = ImportRowView;
export type { BatchResult };
export type Allowance = z.infer<typeof claimSmsAllowanceSchema>;
export type Invited = z.infer<typeof invitedViewSchema>;
export type RemindAllResult = z.infer<typeof remindAllResultSchema>;
export type Limits = z.infer<typeof limitsViewSchema>;
export type Lockout = z.infer<typeof lockoutViewSchema>;
export type Settings = z.infer<typeof settingsViewSchema>;
export type SettingsChanges = z.input<typeof settingsPatchSchema>;
export type ClaimInfo = z.infer<typeof claimLinkViewSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;
export type DomainView = z.infer<typeof domainViewSchema>;
/** What `POST /api/v1/tokens` answers: the token's view and, this once, the token itself. */
export type NewApiToken = ApiTokenView & { token: string };
export type IssuedAccessCode = z.infer<typeof issuedAccessCodeSchema>;
export type AccessCodeStatus = z.infer<typeof accessCodeStatusSchema>;
export type AccessCodeSheet = z.infer<typeof accessCodeSheetSchema>;
export type AccessCodeRedeemed = z.infer<typeof redeemedViewSchema>;
export type OidcInteraction = z.infer<typeof interactionViewSchema>;
export type OidcClient = z.infer<typeof clientViewSchema>;
export type NewOidcClient = z.infer<typeof newClientSchema>;
export type OidcClientInput = z.input<typeof clientInputSchema>;
export type OidcClientSecret = z.infer<typeof clientSecretSchema>;

/** One page of a list: `nextCursor` goes back as `cursor` for the next. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
