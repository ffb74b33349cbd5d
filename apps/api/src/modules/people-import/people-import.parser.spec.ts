import { parsePeopleCsv } from './people-import.parser';

const H = 'email,first_name,last_name,team,hire_date';

describe('people CSV parser', () => {
  it('parses rows with defaults, normalising e-mail, FTE, salary, roles and booleans', () => {
    const csv = `email,first_name,last_name,team,team_kind,hire_date,fte,base_salary,currency,roles,manages_team
Ana@Example.org,Ana,Lopes,Front,front line,2024-02-29,0.5,42000,eur,manager;hr,oui`;
    const { rows, errors } = parsePeopleCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      email: 'ana@example.org',
      teamKind: 'FRONT_LINE',
      fte: '0.500',
      baseSalary: '42000.00',
      currency: 'EUR',
      roles: ['EMPLOYEE', 'HR', 'MANAGER'],
      managesTeam: true,
    });
    expect(parsePeopleCsv(`${H}\nb@x.org,B,C,T,2024-01-01`).rows[0]).toMatchObject({
      fte: '1.000',
      baseSalary: null,
      roles: ['EMPLOYEE'],
      managesTeam: false,
    });
  });

  it.each([
    ['email', 'nope,B,C,T,2024-01-01'],
    ['hire_date', 'b@x.org,B,C,T,2023-02-29'],
    ['hire_date', 'b@x.org,B,C,T,01/02/2024'],
    ['first_name', 'b@x.org,,C,T,2024-01-01'],
    ['team', 'b@x.org,B,C,,2024-01-01'],
  ])('reports %s on its line', (field, row) => {
    const { rows, errors } = parsePeopleCsv(`${H}\n${row}`);
    expect(rows).toEqual([]);
    expect(errors[0]).toMatchObject({ line: 2, field });
  });

  it('counts lines as in the file, blank lines and quoted newlines included', () => {
    const csv = `${H}\n\na@x.org,"A\nB",C,T,2024-01-01\nbad,B,C,T,2024-01-01`;
    const { rows, errors } = parsePeopleCsv(csv);
    expect(rows[0].firstName).toBe('A\nB');
    expect(errors[0].line).toBe(5);
  });

  it('refuses a header without required columns, unknown columns, an empty file and broken quoting', () => {
    expect(parsePeopleCsv('email,first_name').fatal).toMatchObject({ line: 1, field: 'last_name' });
    expect(parsePeopleCsv(`${H},age`).fatal).toMatchObject({ line: 1, field: 'age' });
    expect(parsePeopleCsv(`${H}\n`).fatal?.message).toMatch(/no rows/);
    expect(parsePeopleCsv(`${H}\na@x.org,"A,B,T,2024-01-01`).fatal?.message).toMatch(/Malformed CSV/);
  });

  it('refuses FTE out of (0, 1], negative or sub-cent salary, salary without currency, unknown role', () => {
    const bad = ['0', '1.01', '-0.5', 'abc'].map(
      (f) => parsePeopleCsv(`${H},fte\nb@x.org,B,C,T,2024-01-01,${f}`).errors[0]?.field,
    );
    expect(bad).toEqual(['fte', 'fte', 'fte', 'fte']);
    const pay = ['-1,EUR', '10.001,EUR', '100,', '100,EURO'].map(
      (p) => parsePeopleCsv(`${H},base_salary,currency\nb@x.org,B,C,T,2024-01-01,${p}`).errors[0]?.field,
    );
    expect(pay).toEqual(['base_salary', 'base_salary', 'currency', 'currency']);
    expect(parsePeopleCsv(`${H},roles\nb@x.org,B,C,T,2024-01-01,CEO`).errors[0]).toMatchObject({
      field: 'roles',
      message: expect.stringMatching(/CEO/),
    });
  });
});

describe('the optional left_on column', () => {
  const H = 'email,first_name,last_name,team,hire_date,left_on';
  it('reads a leaving date; empty or absent keeps the current one (no value)', () => {
    const { rows, errors } = parsePeopleCsv(
      `${H}\na@x.org,A,B,T,2024-01-01,2026-03-31\nb@x.org,B,C,T,2024-01-01,`,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.leftOn)).toEqual(['2026-03-31', undefined]);
    expect(
      parsePeopleCsv('email,first_name,last_name,team,hire_date\na@x.org,A,B,T,2024-01-01').rows[0],
    ).not.toHaveProperty('leftOn');
  });

  it('refuses a date that does not exist, another format, or one before the hire date, with the line', () => {
    const { rows, errors } = parsePeopleCsv(
      `${H}\na@x.org,A,B,T,2024-01-01,2026-02-29\nb@x.org,B,C,T,2024-01-01,31/12/2026\nc@x.org,C,D,T,2024-01-01,2023-12-31\nd@x.org,D,E,T,2024-01-01,2024-01-01`,
    );
    expect(errors).toEqual([
      { line: 2, field: 'left_on', message: 'left_on "2026-02-29" is not a date YYYY-MM-DD' },
      { line: 3, field: 'left_on', message: 'left_on "31/12/2026" is not a date YYYY-MM-DD' },
      { line: 4, field: 'left_on', message: 'left_on 2023-12-31 is before hire_date 2024-01-01' },
    ]);
    expect(rows.map((r) => r.email)).toEqual(['d@x.org']);
  });
});

describe('the web app and the parser agree on the columns', () => {
  it('lists the same required and optional columns', async () => {
    const web = await import('../../../../web/src/modules/admin/utils/import-columns');
    const { COLUMNS, REQUIRED } = await import('./people-import.parser');
    expect([...web.REQUIRED_IMPORT_COLUMNS].sort()).toEqual([...REQUIRED].sort());
    expect([...web.REQUIRED_IMPORT_COLUMNS, ...web.OPTIONAL_IMPORT_COLUMNS].sort()).toEqual(
      [...COLUMNS].sort(),
    );
    // The template the web offers parses without errors.
    const parsed = parsePeopleCsv(web.importTemplateCsv());
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.errors).toEqual([]);
  });
});
