import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../setup/chromium';
import { startServer } from '../setup/server';

/**
 * The web app against the real API: sign in, use the people directory, sign out; and a refused sign-in.
 * Needs the web build (`npm run build:web`): the API serves apps/web/dist.
 */

const CHROMIUM = findChromium();
const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';
const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const HR = { email: 'hr@meridian.example', password: 'symmetry-demo' };

// Starting the API and a browser, then driving real pages, takes seconds: don't rely on the default 5 s
// (this jest version applies the default even when the project config sets testTimeout).
jest.setTimeout(120_000);
const DEMO_EMPLOYEE = 'Camille Durand';

if (!CHROMIUM && !REQUIRE_BROWSER) {
  process.stdout.write('Browser suite skipped: no Chromium found (set CHROMIUM_PATH to run it).\n');
}

const suite = CHROMIUM || REQUIRE_BROWSER ? describe : describe.skip;

suite('web app: sign-in and people directory', () => {
  let server: { url: string; stop(): Promise<void> } | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!CHROMIUM) {
      throw new Error(
        'REQUIRE_BROWSER=1 but no Chromium was found (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).',
      );
    }
    server = await startServer({ seed: 'demo' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs a scenario in a fresh browser context (own cookies); on failure keeps a screenshot. */
  async function inFreshPage(
    name: string,
    scenario: (page: Page, baseUrl: string) => Promise<void>,
  ): Promise<void> {
    if (!browser || !server) throw new Error('Browser or server not started');
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await scenario(page, server.url);
    } catch (error) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const path = join(RESULTS_DIR, `${name}-${Date.now()}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      process.stdout.write(`Screenshot of the failure: ${path}\n`);
      throw error;
    } finally {
      await context.close();
    }
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('signs in as HR, finds a colleague in the directory, opens their page, and logs out', () =>
    inFreshPage('hr-directory-logout', async (page, baseUrl) => {
      await page.goto(baseUrl);
      // No session yet: the app restores none and shows the login page.
      await page.getByTestId('login-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      await signIn(page, HR.email, HR.password);
      await page.getByTestId('user-menu').waitFor();

      await page.getByTestId('nav-people').click();
      await page.waitForURL((url) => url.pathname === '/people');
      await page.getByTestId('people-search').fill(DEMO_EMPLOYEE);
      // The search is debounced, then kept in the URL.
      await page.waitForURL((url) => url.searchParams.get('q') === DEMO_EMPLOYEE);
      const row = page.getByTestId('people-row').filter({ hasText: DEMO_EMPLOYEE }).first();
      await row.click();

      await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname));
      const heading = page.getByTestId('person-name');
      await heading.waitFor();
      expect((await heading.textContent())?.trim()).toBe(DEMO_EMPLOYEE);
      expect(await heading.evaluate((element) => element.tagName)).toBe('H1');

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.getByTestId('login-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      // The refresh cookie was revoked: reloading does not bring the session back.
      await page.reload();
      await page.getByTestId('login-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    }));

  it('refuses a wrong password with a message and stays on the login page', () =>
    inFreshPage('wrong-password', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR.email, 'not-the-password');

      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect((await error.textContent())?.toLowerCase()).toContain('incorrect');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByTestId('login-email').inputValue()).toBe(HR.email);
      expect(await page.getByTestId('user-menu').count()).toBe(0);
    }));
});
