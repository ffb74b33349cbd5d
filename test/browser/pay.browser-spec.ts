import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * Incentive schemes in the web app against the real API: HR designs a scheme (a collective
 * component on the team's customer CSAT, with its curve previewed), simulates it and submits it;
 * the designer cannot approve it, another HR person (the admin) does and runs the payout; HR
 * approves the run (maker-checker on runs too); the employee reads their statement.
 * Needs the web build (`npm run build:web`): the API serves apps/web/dist.
 */

const HR = 'hr@meridian.example';
const ADMIN = 'admin@meridian.example';
const EMPLOYEE = 'employee@meridian.example';
const TEAM = 'Customer Service — Lyon';
const NAME = 'Lyon customer bonus';

browserSuite('web app: incentive schemes', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  it('HR designs and simulates, another HR approves, the run is approved, the employee reads the statement', async () => {
    let schemeUrl = '';
    await inFreshPage('pay-hr-design', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.getByTestId('nav-pay-schemes').click();
      await page.getByTestId('new-scheme').click();
      await page.getByTestId('scheme-name').fill(NAME);
      await page.getByTestId('scheme-teams').click();
      await page.getByTestId('scheme-teams').fill('Lyon');
      await page.getByRole('option', { name: TEAM }).click();
      await page.keyboard.press('Escape');
      const component = page.getByTestId('component-0');
      await component.getByTestId('component-label').fill('Customer CSAT');
      await component.getByText('Collective', { exact: true }).click();
      await component.getByTestId('curve-threshold').fill('60');
      await component.getByTestId('curve-target').fill('75');
      await component.getByTestId('curve-cap').fill('95');
      await page.getByTestId('weight-sum').getByText('100%', { exact: false }).waitFor();
      await page.getByTestId('save-scheme').click();
      await page.waitForURL(/\/pay\/schemes\/[0-9a-f-]{36}$/);
      schemeUrl = new URL(page.url()).pathname;
      await page.getByTestId('scheme-status').getByText('Draft').waitFor();

      // The simulation on this period's data: a payout, shown with its distribution.
      await page.getByTestId('simulate').click();
      const total = page.getByTestId('sim-total');
      await total.waitFor();
      expect(await total.textContent()).toMatch(/^€[\d,]+\.\d\d$/);
      expect(await total.textContent()).not.toBe('€0.00');

      await page.getByTestId('submit-scheme').click();
      await page.getByTestId('scheme-status').getByText('Under review').waitFor();
      // Maker-checker: the designer's approve button is disabled.
      expect(await page.getByTestId('approve-scheme').isDisabled()).toBe(true);
    });

    await inFreshPage('pay-admin-approve', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, ADMIN);
      await page.goto(`${baseUrl}${schemeUrl}`);
      await page.getByTestId('approve-scheme').click();
      await page.getByTestId('scheme-status').getByText('Approved').waitFor();
      await page.getByTestId('start-run').click();
      await page.getByTestId('runs').getByText('Awaiting approval').waitFor();
    });

    // HR approves the run the admin started (whoever starts a run cannot approve it).
    const hr = await login(HR);
    const schemeId = schemeUrl.split('/').pop()!;
    const { incentiveRuns } = await gql<{ incentiveRuns: { id: string; status: string; total: string }[] }>(
      'query ($s: ID!) { incentiveRuns(schemeId: $s) { id status total } }',
      { s: schemeId },
      hr,
    );
    expect(incentiveRuns).toHaveLength(1);
    await gql(
      'mutation ($id: ID!) { approveIncentiveRun(id: $id) { status } }',
      { id: incentiveRuns[0]!.id },
      hr,
    );

    const employee = await login(EMPLOYEE);
    const { incentiveStatements } = await gql<{
      incentiveStatements: { schemeName: string; total: string }[];
    }>('{ incentiveStatements { schemeName total } }', {}, employee);
    const mine = incentiveStatements.find((s) => s.schemeName === NAME);
    expect(mine).toBeDefined();

    await inFreshPage('pay-employee-statement', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-pay').click();
      const statement = page.getByTestId('statement').filter({ hasText: NAME });
      await statement.waitFor();
      const shown = await statement.getByTestId('statement-total').textContent();
      expect(shown?.replace(/[€,]/g, '')).toBe(mine!.total);
      await statement.getByText(/Customer CSAT .* \(threshold 60, target 75, cap 95\)/).waitFor();
      await statement
        .getByText(/At the target of 75 this line would pay|This line already pays the maximum/)
        .waitFor();
    });
  });
});
