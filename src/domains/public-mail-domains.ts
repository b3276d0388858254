/**
 * Public mail providers: anyone can get an address there, so an address there says nothing about
 * a person's employer, and no community may verify the domain (R26). Verifying one would also let
 * a community refuse everyone else's invitations to those addresses.
 *
 * The list is the consumer providers with the most users in the markets Muster's languages serve
 * (English, Spanish, Portuguese, French, German, Polish, Tagalog, Arabic), plus the big internet
 * providers whose customers use their address as a personal one. Names under a listed domain
 * (`mail.yahoo.com`) are refused too. It does not need to be complete: a provider missing here
 * still cannot be verified by anyone but its owner, who controls its DNS.
 */
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Apple, Yahoo, AOL
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.es',
  'outlook.fr',
  'outlook.de',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.es',
  'hotmail.fr',
  'hotmail.de',
  'hotmail.it',
  'live.com',
  'live.co.uk',
  'live.fr',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.es',
  'yahoo.fr',
  'yahoo.de',
  'yahoo.com.br',
  'yahoo.com.mx',
  'yahoo.com.ph',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  // Privacy-minded and independent providers
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'mail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  // France, Spain, Italy
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'libero.it',
  'telefonica.net',
  // Poland
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  // Brazil and Latin America
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'ig.com.br',
  // Asia and the Middle East
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'rediffmail.com',
  // Internet providers' addresses (United States, United Kingdom, Canada, Australia)
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'shaw.ca',
  'rogers.com',
  'bigpond.com',
]);

/** True for a public mail provider's domain, or a name under one. */
export function isPublicMailDomain(name: string): boolean {
  const labels = name.split('.');
  return labels.some((_, i) => PUBLIC_MAIL_DOMAINS.has(labels.slice(i).join('.')));
}
