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

  it.each([
    [{ anonymityThreshold: 2 }, 'anonymityThreshold'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ workdayStart: '25:00' }, 'workdayStart'],
    [{ workdayStart: '18:00', workdayEnd: '09:00' }, 'workdayEnd'],
    [{ workingDays: [0, 8] }, 'workingDays'],
    [{ publicHolidays: ['2027-02-30'] }, 'publicHolidays'],
    [{ defaultLocale: 'de' }, 'defaultLocale'],
    [{ name: '' }, 'name'],
  ])('refuses %j naming the field, and writes nothing', async (input, field) => {
    const before = await t.db.query('SELECT * FROM organization');
    const r = await t.gql(UPDATE, { i: input }, hr);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.field).toBe(`input.${field}`);
    expect(await t.db.query('SELECT * FROM organization')).toEqual(before);
  });
});
