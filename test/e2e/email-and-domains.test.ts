import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDns, startFakeDns } from '../fakes/dns.js';
import {
  browserAvailable,
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningMuster,
  screenshotBoth,
  setUpCommunity,
  startMuster,
} from './browser.js';

// Email accounts (R20) and verified domains (R26) in a real browser against the real server: an
// office worker added by email claims from the emailed link on a 360 px phone, later resets a
// forgotten password with an emailed link; the admin verifies the company's domain against a
// DNS server on 127.0.0.1. Emails go to the development inbox, as on the embedded default.
const run = browserAvailable();
const ADMIN_PASSWORD = 'tea break at eleven';
const DOMAIN = 'acme-foods.co.uk';

describe.runIf(run)('email accounts and domains in Chromium (R20, R26)', () => {
  let dns: FakeDns;
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
    dns = await startFakeDns();
    muster = await startMuster({ MUSTER_DNS_SERVERS: dns.servers });
    browser = await launchBrowser();
    admin = await browser.newContext({ viewport: DESKTOP, baseURL: muster.url });
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
    await dns?.close();
  });

  /** Opens the newest email in the development inbox that mentions `subject`, and follows its link. */
  async function followEmailLink(page: Page, subject: string) {
    const email = page.locator('.inbox li').filter({ hasText: subject }).first();
    await expect
      .poll(
        async () => {
          await page.goto('/dev/sms');
          return email.count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    await email.getByRole('link').click();
  }

  it('sets up the community', async () => {
    await setUpCommunity(adminPage, muster.setupLink, ADMIN_PASSWORD);
  });

  it('adds an office worker by email, saying the invitation goes by email (R20)', async () => {
    await adminPage.goto('/people/new');
    await adminPage.getByLabel('Access method').selectOption('email');
    await adminPage.getByText('They get an email with a link to choose their password.').waitFor();
    await adminPage.getByLabel('Email address').fill('olu.office@acme-foods.co.uk');
    await adminPage.getByLabel('First name').fill('Olu');
    await adminPage.getByLabel('Last name').fill('Office');
    await adminPage.getByRole('button', { name: 'Send invitation by email' }).click();
    await adminPage.getByText('an invitation email is on its way').waitFor();
  });

  it('lets the worker claim from the emailed link on a 360 px phone', async () => {
    await followEmailLink(workerPage, 'invited you to Muster');
    await workerPage.getByRole('heading', { name: 'Welcome to Acme Foods' }).waitFor();
    await workerPage.getByText(/o•+@acme-foods\.co\.uk/).waitFor();
    await workerPage.getByLabel('New password').fill('orchard lantern 58');
    await shot(workerPage, 'claim-email', [PHONE]);
    await workerPage.getByRole('button', { name: 'Set password and continue' }).click();
    await workerPage.getByText('choose “Forgot password” to get a link by email').waitFor();
  });

  it('resets a forgotten password with an emailed link (R20)', async () => {
    await workerPage.goto('/me/security');
    await workerPage.getByRole('button', { name: 'Menu' }).click();
    await workerPage.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await workerPage.getByRole('link', { name: 'Forgot your password?' }).click();
    await workerPage.getByRole('button', { name: 'I sign in with an email address' }).click();
    await workerPage.getByLabel('Email address').fill('olu.office@acme-foods.co.uk');
    await workerPage.getByRole('button', { name: 'Email me a link' }).click();
    await workerPage.getByText('an email with a link to choose a new password is on its way').waitFor();
    await shot(workerPage, 'forgot-email', [PHONE]);

    await followEmailLink(workerPage, 'Reset your Muster password');
    await workerPage.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await workerPage.getByLabel('New password').fill('harbour violet 73');
    await shot(workerPage, 'reset-email', [PHONE]);
    await workerPage.getByRole('button', { name: 'Save password and sign in' }).click();
    await workerPage.getByRole('heading', { name: 'Security and login' }).waitFor();

    // The link works once.
    await workerPage.goBack();
    await workerPage.getByText('already been used').waitFor();
  });

  it('verifies the company domain against DNS, showing the record to publish (R26)', async () => {
    await adminPage.goto('/domains');
    await adminPage.getByLabel('Domain name').fill(DOMAIN);
    await adminPage.getByRole('button', { name: 'Add domain' }).click();
    const record = await adminPage.getByLabel(`TXT record for ${DOMAIN}`).inputValue();
    expect(record).toMatch(/^muster-domain-verification=\S+$/);

    // Before the record is published, Verify says what it looked for.
    await adminPage.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await adminPage.getByText('muster-domain-verification', { exact: false }).first().waitFor();
    await shot(adminPage, 'domains-pending', [DESKTOP]);

    dns.setTxt(DOMAIN, 'v=spf1 -all', record);
    await adminPage.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await adminPage.getByText(`${DOMAIN} is verified.`).waitFor();
    await shot(adminPage, 'domains');
  });

  it('has no page errors and no serious accessibility problems (axe-core, WCAG 2.1 AA)', () => {
    expect(problems).toEqual([]);
    expect(accessibility).toEqual([]);
  });
});
