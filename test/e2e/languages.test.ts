import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/second-factor/totp.js';
import {
  browserAvailable,
  launchBrowser,
  PHONE,
  type RunningMuster,
  screenshotBoth,
  startMuster,
} from './browser.js';

// The pages in the worker's language (R61), in a real browser against the real server: an Arabic
// worker's claim link opens right to left on a 360 px phone; a Spanish speaker picks Español on the
// sign-in page and the choice is remembered; a Polish browser gets Polish without asking.
const run = browserAvailable();
const PASSWORD = 'tea break at eleven';

describe.runIf(run)('the pages in the worker’s language (R61)', () => {
  let muster: RunningMuster;
  let browser: Browser;
  let claimLink = '';
  const problems: string[] = [];
  const accessibility: string[] = [];

  beforeAll(async () => {
    muster = await startMuster();
    browser = await launchBrowser();
    claimLink = await inviteArabicWorker();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await muster?.stop();
  });

  /** A worker's phone, its browser set to `locale`. */
  async function phone(locale: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      baseURL: muster.url,
      isMobile: true,
      hasTouch: true,
      locale,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    return page;
  }

  /**
   * The admin's part, through the API the admin panel uses (the story test walks it in the
   * browser): set up, enrol an authenticator, turn on mobile profiles, add a worker whose language
   * is Arabic, and read the claim link from the development inbox.
   */
  async function inviteArabicWorker(): Promise<string> {
    const context = await browser.newContext({ baseURL: muster.url });
    const api = context.request;
    const token = new URL(muster.setupLink).searchParams.get('token');
    await ok(api, 'POST', '/api/v1/setup', {
      token,
      community: { name: 'Acme Foods', slug: 'acme', timeZone: 'Asia/Dubai', defaultCountry: 'AE' },
      admin: { displayName: 'Ada Admin', email: 'ada@acme.test', password: PASSWORD },
    });
    let csrf = (
      await ok(api, 'POST', '/api/v1/auth/login', { identifier: 'ada@acme.test', password: PASSWORD })
    ).csrfToken;
    const started = await ok(api, 'POST', '/api/v1/me/totp', { password: PASSWORD }, csrf);
    csrf = started.csrfToken;
    const code = totpCode(started.secret, totpStep(new Date()));
    await ok(api, 'POST', '/api/v1/me/totp/confirm', { code }, csrf);
    await ok(api, 'PATCH', '/api/v1/settings', { phoneProfilesEnabled: true }, csrf);
    await ok(
      api,
      'POST',
      '/api/v1/people',
      { phone: '+971501234567', givenName: 'Omar', familyName: 'Haddad', locale: 'ar' },
      csrf,
    );
    // The dispatcher sends the invitation within moments; the inbox is read until it is there.
    let link = '';
    for (let tries = 0; tries < 150 && !link; tries++) {
      const inbox: { items: { to: string; body: string }[] } = await ok(api, 'GET', '/api/v1/dev/sms');
      const body = inbox.items.find((sms) => sms.to === '+971501234567')?.body ?? '';
      link = body.match(/https?:\/\/\S+\/claim\/[A-Za-z0-9_-]+/)?.[0] ?? '';
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!link) throw new Error(`No invitation reached the development inbox:\n${muster.output()}`);
    await context.close();
    return link;
  }

  it("opens an Arabic worker's claim link in Arabic, right to left, on a 360 px phone", async () => {
    // The browser says English: the link knows whose it is, and their language is Arabic.
    const page = await phone('en-US');
    await page.goto(claimLink);
    await page.getByRole('heading', { name: 'مرحبًا بك في Acme Foods' }).waitFor();
    expect(await languageOf(page)).toEqual(['ar', 'rtl']);
    expect(await page.getByLabel('اللغة').inputValue()).toBe('ar');
    // The masked number reads left to right inside the Arabic sentence.
    expect(await page.locator('main p').first().textContent()).toContain('\u2066+971 •••••4567\u2069');

    // Mirrored: the brand at the start (right), the language picker at the end (left), no sideways scroll.
    const brand = await page.locator('.brand').boundingBox();
    const picker = await page.locator('.language-picker').boundingBox();
    expect(brand && picker && brand.x > picker.x).toBe(true);
    // A field's label starts at the right edge and leaves the left free.
    const label = await page.locator('label', { hasText: 'كلمة المرور الجديدة' }).evaluate((element) => {
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    });
    expect(label.right).toBeGreaterThan(PHONE.width - 24);
    expect(label.left).toBeGreaterThan(PHONE.width / 3);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    await page.getByLabel('كلمة المرور الجديدة').fill('short');
    await page.getByText('5 من 8 أحرف على الأقل').waitFor();
    await page.getByLabel('كلمة المرور الجديدة').fill('first shift at dawn');
    accessibility.push(...(await screenshotBoth(page, 'claim-ar', [PHONE])));
    await page.getByRole('button', { name: 'تعيين كلمة المرور والمتابعة' }).click();
    await page.getByText('تم تفعيل حسابك.').waitFor();
    await page.context().close();
  });

  it('lets a worker choose Español on the sign-in page by keyboard, and remembers it', async () => {
    const page = await phone('en-US');
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Reachable by keyboard: one Shift+Tab back from the sign-in form, which has the focus.
    const picker = page.getByLabel('Language');
    for (let i = 0; i < 5 && !(await picker.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
      await page.keyboard.press('Shift+Tab');
    expect(await picker.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await picker.locator('option').allTextContents()).toEqual([
      'English',
      'Español',
      'Português (Brasil)',
      'Français',
      'Deutsch',
      'Polski',
      'Tagalog',
      'العربية',
    ]);
    await picker.selectOption({ label: 'Español' });
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await languageOf(page)).toEqual(['es', 'ltr']);
    expect(await page.evaluate("localStorage.getItem('muster.locale')")).toBe('es');
    await page.getByLabel('Correo electrónico o número de celular').fill('+971 50 123 4567');

    // Remembered: a new visit opens in Spanish, and so does the next page.
    await page.reload();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    accessibility.push(...(await screenshotBoth(page, 'login-es', [PHONE])));
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await page.getByRole('heading', { name: 'Restablecer tu contraseña' }).waitFor();
    await page.context().close();
  });

  it("follows the browser's language when nothing else says which", async () => {
    const page = await phone('pl-PL');
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    expect(await languageOf(page)).toEqual(['pl', 'ltr']);
    await page.context().close();
  });

  it('has no page errors and no serious accessibility problems (axe-core, WCAG 2.1 AA)', () => {
    expect(problems).toEqual([]);
    expect(accessibility).toEqual([]);
  });
});

/** The page's `lang` and `dir`, as set on <html>. */
async function languageOf(page: Page): Promise<(string | null)[]> {
  const html = page.locator('html');
  return [await html.getAttribute('lang'), await html.getAttribute('dir')];
}

/** One API call that must succeed; answers its JSON. */
async function ok(
  api: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  data?: unknown,
  csrf?: string,
  // biome-ignore lint/suspicious/noExplicitAny: the test reads a few fields of several answers
): Promise<any> {
  const response = await api.fetch(path, {
    method,
    ...(data === undefined ? {} : { data }),
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}
