/**
 * The first-run page behind the printed link. It is deliberately small and dependency-free;
 * the web app replaces it once it exists. The script is served from our origin so the page's
 * Content-Security-Policy can forbid inline code.
 */
export const SETUP_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Set up Muster</title>
<link rel="stylesheet" href="/setup.css">
</head>
<body>
<main>
<h1>Set up Muster</h1>
<p>Create your community and its first system admin. This link works once.</p>
<form id="setup" novalidate>
<fieldset><legend>Your community</legend>
<label for="name">Company or community name</label><input id="name" name="name" required autocomplete="organization">
<label for="slug">Short name (used in addresses)</label><input id="slug" name="slug" required pattern="[a-z0-9-]+" aria-describedby="slug-hint"><small id="slug-hint">Lowercase letters, digits and dashes, such as acme-foods.</small>
<label for="timeZone">Time zone</label><input id="timeZone" name="timeZone" required>
<label for="defaultCountry">Country of most mobile numbers (two letters)</label><input id="defaultCountry" name="defaultCountry" required maxlength="2" value="US">
</fieldset>
<fieldset><legend>You, the first system admin</legend>
<label for="displayName">Your name</label><input id="displayName" name="displayName" required autocomplete="name">
<label for="email">Your email address</label><input id="email" name="email" type="email" required autocomplete="email">
<label for="password">Choose a password (at least 8 characters)</label><input id="password" name="password" type="password" required minlength="8" autocomplete="new-password">
</fieldset>
<p id="message" role="status" aria-live="polite"></p>
<button type="submit">Create community</button>
</form>
</main>
<script src="/setup.js"></script>
</body>
</html>`;

export const SETUP_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1c1e21}
main{max-width:32rem;margin:0 auto;padding:1rem}
fieldset{border:1px solid #ccd0d5;border-radius:8px;margin:0 0 1rem;padding:1rem;background:#fff}
label{display:block;margin-top:.75rem;font-weight:600}
input{box-sizing:border-box;width:100%;padding:.6rem;font:inherit;border:1px solid #8d949e;border-radius:6px}
input:focus,button:focus{outline:3px solid #0b57d0;outline-offset:2px}
small{color:#4b4f56}
button{font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer}
#message{min-height:1.5em}
.error{color:#b3261e}
.ok{color:#146c2e}`;

export const SETUP_SCRIPT = `(() => {
  const form = document.getElementById('setup');
  const message = document.getElementById('message');
  const token = new URLSearchParams(location.search).get('token') || '';
  document.getElementById('timeZone').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  history.replaceState(null, '', '/setup');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = (id) => document.getElementById(id).value.trim();
    message.className = '';
    message.textContent = 'Creating your community…';
    const response = await fetch('/api/v1/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        community: { name: v('name'), slug: v('slug').toLowerCase(), timeZone: v('timeZone'), defaultCountry: v('defaultCountry').toUpperCase() },
        admin: { displayName: v('displayName'), email: v('email'), password: document.getElementById('password').value },
      }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      form.querySelector('button').disabled = true;
      message.className = 'ok';
      message.textContent = 'Your community is ready. Sign in with your email address and password.';
    } else {
      message.className = 'error';
      message.textContent = body.detail || 'Setup failed. Try again.';
    }
  });
})();`;
