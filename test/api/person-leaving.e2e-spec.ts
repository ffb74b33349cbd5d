import { codes, createTestApp, type TestApp } from '../setup/test-app';

const SET = `mutation($p: ID!, $d: String) { setPersonLeaving(personId: $p, leftOn: $d) { id leftOn } }`;

describe('leaving dates: who may set and see them, and current staff', () => {
  let t: TestApp;
  let hr: string;
  let manager: string;
  let employee: string;
  let org: string;
  let teamId: string;
  let camille: string;
  let leaver: { id: string; name: string };
  let yesterday: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
    manager = await t.login('manager@meridian.example');
    employee = await t.login('employee@meridian.example');
    [{ id: camille, team_id: teamId, organization_id: org }] = await t.db.query(
      `SELECT id, team_id, organization_id FROM person WHERE email = 'employee@meridian.example'`,
    );
    // A current colleague of Camille's, reporting to Nadia (not a demo login).
    [leaver] = await t.db.query(
      `SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM person p JOIN person m ON m.id = p.manager_id
        WHERE p.team_id = $1 AND p.left_on IS NULL AND m.email = 'manager@meridian.example' AND p.email NOT LIKE 'employee@%'
        ORDER BY p.email LIMIT 1`,
      [teamId],
    );
    [{ d: yesterday }] = await t.db.query(
      `SELECT to_char((now() AT TIME ZONE time_zone)::date - 1, 'YYYY-MM-DD') AS d FROM organization WHERE id = $1`,
      [org],
    );
  });
  afterAll(() => t.close());

  it('HR and admins set or clear a leaving date, checked and audited; nobody else may', async () => {
    expect(codes(await t.gql(SET, { p: leaver.id, d: '2030-01-31' }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SET, { p: leaver.id, d: '2030-01-31' }, manager))).toEqual(['FORBIDDEN']);
    const bad = await t.gql(SET, { p: leaver.id, d: '2030-02-30' }, hr);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('leftOn');
    const early = await t.gql(SET, { p: leaver.id, d: '1990-01-01' }, hr);
    expect(early.errors![0]).toMatchObject({
      message: expect.stringMatching(/before the hire date/),
      extensions: { code: 'BAD_USER_INPUT', field: 'leftOn' },
    });
    const ok = await t.gql(SET, { p: leaver.id, d: '2030-01-31' }, hr);
    expect(ok.data!.setPersonLeaving).toEqual({ id: leaver.id, leftOn: '2030-01-31' });
    const [audit] = await t.db.query(
      `SELECT before, after FROM audit_event WHERE action = 'person.leaving.set' AND entity_id = $1`,
      [leaver.id],
    );
    expect(audit).toEqual({ before: { leftOn: null }, after: { leftOn: '2030-01-31' } });
    const cleared = await t.gql(SET, { p: leaver.id, d: null }, hr);
    expect(cleared.data!.setPersonLeaving.leftOn).toBeNull();
    // The database refuses a leaving date before the hire date whatever the writer.
    await expect(
      t.db.query(`UPDATE person SET left_on = hire_date - 1 WHERE id = $1`, [leaver.id]),
    ).rejects.toThrow(/ck_person_left_on/);
  });

  it('the leaving date is restricted like pay: the person, their line managers, HR and admins', async () => {
    await t.gql(SET, { p: leaver.id, d: '2030-01-31' }, hr);
    const q = `query($id: ID!) { person(id: $id) { leftOn } }`;
    expect((await t.gql(q, { id: leaver.id }, hr)).data!.person.leftOn).toBe('2030-01-31');
    expect((await t.gql(q, { id: leaver.id }, manager)).data!.person.leftOn).toBe('2030-01-31');
    expect((await t.gql(q, { id: leaver.id }, await t.tokenFor(leaver.id))).data!.person.leftOn).toBe(
      '2030-01-31',
    );
    expect(codes(await t.gql(q, { id: leaver.id }, employee))).toEqual(['FORBIDDEN']);
    expect((await t.gql(q, { id: camille }, employee)).data!.person.leftOn).toBeNull();
    await t.gql(SET, { p: leaver.id, d: null }, hr);
  });

  it('current staff only, once the date has come: directory (former staff for HR on request), team size, direct reports', async () => {
    const page = (token: string, former?: boolean) =>
      t.gql(
        `query($s: String, $f: Boolean) { people(search: $s, includeFormer: $f, limit: 100) { totalCount items { id } } }`,
        { s: leaver.name, f: former },
        token,
      );
    const size = async () =>
      (await t.gql(`query($id: ID!) { team(id: $id) { memberCount } }`, { id: teamId }, hr)).data!.team
        .memberCount as number;
    const reports = async () =>
      (await t.gql(`{ me { directReports { id } } }`, {}, manager)).data!.me.directReports.map(
        (p: { id: string }) => p.id,
      );
    const [{ total }] = await t.db.query(
      `SELECT count(*)::int AS total FROM person WHERE organization_id = $1`,
      [org],
    );
    const all = async () =>
      (await t.gql(`{ people { totalCount } }`, {}, hr)).data!.people.totalCount as number;
    const before = {
      listed: await page(employee),
      size: await size(),
      reports: await reports(),
      all: await all(),
    };
    expect(before.listed.data!.people.items.map((p: { id: string }) => p.id)).toContain(leaver.id);
    expect(before.reports).toContain(leaver.id);
    expect(before.all).toBeLessThan(total); // the demo's former staff are not listed
    // A date still to come changes nothing yet.
    await t.gql(SET, { p: leaver.id, d: '2030-01-31' }, hr);
    expect((await page(employee)).data!.people.totalCount).toBe(before.listed.data!.people.totalCount);
    // From the leaving date on: former staff.
    await t.gql(SET, { p: leaver.id, d: yesterday }, hr);
    const after = await page(employee);
    expect(after.data!.people.items.map((p: { id: string }) => p.id)).not.toContain(leaver.id);
    expect(after.data!.people.totalCount).toBe(before.listed.data!.people.totalCount - 1);
    expect(await all()).toBe(before.all - 1);
    expect(await size()).toBe(before.size - 1);
    expect(await reports()).not.toContain(leaver.id);
    const withFormer = await page(hr, true);
    expect(withFormer.data!.people.items.map((p: { id: string }) => p.id)).toContain(leaver.id);
    expect(codes(await page(employee, true))).toEqual(['FORBIDDEN']);
    // Still reachable by id (their requests, answers and history remain).
    expect(
      (await t.gql(`query($id: ID!) { person(id: $id) { displayName } }`, { id: leaver.id }, employee)).data!
        .person.displayName,
    ).toBe(leaver.name);
  });

  it('a survey opened now does not invite former staff', async () => {
    const c = await t.gql(
      `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`,
      { i: { templateKey: 'pulse', audienceTeamIds: [teamId], title: 'Current staff only' } },
      hr,
    );
    const id = c.data!.createSurvey.id;
    const s = await t.gql(
      `mutation($id: ID!, $i: ScheduleSurveyInput!) { scheduleSurvey(id: $id, input: $i) { status } }`,
      {
        id,
        i: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 864e5 * 3).toISOString() },
      },
      hr,
    );
    expect(s.data!.scheduleSurvey.status).toBe('OPEN');
    const invited: { person_id: string }[] = await t.db.query(
      `SELECT i.person_id FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id WHERE w.survey_id = $1`,
      [id],
    );
    const [{ current }] = await t.db.query(
      `SELECT count(*)::int AS current FROM person WHERE team_id = $1 AND (left_on IS NULL OR left_on > current_date)`,
      [teamId],
    );
    expect(invited.map((i) => i.person_id)).not.toContain(leaver.id);
    expect(invited).toHaveLength(current);
  });
});
