import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * The business calendar in the organisation settings, against the real API: HR sees France's
 * public holidays of this year (from date-holidays, not typed by hand), switches one off as a day
 * the organisation works, saves, and the API has it; in French the holidays carry French names;
 * on a phone the page does not scroll sideways. Needs the web build (`npm run build:web`).
 */

const HR = 'hr@meridian.example';

browserSuite('web app: the business calendar in the settings', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  it('HR sees the country’s holidays of the year, works one of them, and reads them in French on a phone', async () => {
    const token = await login(HR);
    const year = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date()),
    );
    const { organization } = await gql<{
      organization: { holidays: { date: string; name: string; source: string }[] };
    }>(`query($y: Int) { organization { holidays(year: $y) { date name source } } }`, { y: year }, token);
    const fromCountry = organization.holidays.filter((d) => d.source === 'COUNTRY');
    expect(fromCountry.length).toBe(11); // France's public holidays, every year
    const ascension = fromCountry.find((d) => d.name === 'Ascension Day')!;

    await inFreshPage('settings-holidays', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.getByTestId('nav-organization-settings').click();
      await page.waitForURL((url) => url.pathname === '/admin/organization');
      const table = page.getByTestId('country-holidays');
      await table.locator('tbody tr').nth(10).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(11);
      expect(await page.getByTestId('holiday-country').inputValue()).toBe('France');
      const day = page.getByRole('switch', { name: new RegExp(`^Ascension Day, .*: day off$`) });
      expect(await day.isChecked()).toBe(true);
      await day.click({ force: true });
      expect(await day.isChecked()).toBe(false);
      await page.getByTestId('settings-save').click();
      await page.getByText('Settings saved').first().waitFor();
    });
    const saved = await gql<{ organization: { holidaysRemoved: string[] } }>(
      '{ organization { holidaysRemoved } }',
      {},
      token,
    );
    expect(saved.organization.holidaysRemoved).toEqual([ascension.date]);

    await inFreshPage('settings-holidays-fr-phone', async (page, baseUrl) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.getByTestId('language-menu').click();
      await page.getByTestId('language-fr').click();
      await page.goto(`${baseUrl}/admin/organization`);
      const table = page.getByTestId('country-holidays');
      await table.getByText('Nouvel An').waitFor();
      expect(await table.getByText('Ascension').count()).toBe(1);
      // The worked day stays switched off; the others are days off.
      const switches = table.getByRole('switch');
      const states: boolean[] = [];
      for (const s of await switches.all()) states.push(await s.isChecked());
      expect(states.filter((on) => !on)).toHaveLength(1);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    });

    // Back as it was for the other suites.
    await gql(`mutation { updateOrganization(input: { holidaysRemoved: [] }) { id } }`, {}, token);
  });
});
