import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { totpCode, totpStep } from '../../src/second-factor/totp.js';
import { freePort } from '../processes.js';

const CHROMIUM = process.env.MUSTER_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Screenshots land in docs/screenshots/ (shown in the README) when MUSTER_UPDATE_SCREENSHOTS=1;
 * otherwise in a temporary folder, so an ordinary test run leaves the work tree clean.
 */
const SCREENSHOTS = process.env.MUSTER_UPDATE_SCREENSHOTS
  ? new URL('../../docs/screenshots/', import.meta.url)
  : pathToFileURL(`${mkdtempSync(join(tmpdir(), 'muster-screenshots-'))}/`);

/** Whether the browser suite can run here; under CI it must (a missing browser fails the run). */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing; .ci/run installs it.`);
  process.stdout.write(`Browser suite: SKIPPED (no ${CHROMIUM}; apt-get install chromium)\n`);
  return false;
}

export interface RunningMuster {
  url: string;
  setupLink: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the real server, as `npm start` does, on a fresh SQLite database and a free port; `env`
 * adds settings (a local DNS server, say).
 */
export async function startMuster(env: Record<string, string> = {}): Promise<RunningMuster> {
  if (!existsSync(new URL('../../dist/public/index.html', import.meta.url))) {
    throw new Error('The web app is not built: run `npm run build` (npm test does it first).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'muster-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/muster.js', 'serve'], {
    cwd: new URL('../../', import.meta.url),
    env: {
      ...process.env,
      MUSTER_DATABASE_URL: `sqlite:${join(dir, 'muster.db')}`,
      PORT: String(port),
      MUSTER_HOST: '127.0.0.1',
      MUSTER_PUBLIC_URL: url,
      MUSTER_LOG_LEVEL: 'warn',
      MUSTER_SMS_PROVIDER: 'console',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const setupLink = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`Muster did not print a setup link:\n${output}`)),
      20_000,
    );
    const check = setInterval(() => {
      const found = output.match(/https?:\/\/\S+\/setup\?token=\S+/)?.[0];
      if (found) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve(found);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(deadline);
      reject(new Error(`Muster exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    setupLink,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/**
 * Saves the page at 1280 px and at 360 px wide (or only the widths given), as
 * docs/screenshots/NAME-1280.png and -360.png, and checks each width for accessibility problems,
 * which it returns.
 */
export async function screenshotBoth(
  page: Page,
  name: string,
  sizes: readonly { width: number; height: number }[] = [DESKTOP, PHONE],
): Promise<string[]> {
  const original = page.viewportSize() ?? DESKTOP;
  const problems: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    await page.screenshot({
      path: new URL(`${name}-${size.width}.png`, SCREENSHOTS).pathname,
      fullPage: true,
    });
    problems.push(...(await accessibilityProblems(page, `${name} at ${size.width} px`)));
  }
  await page.setViewportSize(original);
  return problems;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Accessibility problems axe-core finds on the page that are serious or critical (WCAG 2.1 AA). */
async function accessibilityProblems(page: Page, name: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy allows.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.impact}) at ${v.targets.slice(0, 3).join(', ')}`);
}

/**
 * Sets the community up from the printed link, as its first admin does in the browser: the setup
 * page, sign-in, and two-step sign-in (R40). Leaves the admin signed in on People.
 */
export async function setUpCommunity(page: Page, setupLink: string, password: string): Promise<void> {
  await page.goto(setupLink);
  await page.getByLabel('Company or community name').fill('Acme Foods');
  await page.getByLabel('Short name').fill('acme');
  await page.getByLabel('Time zone').fill('Europe/London');
  await page.getByLabel('Country of most mobile numbers').fill('GB');
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Your email address').fill('ada@acme.test');
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Create community' }).click();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email or mobile number').fill('ada@acme.test');
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Set up authenticator' }).click();
  const secret = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Code from the app').fill(totpCode(secret, totpStep(new Date())));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
}
