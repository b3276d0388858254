import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { type ActingContext, actingPersonId } from '../context.js';
import { newId, randomToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { uniqueViolation } from '../storage/db.js';
import { type Domain, txtRecordOf } from './domain.js';
import { parentDomains, parseDomainName } from './domain-name.js';
import { findVerifiedElsewhere, insertDomain } from './domains.store.js';
import { isPublicMailDomain } from './public-mail-domains.js';
import { verifiedElsewhere } from './refusals.js';

/**
 * 128 random bits as lower-case hex: nothing in it a DNS host's form or a person retyping it can
 * confuse (no case, no `-` or `_`). It is public once published; it only has to be unguessable
 * before, so nobody can pre-publish the record of a claim not yet made.
 */
const newToken = () => Buffer.from(randomToken(16), 'base64url').toString('hex');

/**
 * Adds a domain to the community, unverified, with the TXT record that will verify it (R26).
 * Refuses a name that is not a registrable-looking domain, a public mail provider's, one the
 * community already has, and one another community has verified (or a domain under it).
 */
export async function addDomain({
  deps,
  ctx,
  name: typed,
}: {
  deps: Deps;
  ctx: ActingContext;
  name: string;
}): Promise<Domain> {
  const name = parseDomainName(typed);
  if (isPublicMailDomain(name)) {
    throw new AppError(
      'domain_public_mail',
      `${name} belongs to a public email provider: anyone can get an address there, so no community can verify it. Add your organisation's own domain, such as the one in your work email addresses.`,
      { errors: [{ path: 'body.name', message: 'is a public email provider' }] },
    );
  }
  const taken = await findVerifiedElsewhere(deps.db, ctx.communityId, [name, ...parentDomains(name)]);
  if (taken) {
    await recordRefusal(deps.db, deps.clock, ctx, {
      type: AuditType.domainVerificationFailed,
      target: { id: null, label: name },
      details: { reason: 'verified_elsewhere', verifiedName: taken, stage: 'add' },
    });
    throw verifiedElsewhere(name, taken);
  }
  const now = deps.clock.now();
  const domain: Domain = {
    id: newId(now),
    communityId: ctx.communityId,
    name,
    token: newToken(),
    createdBy: actingPersonId(ctx.actor),
    createdAt: now.toISOString(),
    verifiedAt: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    failingSince: null,
  };
  try {
    await deps.db.transaction().execute(async (tx) => {
      await insertDomain(tx, domain);
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.domainAdded,
        target: { id: domain.id, label: name },
        details: { txtRecord: txtRecordOf(domain) },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
    throw new AppError(
      'domain_exists',
      `${name} is already in this community's domains. Open it in the list to see its record and verify it.`,
    );
  }
  return domain;
}
