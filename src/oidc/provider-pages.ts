import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * The few pages the provider library draws itself: the sign-out question of RP-initiated logout,
 * its "signed out" answer, and errors an app's request can meet before Muster's pages are reached.
 * Plain HTML, readable at 360 px, every control a real button (keyboard, screen readers).
 * Signing in and consent are Muster's own web pages (web/src/pages/oidc-*.tsx).
 */

const escapeHtml = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1e21;background:#f4f5f7}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #ccd0d5;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 1rem}button{display:block;width:100%;min-height:44px;margin:0 0 .75rem;font:inherit;border-radius:6px;cursor:pointer}
.primary{background:#0b57d0;color:#fff;border:0}.secondary{background:#fff;color:#0b57d0;border:1px solid #0b57d0}
button:focus-visible{outline:3px solid #1c1e21;outline-offset:2px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Muster</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function appName(ctx: KoaContextWithOIDC): string | null {
  const client = ctx.oidc?.client;
  return client ? String(client.clientName ?? client.clientId) : null;
}

/** RP-initiated logout: also sign out of Muster on this device, or only of the app. */
export async function logoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const app = appName(ctx);
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    `<h1>Sign out</h1>
<p>${app ? `You are signing out of ${escapeHtml(app)}. ` : ''}Sign out of Muster and every app on this device as well?</p>
${form}
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out everywhere</button>
<button class="secondary" type="submit" form="op.logoutForm">No, only this app</button>`,
  );
}

export async function signedOutPage(ctx: KoaContextWithOIDC): Promise<void> {
  const app = appName(ctx);
  ctx.type = 'html';
  ctx.body = page(
    'Signed out',
    `<h1>You are signed out</h1><p>${app ? `You signed out of ${escapeHtml(app)}. ` : ''}You can close this page.</p>`,
  );
}

/** An app's request Muster cannot carry out (an unknown app, a redirect URI it never registered…). */
export async function renderErrorPage(
  ctx: KoaContextWithOIDC,
  out: { error?: string; error_description?: string },
): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    'Sign-in problem',
    `<h1>This sign-in did not work</h1>
<p>${escapeHtml(out.error_description ?? out.error ?? 'The app sent a request Muster cannot carry out.')}</p>
<p>Go back to the app and try again. If it keeps happening, tell your administrator; the app may need its settings in Muster (Admin → Apps) corrected.</p>
<p><small>Code: ${escapeHtml(out.error ?? 'unknown')}</small></p>`,
  );
}
