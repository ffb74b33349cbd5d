import { codes, createTestApp, type TestApp } from '../setup/test-app';

const IMPORT = `mutation($csv: String!, $mode: ImportMode!) {
  importPeople(csv: $csv, mode: $mode) { valid applied totalRows created updated unchanged errors { line field message } }
}`;

const HEADER =
  'email,first_name,last_name,team,team_kind,parent_team,manager_email,position,position_level,track,hire_date,fte,base_salary,currency,roles,manages_team';
const GOOD = [
  HEADER,
  'lea.roux@meridian.example,Léa,Roux,Accueil — Vannes,FRONT_LINE,Customer Operations,,Team Manager,,,2021-03-01,1,45000,EUR,MANAGER,yes',
  'yanis.petit@meridian.example,Yanis,Petit,Accueil — Vannes,,,lea.roux@meridian.example,Customer Advisor,,,2024-09-15,0.8,31000.00,EUR,,',
  'zoe.garnier@meridian.example,Zoé,Garnier,Accueil — Vannes,,,lea.roux@meridian.example,Conseiller mobile,2,Front line,2025-01-06,1,,,,',
].join('\n');

describe('people import (CSV)', () => {
  let t: TestApp;
  let hr: string;
  const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM person'))[0].n as number;
  const audits = async () => (await t.db.query('SELECT count(*)::int AS n FROM audit_event'))[0].n as number;
  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
  });
  afterAll(() => t.close());

  it('validates without writing anything', async () => {
    const before = await count();
    const r = await t.gql(IMPORT, { csv: GOOD, mode: 'VALIDATE' }, hr);
    expect(r.data!.importPeople).toEqual({
      valid: true,
      applied: false,
      totalRows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(await count()).toBe(before);
  });

  it('applies a valid file: people, a new team under its parent, positions, managers, accounts, pay', async () => {
    const before = await count();
    const r = await t.gql(IMPORT, { csv: GOOD, mode: 'APPLY' }, hr);
    expect(r.data!.importPeople).toMatchObject({ valid: true, applied: true, created: 3, updated: 0 });
    expect(await count()).toBe(before + 3);
    const [team] = await t.db.query(
      `SELECT t.kind, p.name AS parent, m.email AS manager FROM team t JOIN team p ON p.id = t.parent_id JOIN person m ON m.id = t.manager_id WHERE t.name = 'Accueil — Vannes'`,
    );
    expect(team).toEqual({
      kind: 'FRONT_LINE',
      parent: 'Customer Operations',
      manager: 'lea.roux@meridian.example',
    });
    const [yanis] = await t.db.query(
      `SELECT p.fte, p.base_salary, m.email AS manager, pos.title, a.roles FROM person p JOIN person m ON m.id = p.manager_id
       JOIN position pos ON pos.id = p.position_id JOIN user_account a ON a.person_id = p.id WHERE p.email = 'yanis.petit@meridian.example'`,
    );
    expect(yanis).toEqual({
      fte: '0.800',
      base_salary: '31000.00',
      manager: 'lea.roux@meridian.example',
      title: 'Customer Advisor',
      roles: '{EMPLOYEE}',
    });
    const [lea] = await t.db.query(
      "SELECT a.roles FROM user_account a WHERE a.email = 'lea.roux@meridian.example'",
    );
    expect(lea.roles).toBe('{EMPLOYEE,MANAGER}');
    const [{ level }] = await t.db.query("SELECT level FROM position WHERE title = 'Conseiller mobile'");
    expect(level).toBe(2);
  });

  it('re-importing the same file changes nothing', async () => {
    const a = await audits();
    const [{ updated_at }] = await t.db.query(
      "SELECT updated_at FROM person WHERE email = 'yanis.petit@meridian.example'",
    );
    const r = await t.gql(IMPORT, { csv: GOOD, mode: 'APPLY' }, hr);
    expect(r.data!.importPeople).toMatchObject({ valid: true, created: 0, updated: 0, unchanged: 3 });
    const [{ updated_at: after }] = await t.db.query(
      "SELECT updated_at FROM person WHERE email = 'yanis.petit@meridian.example'",
    );
    expect(after).toEqual(updated_at);
    expect(await audits()).toBe(a + 1); // only the import's own trace
  });

  it('reports every bad row with its line and reason, and applies nothing', async () => {
    const csv = [
      HEADER,
      'ok.person@meridian.example,Ok,Person,Accueil — Vannes,,,lea.roux@meridian.example,,,,2025-02-01,1,,,,',
      'bad-email,No,Mail,Accueil — Vannes,,,,,,,2025-02-01,1,,,,',
      'x1@meridian.example,Bad,Date,Accueil — Vannes,,,,,,,2025-02-30,1,,,,',
      'x2@meridian.example,Bad,Fte,Accueil — Vannes,,,,,,,2025-02-01,1.5,,,,',
      'x3@meridian.example,No,Team,Nowhere,,,,,,,2025-02-01,1,,,,',
      'x4@meridian.example,No,Boss,Accueil — Vannes,,,ghost@meridian.example,,,,2025-02-01,1,,,,',
      'x5@meridian.example,Bad,Role,Accueil — Vannes,,,,,,,2025-02-01,1,,,KING,',
      'x6@meridian.example,Bad,Pay,Accueil — Vannes,,,,,,,2025-02-01,1,12.345,EUR,,',
      'ok.person@meridian.example,Twice,Listed,Accueil — Vannes,,,,,,,2025-02-01,1,,,,',
    ].join('\n');
    const before = await count();
    const r = await t.gql(IMPORT, { csv, mode: 'APPLY' }, hr);
    const res = r.data!.importPeople;
    expect(res.valid).toBe(false);
    expect(res.applied).toBe(false);
    expect(res.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'hire_date'],
      [5, 'fte'],
      [6, 'team_kind'],
      [7, 'manager_email'],
      [8, 'roles'],
      [9, 'base_salary'],
      [10, 'email'],
    ]);
    expect(res.errors[7].message).toMatch(/line 2/);
    expect(await count()).toBe(before);
  });

  it('applies only the valid rows when HR explicitly asks, and rows that depend on a bad row are refused too', async () => {
    const csv = [
      HEADER,
      'boss.bad@meridian.example,Boss,Bad,Accueil — Vannes,,,,,,,not-a-date,1,,,,',
      'report@meridian.example,Re,Port,Accueil — Vannes,,,boss.bad@meridian.example,,,,2025-02-01,1,,,,',
      'fine@meridian.example,Fine,Row,Accueil — Vannes,,,lea.roux@meridian.example,,,,2025-02-01,1,,,,',
    ].join('\n');
    const before = await count();
    const r = await t.gql(IMPORT, { csv, mode: 'APPLY_VALID_ROWS' }, hr);
    expect(r.data!.importPeople).toMatchObject({ valid: false, applied: true, created: 1 });
    expect(r.data!.importPeople.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(await count()).toBe(before + 1);
  });

  it('refuses management cycles', async () => {
    const csv = [
      HEADER,
      'lea.roux@meridian.example,Léa,Roux,Accueil — Vannes,,,yanis.petit@meridian.example,Team Manager,,,2021-03-01,1,45000,EUR,MANAGER,yes',
    ].join('\n');
    const r = await t.gql(IMPORT, { csv, mode: 'VALIDATE' }, hr);
    expect(r.data!.importPeople.errors[0]).toMatchObject({
      line: 2,
      field: 'manager_email',
      message: expect.stringMatching(/cycle/),
    });
  });

  it('reports a malformed file, unknown or missing columns', async () => {
    const malformed = await t.gql(IMPORT, { csv: `${HEADER}\n"unterminated,quote`, mode: 'VALIDATE' }, hr);
    expect(malformed.data!.importPeople.errors[0].message).toMatch(/Malformed CSV/);
    const unknown = await t.gql(
      IMPORT,
      { csv: 'email,first_name,last_name,team,hire_date,shoe_size\n', mode: 'VALIDATE' },
      hr,
    );
    expect(unknown.data!.importPeople.errors[0]).toMatchObject({ line: 1, field: 'shoe_size' });
    const missing = await t.gql(IMPORT, { csv: 'email,first_name\na@b.example,A\n', mode: 'VALIDATE' }, hr);
    expect(missing.data!.importPeople.errors[0]).toMatchObject({ line: 1, field: 'last_name' });
  });

  it('reads an optional left_on column: a leaving date is set and audited; empty keeps it; a bad one is refused with its line', async () => {
    const LEAVING = `${HEADER},left_on`;
    const zoe =
      'zoe.garnier@meridian.example,Zoé,Garnier,Accueil — Vannes,,,lea.roux@meridian.example,Conseiller mobile,2,Front line,2025-01-06,1,,,,';
    const set = await t.gql(IMPORT, { csv: `${LEAVING}\n${zoe},2026-03-31`, mode: 'APPLY' }, hr);
    expect(set.data!.importPeople).toMatchObject({ valid: true, applied: true, created: 0, updated: 1 });
    const leftOn = async () =>
      (
        await t.db.query(
          `SELECT to_char(left_on, 'YYYY-MM-DD') AS d FROM person WHERE email = 'zoe.garnier@meridian.example'`,
        )
      )[0].d;
    expect(await leftOn()).toBe('2026-03-31');
    const [audit] = await t.db.query(
      `SELECT a.before, a.after FROM audit_event a JOIN person p ON p.id::text = a.entity_id
        WHERE a.action = 'person.leaving.set' AND p.email = 'zoe.garnier@meridian.example'`,
    );
    expect(audit).toEqual({ before: { leftOn: null }, after: { leftOn: '2026-03-31' } });
    // The same file again, the original file without the column, or an empty value: nothing changes.
    for (const csv of [`${LEAVING}\n${zoe},2026-03-31`, GOOD, `${LEAVING}\n${zoe},`]) {
      const again = await t.gql(IMPORT, { csv, mode: 'APPLY' }, hr);
      expect(again.data!.importPeople).toMatchObject({ applied: true, created: 0, updated: 0 });
    }
    expect(await leftOn()).toBe('2026-03-31');
    // A new person may come with a leaving date already (an import of former staff).
    const former = `${LEAVING}\nmax.former@meridian.example,Max,Former,Accueil — Vannes,,,,,,,2019-05-01,1,,,,,2025-06-30`;
    const created = await t.gql(IMPORT, { csv: former, mode: 'APPLY' }, hr);
    expect(created.data!.importPeople).toMatchObject({ valid: true, applied: true, created: 1 });
    const bad = await t.gql(
      IMPORT,
      {
        csv: [
          LEAVING,
          `${zoe},2026-02-30`,
          'lea.roux@meridian.example,Léa,Roux,Accueil — Vannes,,,,Team Manager,,,2021-03-01,1,,,MANAGER,yes,2020-12-31',
          `${zoe.replace('zoe.garnier', 'zoe.other')},31/03/2026`,
        ].join('\n'),
        mode: 'APPLY',
      },
      hr,
    );
    expect(bad.data!.importPeople).toMatchObject({ valid: false, applied: false });
    expect(bad.data!.importPeople.errors).toEqual([
      { line: 2, field: 'left_on', message: 'left_on "2026-02-30" is not a date YYYY-MM-DD' },
      { line: 3, field: 'left_on', message: 'left_on 2020-12-31 is before hire_date 2021-03-01' },
      { line: 4, field: 'left_on', message: 'left_on "31/03/2026" is not a date YYYY-MM-DD' },
    ]);
    // A new hire date after the leaving date kept from the data is refused too.
    const later = await t.gql(
      IMPORT,
      { csv: `${HEADER}\n${zoe.replace('2025-01-06', '2026-05-01')}`, mode: 'VALIDATE' },
      hr,
    );
    expect(later.data!.importPeople.errors).toEqual([
      {
        line: 2,
        field: 'hire_date',
        message: "hire_date 2026-05-01 is after the person's leaving date 2026-03-31",
      },
    ]);
    expect(await leftOn()).toBe('2026-03-31');
  });

  it('refuses an oversized upload as bad input', async () => {
    const big = HEADER + '\n' + 'x'.repeat(5_000_001);
    const r = await t.gql(IMPORT, { csv: big, mode: 'VALIDATE' }, hr);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.field).toBe('csv');
  });
});
