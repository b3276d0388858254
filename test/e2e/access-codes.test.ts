import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/second-factor/totp.js';
import {
  browserAvailable,
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningMuster,
  screenshotBoth,
  startMuster,
} from './browser.js';

// Access-code accounts (R21) in a real browser against the real server, with no hand-made API
// call: access codes on in Settings → a person added by employee ID only → their code made on
// their page → the worker redeems it on a 360 px phone, by keyboard, from the QR code's link →
// signs in with the username → the People list makes a printable sheet and its CSV.
const run = browserAvailable();

const CODE = /^[A-HJKMNP-TV-Z]{4}(-[A-HJKMNP-TV-Z]{4}){3}$/;
const ADMIN_PASSWORD = 'tea break at eleven';

describe.runIf(run)('access codes in Chromium (R21)', () => {
  let muster: RunningMuster;
  let browser: Browser;
  let admin: BrowserContext;
  let worker: BrowserContext;
  let adminPage: Page;
  let workerPage: Page;
  const problems: string[] = [];
  const accessibility: string[] = [];
  const shot = async (page: Page, name: string, sizes?: (typeof PHONE)[]) => {
    accessibility.push(...(await screenshotBoth(page, name, sizes)));
  };

  beforeAll(async () => {
    muster = await startMuster();
    browser = await launchBrowser();
    admin = await browser.newContext({ viewport: DESKTOP, baseURL: muster.url, acceptDownloads: true });
    worker = await browser.newContext({
      viewport: PHONE,
      baseURL: muster.url,
      isMobile: true,
      hasTouch: true,
    });
    adminPage = await admin.newPage();
    workerPage = await worker.newPage();
    for (const page of [adminPage, workerPage]) {
      page.setDefaultTimeout(10_000);
      page.on('dialog', (dialog) => dialog.accept());
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
          problems.push(`console: ${message.text()}`);
      });
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await muster?.stop();
  });

  /** Adds a person by employee ID only, on the Add person page. */
  async function addByEmployeeId(employeeId: string, given: string, family: string) {
    await adminPage.goto('/people/new');
    await adminPage.getByLabel('Access method').selectOption('employeeId');
    await adminPage.getByLabel(/^Employee ID/).fill(employeeId);
    await adminPage.getByLabel('First name').fill(given);
    await adminPage.getByLabel('Last name').fill(family);
    await adminPage.getByRole('button', { name: 'Add person' }).click();
    await adminPage
      .getByText(`${given} ${family} was added. Open their page to make their access code`)
      .waitFor();
  }

  it('sets up the community, with two-step sign-in for the admin', async () => {
    await adminPage.goto(muster.setupLink);
    await adminPage.getByLabel('Company or community name').fill('Acme Foods');
    await adminPage.getByLabel('Short name').fill('acme');
    await adminPage.getByLabel('Time zone').fill('Europe/London');
    await adminPage.getByLabel('Country of most mobile numbers').fill('GB');
    await adminPage.getByLabel('Your name').fill('Ada Admin');
    await adminPage.getByLabel('Your email address').fill('ada@acme.test');
    await adminPage.getByLabel('Choose a password').fill(ADMIN_PASSWORD);
    await adminPage.getByRole('button', { name: 'Create community' }).click();
    await adminPage.getByRole('link', { name: 'Sign in' }).click();
    await adminPage.getByLabel('Email or mobile number').fill('ada@acme.test');
    await adminPage.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByLabel('Your password').fill(ADMIN_PASSWORD);
    await adminPage.getByRole('button', { name: 'Set up authenticator' }).click();
    const secret = ((await adminPage.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
    await adminPage.getByLabel('Code from the app').fill(totpCode(secret, totpStep(new Date())));
    await adminPage.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await adminPage.getByRole('button', { name: 'I have saved them' }).click();
    await adminPage.getByRole('heading', { name: 'People' }).waitFor();
  });

  it('offers employee-ID-only people honestly: refused while access codes are off, added once on', async () => {
    await adminPage.goto('/people/new');
    await adminPage.getByLabel('Access method').selectOption('employeeId');
    await adminPage.getByText('needs Profile creation with access codes, which is turned off').waitFor();
    expect(await adminPage.getByRole('button', { name: 'Add person' }).isDisabled()).toBe(true);

    await adminPage.getByRole('link', { name: 'Settings' }).click();
    await adminPage.getByLabel('Profile creation with access codes').check();
    await adminPage.getByRole('button', { name: 'Save' }).click();
    await adminPage.getByText('Saved.').waitFor();

    await adminPage.goto('/people/new');
    await adminPage.getByLabel('Access method').selectOption('employeeId');
    await adminPage.getByText('For someone with neither email nor phone').waitFor();
    await shot(adminPage, 'add-person-employee-id');
    await addByEmployeeId('E-2001', 'Rosa', 'Diaz');
  });

  let code = '';

  it('makes the person’s access code on their page, shown once', async () => {
    await adminPage.getByRole('link', { name: 'Rosa Diaz' }).click();
    await adminPage.getByRole('heading', { name: 'Access code' }).waitFor();
    await adminPage.getByText('No access code made yet.').waitFor();
    await adminPage.getByRole('button', { name: 'Get access code' }).click();
    await adminPage.getByText('It is shown only once').waitFor();
    code = await adminPage.getByTestId('access-code').inputValue();
    expect(code).toMatch(CODE);
    await adminPage.getByText(`${muster.url}/access-code`).first().waitFor();
    await shot(adminPage, 'person-access-code');
    await adminPage.reload();
    await adminPage.getByText('An access code is ready to use until').waitFor();
    expect(await adminPage.content()).not.toContain(code);
  });

  it('lets the worker redeem it on a 360 px phone by keyboard, from the QR code’s link', async () => {
    await workerPage.goto(`/access-code?code=${code.replaceAll('-', '')}`);
    await workerPage.getByRole('heading', { name: 'Join with an access code' }).waitFor();
    await expect.poll(() => workerPage.url()).toBe(`${muster.url}/access-code`); // the code leaves the address bar
    expect(await workerPage.getByLabel(/^Access code/).inputValue()).toBe(code.replaceAll('-', ''));
    // From the code field on, everything is typed and sent from the keyboard.
    await workerPage.getByLabel(/^Access code/).focus();
    await workerPage.keyboard.press('Tab');
    await workerPage.keyboard.type('Rosa.D');
    await workerPage.keyboard.press('Tab');
    await workerPage.keyboard.type('first shift at dawn');
    await shot(workerPage, 'access-code', [PHONE]);
    await workerPage.keyboard.press('Enter');
    await workerPage.getByText('You are in. Your username is rosa.d').waitFor();
    await workerPage.getByRole('button', { name: 'Continue to your account' }).click();
    await workerPage.getByRole('heading', { name: 'Security and login' }).waitFor();
    // Nothing is wider than the phone's screen (a string: the page's globals are not this file's).
    const overflow = await workerPage.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
  });

  it('says a used code was used, and the username signs in on the sign-in page', async () => {
    await workerPage.getByRole('button', { name: 'Menu' }).click();
    await workerPage.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await workerPage.getByRole('link', { name: 'Use your access code' }).click();
    await workerPage.getByLabel(/^Access code/).fill(code.toLowerCase());
    await workerPage.getByLabel('Username', { exact: true }).fill('someone.else');
    await workerPage.getByLabel(/^Password/).fill('another shift at dusk');
    await workerPage.getByRole('button', { name: 'Continue' }).click();
    await workerPage.getByText('This access code has already been used').waitFor();
    await workerPage.goto('/login');
    await workerPage.getByLabel('Email or mobile number').fill('ROSA.D');
    await workerPage.getByLabel(/^Password/).fill('first shift at dawn');
    await workerPage.getByRole('button', { name: 'Sign in' }).click();
    await workerPage.getByRole('heading', { name: 'Security and login' }).waitFor();
  });

  it('prints a sheet of codes from the People list, one card per person with a QR code, and its CSV', async () => {
    await addByEmployeeId('E-2002', 'Kai', 'Nguyen');
    await addByEmployeeId('=cmd|calc', 'Lee', 'Formula');
    await adminPage.goto('/people');
    await adminPage.getByLabel('Login').selectOption('username');
    await adminPage.getByRole('link', { name: 'Kai Nguyen' }).waitFor();
    await adminPage.getByLabel('Select all on this page').check();
    await adminPage.getByRole('button', { name: 'Get access codes' }).click();
    await adminPage.getByRole('heading', { name: 'Access codes' }).waitFor();
    const cards = adminPage.locator('.code-card');
    await expect.poll(() => cards.count()).toBe(3);
    await expect.poll(() => adminPage.getByRole('img', { name: /QR code/ }).count()).toBe(3);
    const rosa = cards.filter({ hasText: 'Rosa Diaz' });
    await rosa.getByText('Username: rosa.d').waitFor();
    await rosa.getByText('choose a new password').waitFor();
    await cards.filter({ hasText: 'Kai Nguyen' }).getByText('Employee ID: E-2002').waitFor();
    const codes = await adminPage.locator('.code-card-code').allTextContents();
    for (const each of codes) expect(each).toMatch(CODE);
    await shot(adminPage, 'access-code-sheet');

    const [download] = await Promise.all([
      adminPage.waitForEvent('download'),
      adminPage.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Username,Employee Id,Access Code,Expires');
    expect(lines).toHaveLength(4);
    expect(csv).toContain("'=cmd|calc");
    for (const each of codes) expect(csv).toContain(each);

    await adminPage.emulateMedia({ media: 'print' });
    expect(await adminPage.locator('header.top').isVisible()).toBe(false);
    expect(await adminPage.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await cards.first().isVisible()).toBe(true);
    await adminPage.emulateMedia({ media: 'screen' });

    // The codes lived only on that page: coming back finds none.
    await adminPage.goto('/people/access-codes');
    await adminPage.getByText('There are no codes to show').waitFor();
  });

  it('met no page error, no CSP violation and no serious accessibility problem', () => {
    expect(problems).toEqual([]);
    expect(accessibility).toEqual([]);
  });
});
