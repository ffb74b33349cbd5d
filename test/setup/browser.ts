import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium';
import { startServer } from './server';

/**
 * What every browser suite shares: the built server with the demo organisation, a headless
 * Chromium, a fresh page per scenario (screenshot kept on failure), sign-in through the form, and
 * GraphQL calls as the API's own clients make them. Needs the web build (`npm run build:web`).
 */

export const CHROMIUM = findChromium();
export const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';
export const DEMO_PASSWORD = 'symmetry-demo';
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

// Starting the API and a browser, then driving real pages, takes seconds: don't rely on the default 5 s
// (this jest version applies the default even when the project config sets testTimeout).
jest.setTimeout(120_000);

if (!CHROMIUM && !REQUIRE_BROWSER) {
  process.stdout.write('Browser suite skipped: no Chromium found (set CHROMIUM_PATH to run it).\n');
}

/** `describe` when a browser can run (or is required), `describe.skip` otherwise. */
export const browserSuite = CHROMIUM || REQUIRE_BROWSER ? describe : describe.skip;

interface GqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface BrowserApp {
  /** The server's base URL (once started). */
  url(): string;
  /** Runs a scenario in a fresh browser context (own cookies); on failure keeps a screenshot. */
  inFreshPage(name: string, scenario: (page: Page, baseUrl: string) => Promise<void>): Promise<void>;
  /** Signs in through the login form and waits for the app. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  /** A GraphQL call (fetch, bearer token); throws on errors. */
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** An access token for a demo person. */
  login(email: string): Promise<string>;
}

/** Starts the server and Chromium for the enclosing suite (beforeAll/afterAll) and returns its helpers. */
export function useBrowserApp(): BrowserApp {
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

  const url = () => {
    if (!server) throw new Error('Server not started');
    return server.url;
  };

  const gql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> => {
    const response = await fetch(`${url()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResponse<T>;
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  return {
    url,
    async inFreshPage(name, scenario) {
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
    },
    async signIn(page, email, password = DEMO_PASSWORD) {
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-menu').waitFor();
    },
    gql,
    async login(email) {
      const data = await gql<{ login: { accessToken: string } }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        { email, password: DEMO_PASSWORD },
      );
      return data.login.accessToken;
    },
  };
}
