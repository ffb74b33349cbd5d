import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * The mirror in the web app against the real API: HR imports customer figures from a CSV (a bad line is
 * reported and nothing applied; then a valid file is applied) and the mirror of the team shows them.
 * Needs the web build (`npm run build:web`): the API serves apps/web/dist.
 */

const HR = 'hr@meridian.example';
const TEAM = 'Customer Service — Lyon';
/** The first day of the organisation's current month (Paris): the period the mirror opens on. */
const MONTH = `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date())}-01`;
/**
 * One figure per team, metric and month: the latest received wins over the demo CRM's (which sends a few
 * hundred answers a month), whatever its sample size; the two are not blended.
 */
const SAMPLE_SIZE = 240;
const NEW_CSAT = 12.3;
const HEADER = 'team,metric,period_kind,period_start,value,sample_size';

browserSuite('web app: the mirror', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  /** The team's customer CSAT for the current month, as the API computes it. */
  async function customerCsat(token: string, teamId: string): Promise<{ value: number; n: number } | null> {
    const { mirrorView } = await gql<{
      mirrorView: { pairs: { key: string; current: { customer: { value: number; n: number } | null } }[] };
    }>(
      `query ($teamId: ID) {
        mirrorView(teamId: $teamId, periodKind: MONTH, periods: 3) { pairs { key current { customer { value n } } } }
      }`,
      { teamId },
      token,
    );
    return mirrorView.pairs.find((pair) => pair.key === 'csat')?.current.customer ?? null;
  }

  it('HR uploads a customer CSV and the mirror for a team changes accordingly', async () => {
    // What the API says before: the demo CRM's figure for the team this month, from a few hundred answers.
    const hrToken = await login(HR);
    const { teams } = await gql<{ teams: { id: string; name: string }[] }>(
      '{ teams { id name } }',
      {},
      hrToken,
    );
    const teamId = teams.find((team) => team.name === TEAM)?.id;
    if (!teamId) throw new Error(`No team ${TEAM} in the demo`);
    const before = await customerCsat(hrToken, teamId);
    expect(before).not.toBeNull();
    expect(before!.n).not.toBe(SAMPLE_SIZE);
    expect(Math.abs(before!.value - NEW_CSAT)).toBeGreaterThan(5);

    await inFreshPage('mirror-hr-intake', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);

      // The mirror of the team: its customer CSAT this month, as the API has it.
      await page.getByTestId('nav-mirror').click();
      await page.waitForURL((url) => url.pathname === '/mirror');
      await page.getByTestId('mirror-heatmap').waitFor();
      await page.getByTestId('mirror-team-select').click();
      await page.getByRole('option', { name: TEAM, exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('team') === teamId);
      await page.getByTestId('mirror-scope-title').filter({ hasText: TEAM }).waitFor();
      const customer = page.getByTestId('mirror-pair-csat-customer');
      const shownBefore = (await customer.getByTestId('mirror-side-value').textContent())?.trim();
      expect(shownBefore).toBe(`${before!.value.toFixed(1).replace(/\.0$/, '')}%`);
      expect(await customer.getByTestId('mirror-side-detail').textContent()).toContain(`n = ${before!.n}`);
      expect(await customer.getByTestId('mirror-side-source').textContent()).toBe('Source: crm-demo');
      // The pair also has its trend and its correlation reading.
      const pair = page.getByTestId('mirror-pair-csat');
      expect(await pair.locator('.recharts-line').count()).toBeGreaterThan(0);
      expect((await page.getByTestId('mirror-pair-csat-reading').textContent())?.length).toBeGreaterThan(10);
      expect(await page.getByTestId('mirror-heatmap-row').count()).toBeGreaterThan(1);

      // The intake page: one bad line first, reported with its line number, and nothing can be applied.
      await page.getByTestId('nav-mirror-intake').click();
      await page.waitForURL((url) => url.pathname === '/mirror/intake');
      const input = page.getByTestId('intake-csv-input');
      const good = `${TEAM},customer_csat,MONTH,${MONTH},${NEW_CSAT},${SAMPLE_SIZE}`;
      const bad = `${TEAM},customer_csat,MONTH,${MONTH.slice(0, 8)}15,${NEW_CSAT},${SAMPLE_SIZE}`;
      await input.fill([HEADER, good, bad].join('\n'));
      expect(await page.getByTestId('intake-apply').isDisabled()).toBe(true);
      await page.getByTestId('intake-validate').click();
      const row = page.getByTestId('intake-report-row');
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect(await row.getAttribute('data-line')).toBe('3');
      expect(await row.getAttribute('data-field')).toBe('period_start');
      expect(await row.textContent()).toContain('A month starts on the 1st');
      expect(await page.getByTestId('intake-apply').isDisabled()).toBe(true);
      expect((await customerCsat(hrToken, teamId))?.value).toBeCloseTo(before!.value, 6);

      // The bad line removed: valid, then applied.
      await input.fill([HEADER, good].join('\n'));
      expect(await page.getByTestId('intake-report-row').count()).toBe(0);
      await page.getByTestId('intake-validate').click();
      await page.locator('[data-testid="intake-report"][data-valid="true"]').waitFor();
      expect(await page.getByTestId('intake-report').textContent()).toContain('1 row is valid');
      const apply = page.getByTestId('intake-apply');
      expect(await apply.isEnabled()).toBe(true);
      await apply.click();
      const result = page.getByTestId('intake-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('1 added, 0 updated, 0 unchanged');

      // Back to the mirror of the team: the imported figure now speaks for the team.
      await page.getByTestId('intake-open-mirror').click();
      await page.waitForURL((url) => url.pathname === '/mirror');
      await page.getByTestId('mirror-team-select').click();
      await page.getByRole('option', { name: TEAM, exact: true }).click();
      await page.getByTestId('mirror-scope-title').filter({ hasText: TEAM }).waitFor();
      const after = page.getByTestId('mirror-pair-csat-customer').getByTestId('mirror-side-value');
      await after.filter({ hasText: `${NEW_CSAT}%` }).waitFor();
      expect((await after.textContent())?.trim()).toBe(`${NEW_CSAT}%`);
      // The CSV's figure alone (not blended with the CRM's), and the page says where it comes from.
      expect(
        await page.getByTestId('mirror-pair-csat-customer').getByTestId('mirror-side-detail').textContent(),
      ).toContain(`n = ${SAMPLE_SIZE}`);
      expect(
        await page.getByTestId('mirror-pair-csat-customer').getByTestId('mirror-side-source').textContent(),
      ).toBe('Source: csv');
    });

    // The API agrees.
    const now = await customerCsat(hrToken, teamId);
    expect(now?.value).toBeCloseTo(NEW_CSAT, 1);
  });
});
