import type { Page } from 'playwright-core';
import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * The service desk in the web app against the real API: an employee opens a request, an agent of the
 * service works it through its states and resolves it, the employee rates it from the notification,
 * and the service's figures move (through the API and on the dashboard).
 * Needs the web build (`npm run build:web`): the API serves apps/web/dist.
 */

const HR = 'hr@meridian.example';
const EMPLOYEE = 'employee@meridian.example';
const AGENT = 'agent@meridian.example';
const SERVICE = 'IT Service Desk';
const CATEGORY = 'Access and passwords';
/** Unique, so the demo's own requests never get in the way. */
const SUBJECT = `Locked out of the claims tool ${Date.now().toString(36)}`;

interface MetricRow {
  month: string;
  categoryId: string | null;
  opened: number;
  resolved: number;
  resolutionConformity: number | null;
  ratings: number | null;
  csat: number | null;
}

browserSuite('web app: service desk', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  /** The service's figures for the current month (service totals). */
  async function thisMonth(token: string, supportServiceId: string): Promise<MetricRow | null> {
    const { deskMetrics } = await gql<{ deskMetrics: MetricRow[] }>(
      `query ($id: ID!) {
        deskMetrics(supportServiceId: $id, months: 1) {
          month categoryId opened resolved resolutionConformity ratings csat
        }
      }`,
      { id: supportServiceId },
      token,
    );
    return deskMetrics.find((row) => row.categoryId === null) ?? null;
  }

  /** Picks an option of a Mantine Select (a combobox: open it, then choose). */
  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('a requester opens a request, an agent resolves it, the requester rates it, the figures move', async () => {
    const hrToken = await login(HR);
    const { supportServices, organization } = await gql<{
      supportServices: { id: string; name: string }[];
      organization: { anonymityThreshold: number };
    }>('{ supportServices { id name } organization { anonymityThreshold } }', {}, hrToken);
    const serviceId = supportServices.find((service) => service.name === SERVICE)?.id;
    if (!serviceId) throw new Error(`No ${SERVICE} in the demo`);
    const k = organization.anonymityThreshold;
    const before = await thisMonth(hrToken, serviceId);

    // The employee opens a request in the browser, reading the commitment before sending it.
    let requestId = '';
    let reference = '';
    await inFreshPage('desk-employee-opens', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      // An employee has "My requests", not the desk.
      expect(await page.getByTestId('nav-desk').count()).toBe(0);
      await page.getByTestId('nav-requests').click();
      await page.waitForURL((url) => url.pathname === '/requests');
      await page.getByTestId('new-request').click();
      await page.waitForURL((url) => url.pathname === '/requests/new');

      // Sending nothing says what is missing.
      await page.getByTestId('request-submit').click();
      await page.getByText('Required.').first().waitFor();

      await choose(page, 'request-service', SERVICE);
      await choose(page, 'request-category', CATEGORY);
      const preview = page.getByTestId('request-commitment-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toContain('We answer within 1 business hour');
      await page.getByTestId('request-subject').fill(SUBJECT);
      await page.getByTestId('request-description-input').fill('The claims tool says my account is locked.');
      await page.getByTestId('request-submit').click();

      await page.waitForURL((url) => /^\/requests\/[0-9a-f-]{36}$/.test(url.pathname));
      requestId = new URL(page.url()).pathname.split('/').pop()!;
      const title = (await page.getByTestId('request-title').textContent()) ?? '';
      reference = /REQ-\d+/.exec(title)?.[0] ?? '';
      expect(reference).not.toBe('');
      expect(title).toContain(SUBJECT);
      expect(await page.getByTestId('request-state').first().getAttribute('data-state')).toBe('NEW');
      expect(await page.getByTestId('request-situation').textContent()).toMatch(
        /^Due .+ — (on track|at risk)/,
      );
      expect(await page.getByTestId('request-commitment').textContent()).toContain('We answer within');

      // Listed in "My requests", in plain words.
      await page.getByTestId('nav-requests').click();
      const row = page.getByTestId('my-request-row').filter({ hasText: SUBJECT });
      await row.waitFor();
      expect(await row.getAttribute('data-state')).toBe('NEW');
      expect(await row.getByTestId('request-situation').textContent()).toContain('Due ');
    });

    // The agent finds it in the queue, sees who asks, and works it through to resolution.
    await inFreshPage('desk-agent-resolves', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, AGENT);
      await page.getByTestId('nav-desk').click();
      await page.waitForURL((url) => url.pathname === '/desk');
      expect(await page.getByTestId('desk-service').inputValue()).toBe(SERVICE);
      // Not assigned yet: the "not assigned" filter keeps it.
      await choose(page, 'desk-filter-assignee', 'Not assigned');
      const row = page.getByTestId('desk-queue-row').filter({ hasText: SUBJECT });
      await row.waitFor();
      expect(await row.getAttribute('data-state')).toBe('NEW');
      await row.getByRole('link').click();
      await page.waitForURL((url) => url.pathname === `/desk/requests/${requestId}`);

      // Who is asking, beside the request.
      const context = page.getByTestId('requester-context');
      expect(await context.getByTestId('requester-name').textContent()).toBe('Camille Durand');

      const requestPage = page.getByTestId('request-page');
      const inState = (state: string) =>
        page.locator(`[data-testid="request-page"][data-state="${state}"]`).waitFor();
      await page.getByTestId('desk-assign-me').click();
      await page.getByTestId('timeline-event').and(page.locator('[data-kind="ASSIGNED"]')).waitFor();
      await page.getByTestId('desk-action-ACKNOWLEDGED').click();
      await inState('ACKNOWLEDGED');
      await page.getByTestId('desk-action-IN_PROGRESS').click();
      await inState('IN_PROGRESS');

      // An internal note stays with the service.
      await page.getByTestId('desk-reply-mode').getByText('Internal note').click();
      await page
        .getByTestId('request-reply')
        .fill('Account locked by 5 failed logins; unlocking in the directory.');
      await page.getByTestId('request-reply-submit').click();
      await page.locator('[data-testid="timeline-event"][data-kind="NOTE"]').waitFor();

      await page.getByTestId('desk-action-RESOLVED').click();
      await page.getByTestId('desk-resolve-comment').fill('Your account is unlocked: please sign in again.');
      await page.getByTestId('desk-transition-confirm').click();
      await inState('RESOLVED');
      expect(await requestPage.getByTestId('request-situation').textContent()).toBe(
        'Resolved — commitment met',
      );
      expect(await page.getByTestId('request-status').first().getAttribute('data-status')).toBe('MET');
    });

    // The employee follows the notification to the request and rates it there.
    await inFreshPage('desk-employee-rates', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('notification-bell').click();
      await page
        .getByTestId('notification-item')
        .filter({ hasText: `${reference} resolved` })
        .click();
      await page.waitForURL((url) => url.pathname === `/requests/${requestId}`);

      // The public timeline only: the resolution comment, never the internal note.
      const timeline = page.getByTestId('request-timeline');
      await timeline.waitFor();
      expect(await timeline.textContent()).toContain('Your account is unlocked');
      expect(await page.locator('[data-testid="timeline-event"][data-kind="NOTE"]').count()).toBe(0);
      expect(await timeline.textContent()).not.toContain('failed logins');

      const form = page.getByTestId('rating-form');
      await form.waitFor();
      // Nothing chosen: the form says so.
      await page.getByTestId('rating-submit').click();
      await form.getByText('Please choose a value.').first().waitFor();
      await page.getByTestId('rating-csat-5').click();
      await page.getByTestId('rating-effort-6').click();
      await page.getByTestId('rating-comment').fill('Quick and clear, thank you.');
      await page.getByTestId('rating-submit').click();
      const given = page.getByTestId('rating-given');
      await given.waitFor();
      expect(await given.textContent()).toContain('You rated it 5/5, ease 6/7.');
      expect(await page.getByTestId('rating-form').count()).toBe(0);

      // Sorted: the employee closes it; the same page in French.
      await page.getByTestId('request-close').click();
      await page.locator('[data-testid="request-page"][data-state="CLOSED"]').waitFor();
      await page.getByTestId('language-menu').click();
      await page.getByTestId('language-fr').click();
      await page.getByText('Clôturée — engagement tenu').waitFor();
      // The bell words the desk's notifications in French too (the API stores them in English).
      await page.getByTestId('notification-bell').click();
      const resolved = page.getByTestId('notification-item').filter({ hasText: `${reference} résolue` });
      await resolved.waitFor();
      expect(await resolved.textContent()).toContain('qu’en avez-vous pensé');
      // The app told the API, which now writes her e-mail copies in French.
      const token = await login(EMPLOYEE);
      let remembered: string | null = null;
      for (let i = 0; i < 50 && remembered !== 'fr'; i++) {
        ({ myLocale: remembered } = await gql<{ myLocale: string | null }>('{ myLocale }', {}, token));
        if (remembered !== 'fr') await page.waitForTimeout(100);
      }
      expect(remembered).toBe('fr');

      // Every notification on its own page; the one she opened is read, so not among the unread.
      await page.getByTestId('notification-see-all').click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      const row = page.getByTestId('notifications-row').filter({ hasText: `${reference} résolue` });
      await row.waitFor();
      expect(await row.getAttribute('data-unread')).toBeNull();
      await page
        .getByTestId('notifications-filter')
        .getByText(/^Non lues? \(/)
        .click();
      await row.waitFor({ state: 'detached' });
    });

    // The service's figures moved: one more request opened and resolved this month, on time.
    const after = await thisMonth(hrToken, serviceId);
    expect(after).not.toBeNull();
    expect(after!.opened).toBe((before?.opened ?? 0) + 1);
    expect(after!.resolved).toBe((before?.resolved ?? 0) + 1);
    expect(after!.resolutionConformity).not.toBeNull();
    if (before?.ratings != null) {
      // Enough ratings already: the count shows the new one.
      expect(after!.ratings).toBe(before.ratings + 1);
      expect(after!.csat).not.toBeNull();
    } else {
      // Below k ratings nothing is shown, unless this one reached k.
      expect(after!.ratings === null || after!.ratings === k).toBe(true);
    }

    // HR sees the same figures on the service's dashboard.
    await inFreshPage('desk-hr-dashboard', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.getByTestId('nav-desk-dashboard').click();
      await page.waitForURL((url) => url.pathname === '/desk/dashboard');
      await choose(page, 'desk-service', SERVICE);
      const resolved = page.getByTestId('desk-dashboard-resolved-value');
      // The figures are read again on each visit: the dashboard shows the count the API gave.
      await page
        .getByTestId('desk-dashboard-resolved-value')
        .filter({ hasText: new RegExp(`^${after!.resolved}$`) })
        .waitFor();
      expect((await resolved.textContent())?.trim()).toBe(String(after!.resolved));
      const csat = (await page.getByTestId('desk-dashboard-csat-value').textContent()) ?? '';
      if (after!.csat === null) expect(csat).toBe('Not enough ratings');
      else expect(csat).toMatch(/%$/);
      expect(
        await page.getByTestId('desk-dashboard-conformity').locator('.recharts-line').count(),
      ).toBeGreaterThan(0);
    });
  });
});
