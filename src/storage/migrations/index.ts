import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as throttles from './0002_throttles.js';
import * as phoneAccounts from './0003_phone_accounts.js';
import * as auditAppendOnly from './0004_audit_append_only.js';
import * as security from './0005_security.js';
import * as integrations from './0006_integrations.js';
import * as oneOutbox from './0007_one_outbox.js';
import * as accessCodes from './0008_access_codes.js';
import * as domains from './0009_domains.js';
import * as oidc from './0010_oidc.js';
import * as imports from './0011_imports.js';
import * as importTokens from './0012_import_tokens.js';
import * as partialIndexes from './0013_partial_indexes.js';

/** Every migration in order; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_throttles': throttles,
  '0003_phone_accounts': phoneAccounts,
  '0004_audit_append_only': auditAppendOnly,
  '0005_security': security,
  '0006_integrations': integrations,
  '0007_one_outbox': oneOutbox,
  '0008_access_codes': accessCodes,
  '0009_domains': domains,
  '0010_oidc': oidc,
  '0011_imports': imports,
  '0012_import_tokens': importTokens,
  '0013_partial_indexes': partialIndexes,
};
