import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * Leaving dates in the web app against the real API: HR lists former staff in the directory, sets
 * a colleague's leaving date on their page (who then can no longer sign in) and clears it; an
 * employee sees no leaving date of a colleague. Needs the web build (`npm run build:web`).
 */

const HR = 'hr@meridian.example';
const EMPLOYEE = 'employee@meridian.example';
const AGENT = 'agent@meridian.example';

browserSuite('web app: leaving dates and former staff', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  it('HR lists former staff, sets and clears a leaving date; a colleague does not see it', async () => {
    const hrToken = await login(HR);
    // One of the demo's former staff (they left over the last two years).
    const { people } = await gql<{
      people: { items: { id: string; displayName: string; leftOn: string }[] };
    }>('{ people(includeFormer: true, limit: 100) { items { id displayName leftOn } } }', {}, hrToken);
    const today = new Date().toISOString().slice(0, 10);
    const former = people.items.find((p) => p.leftOn && p.leftOn < today);
    if (!former) throw new Error('No former staff in the first page of the demo directory');
    const { me: agent } = await gql<{ me: { id: string; displayName: string } }>(
      '{ me { id displayName } }',
      {},
      await login(AGENT),
    );

    await inFreshPage('leaving-hr', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.goto(`${baseUrl}/people?q=${encodeURIComponent(former.displayName)}`);
      await page.getByTestId('people-search').waitFor();
      // Current staff only by default (a namesake may be listed, not the former colleague).
      await page.getByText('Nobody matches').or(page.getByTestId('people-row')).first().waitFor();
      const link = page.locator(`a[href="/people/${former.id}"]`);
      expect(await link.count()).toBe(0);
      await page.getByTestId('people-include-former').click();
      await page.waitForURL((url) => url.searchParams.get('former') === '1');
      const row = page.getByTestId('people-row').filter({ has: link });
      await row.waitFor();
      expect(await row.getByTestId('people-former').textContent()).toMatch(/^Left on /);

      // The agent's page: no leaving date; HR sets one in the past, then clears it.
      await page.goto(`${baseUrl}/people/${agent.id}`);
      const card = page.getByTestId('leaving-card');
      await card.waitFor();
      expect(await card.getByTestId('leaving-date').textContent()).toMatch(/No leaving date/);
      await card.getByTestId('leaving-input').fill(today);
      await card.getByRole('button', { name: 'Save' }).click();
      await card
        .getByTestId('leaving-date')
        .filter({ hasText: /^Left on / })
        .waitFor();
      const refused = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
          variables: { e: AGENT, p: 'symmetry-demo' },
        }),
      }).then((r) => r.json() as Promise<{ errors: { extensions: { code: string } }[] }>);
      expect(refused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      await card.getByRole('button', { name: 'Clear' }).click();
      await card
        .getByTestId('leaving-date')
        .filter({ hasText: /No leaving date/ })
        .waitFor();
    });

    await inFreshPage('leaving-colleague', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.goto(`${baseUrl}/people/${agent.id}`);
      await page.getByTestId('person-name').waitFor();
      expect(await page.getByTestId('leaving-card').count()).toBe(0);
      expect(await page.getByTestId('people-include-former').count()).toBe(0);
      await page.goto(`${baseUrl}/people`);
      await page.getByTestId('people-row').first().waitFor();
      expect(await page.getByTestId('people-include-former').count()).toBe(0);
    });
  });
});
