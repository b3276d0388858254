/**
 * The only operations anyone may call without signing in. An operation the API description shows
 * without `security` must be here, or the test fails: a route made public by mistake is caught.
 */
export const PUBLIC_OPERATIONS = new Set([
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/recover',
  'GET /api/v1/claim/{token}',
  'POST /api/v1/claim/{token}',
  'POST /api/v1/auth/forgot',
  'GET /api/v1/reset/{token}',
  'POST /api/v1/reset/{token}',
  'POST /api/v1/access-code/claim',
  // An app's sign-in in progress, found by an unguessable id only that browser has (R60).
  'GET /api/v1/oidc/interactions/{uid}',
]);
