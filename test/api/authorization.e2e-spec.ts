import { codes, createTestApp, type TestApp } from '../setup/test-app';
import { newOrganization, newPerson, newTeam } from '../setup/factories';

const PAY = 'query($id: ID!) { person(id: $id) { displayName canViewPay pay { baseSalary currency } } }';

describe('authorization by role and scope', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    const rows: { email: string; id: string }[] = await t.db.query('SELECT email, id FROM person');
    ids = Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });
  afterAll(() => t.close());

  const someoneOutsideLyon = async () => {
    const [row] = await t.db.query(
      `SELECT p.id FROM person p JOIN team tm ON tm.id = p.team_id WHERE tm.name = 'Claims — Bordeaux' AND p.manager_id IS NOT NULL LIMIT 1`,
    );
    return row.id as string;
  };

  it("an employee reads their own pay, and is refused anyone else's", async () => {
    const token = await t.login('employee@meridian.example');
    const own = await t.gql(PAY, { id: ids['employee@meridian.example'] }, token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.person.pay).toEqual({
      baseSalary: expect.stringMatching(/^\d+\.\d{2}$/),
      currency: 'EUR',
    });
    const other = await t.gql(PAY, { id: ids['manager@meridian.example'] }, token);
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(other.errors![0].path).toEqual(['person', 'pay']);
    expect(other.data!.person).toEqual({ displayName: 'Nadia Benali', canViewPay: false, pay: null });
  });

  it('a manager reads pay in their reporting line only', async () => {
    const token = await t.login('manager@meridian.example');
    expect((await t.gql(PAY, { id: ids['employee@meridian.example'] }, token)).errors).toBeUndefined();
    const outside = await t.gql(PAY, { id: await someoneOutsideLyon() }, token);
    expect(codes(outside)).toEqual(['FORBIDDEN']);
    // Their own manager is above them, not in their line.
    const [{ manager_id }] = await t.db.query('SELECT manager_id FROM person WHERE id = $1', [
      ids['manager@meridian.example'],
    ]);
    expect(codes(await t.gql(PAY, { id: manager_id }, token))).toEqual(['FORBIDDEN']);
  });

  it("a line manager's line is the whole subtree, not only direct reports", async () => {
    // Head of Customer Operations -> Nadia (team manager) -> Camille.
    const [{ manager_id: head }] = await t.db.query('SELECT manager_id FROM person WHERE id = $1', [
      ids['manager@meridian.example'],
    ]);
    const [{ email }] = await t.db.query('SELECT email FROM person WHERE id = $1', [head]);
    const token = await t.login(email);
    const deep = await t.gql(PAY, { id: ids['employee@meridian.example'] }, token);
    expect(deep.errors).toBeUndefined();
    expect(deep.data!.person.canViewPay).toBe(true);
  });

  it("a report who has left is out of the line: their pay is HR's only; the people below them stay in", async () => {
    // Head of Customer Operations -> Nadia (team manager) -> Camille; Nadia has left.
    const nadia = ids['manager@meridian.example'];
    const [{ manager_id: head }] = await t.db.query('SELECT manager_id FROM person WHERE id = $1', [nadia]);
    const [{ email }] = await t.db.query('SELECT email FROM person WHERE id = $1', [head]);
    const token = await t.login(email);
    const hr = await t.login('hr@meridian.example');
    // Leaving tomorrow: still in the line (the notice period).
    await t.db.query(
      `UPDATE person SET left_on = (SELECT (now() AT TIME ZONE o.time_zone)::date + 1 FROM organization o WHERE o.id = person.organization_id) WHERE id = $1`,
      [nadia],
    );
    try {
      expect((await t.gql(PAY, { id: nadia }, token)).data!.person.canViewPay).toBe(true);
      await t.db.query(
        `UPDATE person SET left_on = (SELECT (now() AT TIME ZONE o.time_zone)::date - 1 FROM organization o WHERE o.id = person.organization_id) WHERE id = $1`,
        [nadia],
      );
      const gone = await t.gql(PAY, { id: nadia }, token);
      expect(codes(gone)).toEqual(['FORBIDDEN']);
      expect(gone.data!.person).toMatchObject({ canViewPay: false, pay: null });
      const below = await t.gql(PAY, { id: ids['employee@meridian.example'] }, token);
      expect(below.errors).toBeUndefined();
      expect(below.data!.person.canViewPay).toBe(true);
      const byHr = await t.gql(PAY, { id: nadia }, hr);
      expect(byHr.errors).toBeUndefined();
      expect(byHr.data!.person.pay).not.toBeNull();
    } finally {
      await t.db.query(`UPDATE person SET left_on = NULL WHERE id = $1`, [nadia]);
    }
  });

  it('HR reads everyone in the organisation', async () => {
    const token = await t.login('hr@meridian.example');
    const r = await t.gql('{ people(limit: 100) { items { canViewPay pay { baseSalary } } } }', {}, token);
    expect(r.errors).toBeUndefined();
    expect(
      r.data!.people.items.every((p: { canViewPay: boolean; pay: unknown }) => p.canViewPay && p.pay),
    ).toBe(true);
  });

  it('nobody reads another organisation: its people are not found, its data never listed', async () => {
    const org = await newOrganization(t.db);
    const team = await newTeam(t.db, org, 'Guichet — Mairie');
    const stranger = await newPerson(t.db, org, { teamId: team, password: 'stranger-pass', roles: [] });
    const hr = await t.login('hr@meridian.example');
    expect(codes(await t.gql(PAY, { id: stranger.id }, hr))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('query($id: ID!) { team(id: $id) { name } }', { id: team }, hr))).toEqual([
      'NOT_FOUND',
    ]);
    const all = await t.gql('{ teams { name } people(search: "Test", limit: 100) { totalCount } }', {}, hr);
    expect(all.data!.teams.map((x: { name: string }) => x.name)).not.toContain('Guichet — Mairie');
    expect(all.data!.people.totalCount).toBe(0);
    // And the stranger sees only their own organisation.
    const theirs = await t.login(stranger.email, 'stranger-pass');
    const mine = await t.gql('{ organization { name kind } teams { name } }', {}, theirs);
    expect(mine.data).toEqual({
      organization: { name: 'Other Org', kind: 'PUBLIC_SERVICE' },
      teams: [{ name: 'Guichet — Mairie' }],
    });
  });

  it('role-restricted operations refuse other roles', async () => {
    const employee = await t.login('employee@meridian.example');
    const manager = await t.login('manager@meridian.example');
    const hr = await t.login('hr@meridian.example');
    const update = 'mutation { updateOrganization(input: { name: "Hacked" }) { name } }';
    expect(codes(await t.gql(update, {}, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(update, {}, manager))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql('{ auditEvents { totalCount } }', {}, hr))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql('mutation { importPeople(csv: "email") { valid } }', {}, manager))).toEqual([
      'FORBIDDEN',
    ]);
    const setPay =
      'mutation($id: ID!) { setPersonPay(personId: $id, baseSalary: "99999.00", currency: "EUR") { id } }';
    expect(codes(await t.gql(setPay, { id: ids['employee@meridian.example'] }, employee))).toEqual([
      'FORBIDDEN',
    ]);
    const setRoles = 'mutation($id: ID!) { setPersonRoles(personId: $id, roles: [ADMIN]) { id } }';
    expect(codes(await t.gql(setRoles, { id: ids['employee@meridian.example'] }, hr))).toEqual(['FORBIDDEN']);
    const [{ name }] = await t.db.query('SELECT name FROM organization LIMIT 1');
    expect(name).toBe('Meridian Mutual');
  });

  it('refuses every operation without a token', async () => {
    for (const q of [
      '{ me { id } }',
      '{ people { totalCount } }',
      '{ teams { id } }',
      '{ organization { name } }',
    ]) {
      expect(codes(await t.gql(q))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('HR sets pay and ADMIN sets roles, each audited with before and after', async () => {
    const hr = await t.login('hr@meridian.example');
    const admin = await t.login('admin@meridian.example');
    const id = ids['employee@meridian.example'];
    const [{ base_salary: before }] = await t.db.query('SELECT base_salary FROM person WHERE id = $1', [id]);
    const r = await t.gql(
      'mutation($id: ID!) { setPersonPay(personId: $id, baseSalary: "41000.50", currency: "eur") { pay { baseSalary currency } } }',
      { id },
      hr,
    );
    expect(r.data!.setPersonPay.pay).toEqual({ baseSalary: '41000.50', currency: 'EUR' });
    const bad = await t.gql(
      'mutation($id: ID!) { setPersonPay(personId: $id, baseSalary: "12.345", currency: "EUR") { id } }',
      { id },
      hr,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('baseSalary');
    const roles = await t.gql(
      'mutation($id: ID!) { setPersonRoles(personId: $id, roles: [MANAGER]) { roles } }',
      { id },
      admin,
    );
    expect(roles.data!.setPersonRoles.roles).toEqual(['EMPLOYEE', 'MANAGER']);
    const log = await t.gql(
      '{ auditEvents(limit: 10) { totalCount items { action entityId before after actor { displayName } } } }',
      {},
      admin,
    );
    const events = log.data!.auditEvents.items;
    expect(events[0]).toEqual({
      action: 'person.roles.set',
      entityId: id,
      before: { roles: ['EMPLOYEE'] },
      after: { roles: ['EMPLOYEE', 'MANAGER'] },
      actor: { displayName: 'Morgan Lee' },
    });
    expect(events[1]).toEqual({
      action: 'person.pay.set',
      entityId: id,
      before: { baseSalary: before, currency: 'EUR' },
      after: { baseSalary: '41000.50', currency: 'EUR' },
      actor: { displayName: 'Hélène Moreau' },
    });
  });

  it('the audit log is append-only, even for SQL run by the application role', async () => {
    await expect(t.db.query("UPDATE audit_event SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });
});
