/**
 * The provider library refuses to call private and loopback addresses (against server-side
 * request forgery), but intranet apps live there, and an app's back-channel logout URI is one a
 * system admin registered (R60). So a logout token may go to such an address; anything else the
 * library fetches keeps the protection.
 */
export function allowRegisteredPrivateAddresses(
  url: URL | string,
  options: RequestInit & { dispatcher?: unknown },
) {
  const isLogoutToken = options.body instanceof URLSearchParams && options.body.has('logout_token');
  if (isLogoutToken) options.dispatcher = undefined;
  return globalThis.fetch(url, options);
}
