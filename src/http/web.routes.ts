import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from './api.js';
import { sendProblem } from './problem.js';

/** Where `vite build` puts the web app; the same path from src/ (tests) and dist/ (built). */
const WEB_DIR = resolve(fileURLToPath(new URL('../../dist/public/', import.meta.url)));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The page shell allows only our own scripts and styles and no framing; the claim and setup
 * pages carry secrets in their URL, so no referrer leaves the page, and no page is kept in any
 * cache (R37): a shared or back-button cache would keep the URL and its secret. The shell is the
 * same for every path, so all of them get it.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Muster</title>
<p>The web app has not been built. Run <code>npm run build</code> (or <code>npm install</code>), then reload.</p></html>`;

/** Serves the web app: hashed assets for a year, and the page shell for every app path. */
export function registerWebRoutes(api: Api) {
  const indexPath = join(WEB_DIR, 'index.html');
  const page = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : NOT_BUILT;

  api.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = resolve(WEB_DIR, 'assets', (request.params as { '*': string })['*']);
    if (!file.startsWith(`${WEB_DIR}${sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      return sendProblem(reply, 'not_found', 'There is no such file.');
    }
    return reply
      .type(TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(file));
  });

  api.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/scim/') || extname(path) !== '') {
      return sendProblem(
        reply,
        'not_found',
        `There is no GET ${path.startsWith('/api/') ? path : 'page'} here. See /api/v1/openapi.json.`,
      );
    }
    return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(page);
  });
}
