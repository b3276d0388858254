import type { Deps } from '../deps.js';
import { messageLocale } from '../locales.js';
import { maskEmail } from '../mail/mask.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { loadResetLink, resetLinkProblem } from './reset-link.js';

/** What the reset page shows. A GET changes nothing: mail scanners open links too. */
export async function inspectResetLink({ deps, token }: { deps: Deps; token: string }) {
  const link = await loadResetLink(deps.db, token);
  const problem = resetLinkProblem(link, deps.clock.now().toISOString());
  if (problem || !link.person || !link.community || !link.token) throw problem;
  return {
    community: link.community.name,
    displayName: link.person.displayName,
    maskedEmail: link.person.email ? maskEmail(link.person.email) : null,
    passwordMinLength: link.community.settings.passwordMinLength,
    secondFactorRequired: secondFactorStatus(link.person, link.community) !== 'not_required',
    expiresAt: link.token.expiresAt,
    locale: messageLocale(link.person.locale, link.community.defaultLocale),
  };
}
