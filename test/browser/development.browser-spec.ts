import type { Page } from 'playwright-core';
import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * Team development in the web app against the real API: a front-line employee logs a decision
 * beyond their rights, their manager confirms it and sees the team's autonomy index move; an
 * employee enrols in a session, completes it and rates it; the manager records a development review.
 * Needs the web build (`npm run build:web`).
 */

const EMPLOYEE = 'employee@meridian.example';
const MANAGER = 'manager@meridian.example';
const TAG = Date.now().toString(36);

browserSuite('web app: team development', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function teamIndex(token: string, teamId: string): Promise<{ pct: number; confirmed: number }> {
    const { autonomyIndex } = await gql<{
      autonomyIndex: { current: { settledWithoutEscalationPercent: number; beyondRightsConfirmed: number } };
    }>(
      `query ($t: ID) { autonomyIndex(teamId: $t) { current { settledWithoutEscalationPercent beyondRightsConfirmed } } }`,
      { t: teamId },
      token,
    );
    return {
      pct: autonomyIndex.current.settledWithoutEscalationPercent,
      confirmed: autonomyIndex.current.beyondRightsConfirmed,
    };
  }

  it('an employee logs a decision beyond rights, the manager confirms it and the team’s autonomy index moves', async () => {
    const managerToken = await login(MANAGER);
    const { developmentReviewTeams } = await gql<{ developmentReviewTeams: { id: string; name: string }[] }>(
      '{ developmentReviewTeams { id name } }',
      {},
      managerToken,
    );
    const teamId = developmentReviewTeams.find((t) => t.name === 'Customer Service — Lyon')!.id;
    const before = await teamIndex(managerToken, teamId);
    const summary = `Goodwill gesture for a leaving customer ${TAG}`;

    await inFreshPage('development-employee-logs', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-development-decisions').click();
      await page.waitForURL((url) => url.pathname === '/development/decisions');
      await page.getByTestId('decision-kind').getByText('Beyond my rights').click();
      await choose(page, 'decision-type', 'Commercial gesture');
      await page.getByTestId('decision-amount').fill('450');
      await page.getByTestId('decision-summary').fill(summary);
      // Without a justification the API refuses it, clearly.
      await page.getByTestId('decision-submit').click();
      await page
        .getByTestId('dev-error')
        .getByText(/why you went beyond your rights/i)
        .waitFor();
      await page
        .getByTestId('decision-justification')
        .fill('A customer of 20 years was cancelling every contract; waiting would have lost them.');
      await page.getByTestId('decision-submit').click();
      await page.getByTestId('decision-logged').waitFor();
      await page.getByTestId('my-decisions').getByText(summary).waitFor();
      // The amount is shown as the exact decimal the API stored.
      await page
        .getByTestId('my-decisions')
        .locator('tr', { hasText: summary })
        .getByText('Commercial gesture · 450.00')
        .waitFor();
    });

    let shownBefore = '';
    await inFreshPage('development-manager-confirms', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, MANAGER);
      await page.getByTestId('nav-development-review').click();
      await page.waitForURL((url) => url.pathname === '/development/review');
      // The card: the share (one decimal, which one more decision may not move) and the count of
      // decisions awaiting review (which it does).
      shownBefore = (await page.getByTestId('review-autonomy-settled').textContent()) ?? '';
      await page.getByTestId('nav-development-decisions').click();
      const row = page.getByTestId('pending-reviews').locator('tr', { hasText: summary });
      await row.getByRole('button', { name: 'Confirm', exact: true }).click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('nav-development-review').click();
      await page.waitForURL((url) => url.pathname === '/development/review');
      // Evaluated in the page (a string: the test project has no DOM types).
      await page.waitForFunction(
        `(() => { const el = document.querySelector('[data-testid="review-autonomy-settled"]');
          return !!el && el.textContent !== ${JSON.stringify(shownBefore)}; })()`,
      );
    });
    const after = await teamIndex(managerToken, teamId);
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.pct).toBeGreaterThan(before.pct);
  });

  it('an employee enrols in a session, completes it and rates it', async () => {
    await inFreshPage('development-training', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-development-training').click();
      await page.waitForURL((url) => url.pathname === '/development/training');
      const row = page
        .getByTestId('sessions')
        .locator('tr', { hasText: 'E-learning: our digital tools' })
        .first();
      await row.getByRole('button', { name: 'Enrol' }).click();
      await row.getByText('Enrolled').waitFor();
      const mine = page
        .getByTestId('my-enrolments')
        .getByTestId('enrolment-E-learning: our digital tools')
        .first();
      await mine.getByTestId('enrolment-complete').click();
      await mine.getByTestId('enrolment-status').getByText('Completed').waitFor();
      await mine.getByTestId('rate-csat').getByText('5', { exact: true }).click();
      await mine.getByTestId('rate-submit').click();
      await mine.getByText('Rated').waitFor();
      // Their own page shows it with their skills, plan and decisions.
      await page.getByTestId('nav-development-me').click();
      await page.waitForURL((url) => url.pathname === '/development/me');
      await page.getByTestId('me-autonomy').waitFor();
      await page
        .getByTestId('my-enrolments')
        .getByTestId('enrolment-E-learning: our digital tools')
        .first()
        .getByText('Completed')
        .waitFor();
      await page.getByTestId('plan').first().waitFor();
    });
  });

  it('the manager records a development review with an action', async () => {
    const conclusions = `Leeway on gestures works; next: negotiation training ${TAG}`;
    await inFreshPage('development-review', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, MANAGER);
      await page.goto(`${baseUrl}/development/review`);
      await page.getByTestId('review-team-name').waitFor();
      await page.getByTestId('review-conclusions').fill(conclusions);
      await page.getByTestId('review-add-action').click();
      await page.getByTestId('review-action-0-title').fill('Enrol the team in negotiation training');
      // An action without an owner is refused, and nothing is recorded.
      await page.getByTestId('review-submit').click();
      await page.getByTestId('dev-error').waitFor();
      await choose(page, 'review-action-0-owner', 'Camille Durand');
      await page.getByTestId('review-submit').click();
      await page.getByTestId('review-saved').waitFor();
      await page.getByTestId('past-reviews').getByText(conclusions).waitFor();
    });
  });
});
