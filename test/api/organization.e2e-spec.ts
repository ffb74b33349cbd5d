import { codes, createTestApp, type TestApp } from '../setup/test-app';

const UPDATE =
  'mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { name kind anonymityThreshold timeZone workingDays workdayStart workdayEnd publicHolidays defaultLocale } }';

describe('organisation settings', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
  });
  afterAll(() => t.close());

  it('every member reads the organisation, its teams, positions and support services', async () => {
    const token = await t.login('employee@meridian.example');
    const r = await t.gql(
      '{ organization { name kind anonymityThreshold timeZone } teams { name kind memberCount manager { displayName } parent { name } } positions { title } supportServices { name ownerTeam { name kind } } }',
      {},
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.organization).toEqual({
      name: 'Meridian Mutual',
      kind: 'COMPANY',
      anonymityThreshold: 5,
      timeZone: 'Europe/Paris',
    });
    const teams = r.data!.teams as {
      name: string;
      kind: string;
      memberCount: number;
      manager: unknown;
      parent: unknown;
    }[];
    expect(teams.length).toBeGreaterThanOrEqual(20);
    expect(teams.reduce((s, x) => s + x.memberCount, 0)).toBe(303);
    expect(teams.filter((x) => x.kind === 'SUPPORT').length).toBeGreaterThanOrEqual(5);
    expect(teams.every((x) => x.manager)).toBe(true);
    expect(r.data!.supportServices.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([
        'IT Service Desk',
        'Workplace & Facilities',
        'Payroll & Administration',
        'HR Services',
        'Training',
      ]),
    );
    expect(
      r.data!.supportServices.every((s: { ownerTeam: { kind: string } }) => s.ownerTeam.kind === 'SUPPORT'),
    ).toBe(true);
  });

  it('HR changes the settings; the change is audited with before and after', async () => {
    const r = await t.gql(
      UPDATE,
      {
        i: {
          kind: 'PUBLIC_SERVICE',
          anonymityThreshold: 7,
          publicHolidays: ['2027-05-01', '2027-01-01'],
          workingDays: [5, 1, 2, 3, 4],
        },
      },
      hr,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateOrganization).toMatchObject({
      kind: 'PUBLIC_SERVICE',
      anonymityThreshold: 7,
      publicHolidays: ['2027-01-01', '2027-05-01'],
      workingDays: [1, 2, 3, 4, 5],
    });
    const [audit] = await t.db.query(
      "SELECT before, after FROM audit_event WHERE action = 'organization.update' ORDER BY at DESC LIMIT 1",
    );
    expect(audit.before).toEqual({
      kind: 'COMPANY',
      anonymityThreshold: 5,
      publicHolidays: expect.any(Array),
    });
    expect(audit.after).toEqual({
      kind: 'PUBLIC_SERVICE',
      anonymityThreshold: 7,
      publicHolidays: ['2027-01-01', '2027-05-01'],
    });
  });

  it('days off from the country’s public holidays, any year: HR picks a region, removes a day, adds one', async () => {
    const HOLIDAYS = `query($y: Int, $l: String) { organization { holidayCountry holidayRegion
      holidays(year: $y, locale: $l) { date name source removed } } }`;
    const days = async (year: number, locale = 'en') => {
      const r = await t.gql(HOLIDAYS, { y: year, l: locale }, await t.login('employee@meridian.example'));
      expect(r.errors).toBeUndefined();
      return r.data!.organization;
    };
    // The demo is in France: its days off come from the country, whatever the year.
    const y2027 = await days(2027);
    expect(y2027.holidayCountry).toBe('FR');
    expect(y2027.holidays.map((d: { date: string }) => d.date)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
    expect(y2027.holidays[3]).toEqual({
      date: '2027-05-06',
      name: 'Ascension Day',
      source: 'COUNTRY',
      removed: false,
    });
    expect(
      (await days(2033, 'fr')).holidays.find((d: { date: string }) => d.date === '2033-05-26').name,
    ).toBe('Ascension');
    // Alsace (Bas-Rhin) adds Good Friday and 26 December; the solidarity day is worked; Lyon's
    // Festival of Lights is a local day off.
    const r = await t.gql(
      `mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { holidayRegion holidaysRemoved publicHolidays } }`,
      { i: { holidayRegion: '67', holidaysRemoved: ['2027-05-17'], publicHolidays: ['2027-12-08'] } },
      hr,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateOrganization).toEqual({
      holidayRegion: '67',
      holidaysRemoved: ['2027-05-17'],
      publicHolidays: ['2027-12-08'],
    });
    const after = (await days(2027)).holidays as { date: string; source: string; removed: boolean }[];
    expect(after.filter((d) => !d.removed).map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-08',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(after.find((d) => d.date === '2027-05-17')).toMatchObject({ source: 'COUNTRY', removed: true });
    expect(after.find((d) => d.date === '2027-12-08')).toMatchObject({
      source: 'ORGANIZATION',
      removed: false,
    });
    // Another country drops the region; the audit log says what changed.
    const us = await t.gql(
      `mutation { updateOrganization(input: { holidayCountry: "DE" }) { holidayCountry holidayRegion } }`,
      {},
      hr,
    );
    expect(us.data!.updateOrganization).toEqual({ holidayCountry: 'DE', holidayRegion: null });
    const [audit] = await t.db.query(
      `SELECT after FROM audit_event WHERE action = 'organization.update' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.after).toMatchObject({ holidayCountry: 'DE', holidayRegion: null });
    // The list of countries and regions, for HR.
    const countries = await t.gql(
      `{ holidayCountries(locale: "fr") { code name regions { code name } } }`,
      {},
      hr,
    );
    const fr = countries.data!.holidayCountries.find((c: { code: string }) => c.code === 'FR');
    expect(fr.name).toBe('France');
    expect(fr.regions.map((x: { code: string }) => x.code)).toContain('67');
    expect(
      codes(await t.gql(`{ holidayCountries { code } }`, {}, await t.login('employee@meridian.example'))),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HOLIDAYS, { y: 1800 }, hr))).toEqual(['BAD_USER_INPUT']);
    await t.gql(UPDATE, { i: { holidayCountry: 'FR', holidaysRemoved: [], publicHolidays: [] } }, hr);
  });

  it.each([
    [{ anonymityThreshold: 2 }, 'anonymityThreshold'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ workdayStart: '25:00' }, 'workdayStart'],
    [{ workdayStart: '18:00', workdayEnd: '09:00' }, 'workdayEnd'],
    [{ workingDays: [0, 8] }, 'workingDays'],
    [{ publicHolidays: ['2027-02-30'] }, 'publicHolidays'],
    [{ defaultLocale: 'de' }, 'defaultLocale'],
    [{ holidayCountry: 'ZZ' }, 'holidayCountry'],
    [{ holidayCountry: 'fr' }, 'holidayCountry'],
    [{ holidayCountry: 'FR', holidayRegion: 'BY' }, 'holidayRegion'],
    [{ holidayCountry: null, holidayRegion: '67' }, 'holidayRegion'],
    [{ holidaysRemoved: ['2027-13-01'] }, 'holidaysRemoved'],
    [{ name: '' }, 'name'],
  ])('refuses %j naming the field, and writes nothing', async (input, field) => {
    const before = await t.db.query('SELECT * FROM organization');
    const r = await t.gql(UPDATE, { i: input }, hr);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.field).toBe(`input.${field}`);
    expect(await t.db.query('SELECT * FROM organization')).toEqual(before);
  });
});
