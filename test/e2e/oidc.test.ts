import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/second-factor/totp.js';
import { authorizationRequest, Browser, discover } from '../oidc-support.js';
import {
  browserAvailable,
  launchBrowser,
  PHONE,
  type RunningMuster,
  screenshotBoth,
  startMuster,
} from './browser.js';

// Sign in with Muster (R60) in Chromium on a 360 px phone, by keyboard: an app sends the worker to
// Muster's sign-in page, then (for a third-party app) to the consent page; both pass axe.
const run = browserAvailable();

const ADMIN_PASSWORD = 'tea break at eleven';
const WORKER_PASSWORD = 'first shift at dawn';
const PHONE_NUMBER = '+447400900123';
/** The app: a real server on this machine, where the browser comes back with a code. */
async function startApp() {
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<title>The app</title><p>Back in the app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    callback: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The API, as the admin panel would call it: a cookie jar and the CSRF token from sign-in. */
class AdminApi {
  private csrf = '';
  constructor(readonly http: Browser) {}
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.http.fetch(path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    const data = text ? (JSON.parse(text) as T & { csrfToken?: string }) : ({} as T & { csrfToken?: string });
    if (data.csrfToken) this.csrf = data.csrfToken;
    return data;
  }
}

/** A community with an enrolled admin, mobile-number profiles on, and a worker who claimed their account. */
async function prepare(muster: RunningMuster, callback: string) {
  const api = new AdminApi(new Browser(muster.url));
  await api.call('POST', '/api/v1/setup', {
    token: new URL(muster.setupLink).searchParams.get('token'),
    community: { name: 'Acme Foods', slug: 'acme', timeZone: 'Europe/London', defaultCountry: 'GB' },
    admin: { displayName: 'Ada Admin', email: 'ada@acme.test', password: ADMIN_PASSWORD },
  });
  await api.call('POST', '/api/v1/auth/login', { identifier: 'ada@acme.test', password: ADMIN_PASSWORD });
  const { secret } = await api.call<{ secret: string }>('POST', '/api/v1/me/totp', {
    password: ADMIN_PASSWORD,
  });
  await api.call('POST', '/api/v1/me/totp/confirm', { code: totpCode(secret, totpStep(new Date())) });
  await api.call('PATCH', '/api/v1/settings', { phoneProfilesEnabled: true });
  await api.call('POST', '/api/v1/people', { phone: PHONE_NUMBER, displayName: 'Sam Okafor' });
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    token = muster.output().match(/\/claim\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Browser(muster.url).fetch(`/api/v1/claim/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: WORKER_PASSWORD }),
  });
  const firstParty = await api.call<{ clientId: string }>('POST', '/api/v1/oidc/clients', {
    name: 'Intranet',
    redirectUris: [callback],
    firstParty: true,
    public: true,
  });
  const thirdParty = await api.call<{ clientId: string }>('POST', '/api/v1/oidc/clients', {
    name: 'Rota planner',
    redirectUris: [callback],
    public: true,
  });
  return {
    firstParty: firstParty.clientId,
    thirdParty: thirdParty.clientId,
    adminSession: api.http.cookie('muster_session') ?? '',
  };
}

describe.runIf(run)('Sign in with Muster in Chromium at 360 px (R60)', () => {
  let muster: RunningMuster;
  let chromium: Chromium;
  let context: BrowserContext;
  let page: Page;
  let apps: { firstParty: string; thirdParty: string; adminSession: string };
  let app: Awaited<ReturnType<typeof startApp>>;
  const problems: string[] = [];
  const accessibility: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    muster = await startMuster();
    apps = await prepare(muster, app.callback);
    chromium = await launchBrowser();
    context = await chromium.newContext({
      viewport: PHONE,
      baseURL: muster.url,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await muster?.stop();
    await app?.close();
  });

  const issuer = () => new URL(`${muster.url}/oidc`);

  it('signs the worker in to a first-party app on Muster’s own page, by keyboard, with no consent', async () => {
    const request = await authorizationRequest(
      await discover(issuer(), apps.firstParty),
      'openid profile phone',
      { redirect_uri: app.callback },
    );
    await page.goto(request.url.toString());
    await page.waitForURL(/\/oidc-login\//);
    await page.getByRole('heading', { name: 'Sign in to Intranet' }).waitFor();
    accessibility.push(...(await screenshotBoth(page, 'oidc-login', [PHONE])));
    // The page's heading has the focus (screen readers announce the page); then Tab, type, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.type(PHONE_NUMBER);
    await page.keyboard.press('Tab');
    await page.keyboard.type(WORKER_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.startsWith(app.callback));
    const back = new URL(page.url());
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe(request.checks.expectedState);
  });

  it('asks before a third-party app gets anything, in plain words, and goes on with Allow', async () => {
    const request = await authorizationRequest(
      await discover(issuer(), apps.thirdParty),
      'openid profile phone muster',
      { redirect_uri: app.callback },
    );
    await page.goto(request.url.toString());
    await page.waitForURL(/\/oidc-consent\//);
    await page.getByRole('heading', { name: 'Allow Rota planner?' }).waitFor();
    await page.getByText('See your mobile number').waitFor();
    accessibility.push(...(await screenshotBoth(page, 'oidc-consent', [PHONE])));
    await page.getByRole('button', { name: 'Allow', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.startsWith(app.callback));
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
  });

  it('says so plainly when a sign-in has expired', async () => {
    await page.goto('/oidc-login/no-such-sign-in?problem=expired');
    await page.getByRole('heading', { name: 'This sign-in has expired' }).waitFor();
    accessibility.push(...(await screenshotBoth(page, 'oidc-expired', [PHONE])));
  });

  it('lets a system admin register an app on the Apps page, by keyboard, and shows its secret once', async () => {
    const admin = await chromium.newContext({ viewport: PHONE, baseURL: muster.url, isMobile: true });
    await admin.addCookies([{ name: 'muster_session', value: apps.adminSession, url: muster.url }]);
    const adminPage = await admin.newPage();
    adminPage.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await adminPage.goto('/apps');
    await adminPage.getByRole('heading', { name: 'Apps', exact: true }).waitFor();
    await adminPage.getByText('Rota planner').waitFor();
    accessibility.push(...(await screenshotBoth(adminPage, 'oidc-apps', [PHONE])));
    await adminPage.getByLabel(/^Name/).focus();
    await adminPage.keyboard.type('Payroll');
    await adminPage.keyboard.press('Tab');
    await adminPage.keyboard.type('https://payroll.example/callback');
    await adminPage.getByRole('button', { name: 'Register app' }).focus();
    await adminPage.keyboard.press('Enter');
    await adminPage.getByRole('heading', { name: 'Payroll: copy these now' }).waitFor();
    expect(await adminPage.getByTestId('client-secret').inputValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    accessibility.push(...(await screenshotBoth(adminPage, 'oidc-app-registered', [PHONE])));
    await adminPage.getByRole('button', { name: 'Done' }).click();
    await adminPage.getByRole('heading', { name: 'Payroll' }).waitFor();
    expect(await adminPage.getByTestId('client-secret').count()).toBe(0);
    await admin.close();
  });

  it('met no accessibility problem and no script error', () => {
    expect(accessibility).toEqual([]);
    expect(problems).toEqual([]);
  });
});
