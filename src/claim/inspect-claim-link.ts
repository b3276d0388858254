import type { Deps } from '../deps.js';
import { messageLocale } from '../locales.js';
import { maskEmail } from '../mail/mask.js';
import { maskPhone } from '../phone/phone.js';
import { claimLinkProblem, loadClaimLink } from './claim-link.js';

/** What the claim page shows. A GET changes nothing: link-preview bots fetch links (R7). */
export async function inspectClaimLink({ deps, token }: { deps: Deps; token: string }) {
  const link = await loadClaimLink(deps.db, token);
  const problem = claimLinkProblem(link, deps.clock.now().toISOString());
  if (problem || !link.person || !link.community || !link.token) throw problem;
  return {
    community: link.community.name,
    displayName: link.person.displayName,
    maskedPhone: link.person.phone ? maskPhone(link.person.phone) : null,
    maskedEmail: link.person.email ? maskEmail(link.person.email) : null,
    passwordMinLength: link.community.settings.passwordMinLength,
    expiresAt: link.token.expiresAt,
    locale: messageLocale(link.person.locale, link.community.defaultLocale),
  };
}
