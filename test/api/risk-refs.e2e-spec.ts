import { Client } from 'pg';
import { createTestApp, type TestApp } from '../setup/test-app';

// The references of request_event, notification and request_risk_warning are checked per
// statement by triggers (migration RiskWarnings) instead of foreign keys: the same meaning.
describe('per-statement references of events, notifications and warnings', () => {
  let t: TestApp;
  let c: Client;
  let org: string;
  let request: string;
  let person: string;

  beforeAll(async () => {
    t = await createTestApp();
    c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    [{ organization_id: org, id: request }] = (
      await c.query(`SELECT organization_id, id FROM service_request ORDER BY number LIMIT 1`)
    ).rows;
  });
  afterAll(async () => {
    await c.end();
    await t.close();
  });

  /** A new person with nothing else pointing at them. */
  const newPerson = async (name: string) =>
    (
      await c.query(
        `INSERT INTO person (organization_id, first_name, last_name, email, hire_date)
         VALUES ($1, $2::text, 'Refs', lower($2::text) || '@refs.example', '2024-01-01') RETURNING id`,
        [org, name],
      )
    ).rows[0].id as string;

  const fails = async (sql: string, params: unknown[]) => {
    const e = (await c.query(sql, params).then(
      () => null,
      (x: unknown) => x,
    )) as { code?: string; constraint?: string } | null;
    return e && { code: e.code, constraint: e.constraint };
  };

  it('refuses rows whose references do not exist (23503, the former constraint names), in one statement or several', async () => {
    person = await newPerson('Ada');
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(
      await fails(
        `INSERT INTO notification (organization_id, person_id, kind, title) VALUES ($1, $2, 'X', 'ok'), ($1, $3, 'X', 'bad')`,
        [org, person, nobody],
      ),
    ).toEqual({ code: '23503', constraint: 'notification_person_id_fkey' });
    expect(
      await fails(
        `INSERT INTO notification (organization_id, person_id, kind, title) VALUES ($1, $2, 'X', 't')`,
        [nobody, person],
      ),
    ).toEqual({ code: '23503', constraint: 'notification_organization_id_fkey' });
    expect(
      await fails(`INSERT INTO request_event (organization_id, request_id, kind) VALUES ($1, $2, 'NOTE')`, [
        org,
        nobody,
      ]),
    ).toEqual({ code: '23503', constraint: 'request_event_request_id_fkey' });
    expect(
      await fails(
        `INSERT INTO request_event (organization_id, request_id, kind, actor_id) VALUES ($1, $2, 'NOTE', $3)`,
        [org, request, nobody],
      ),
    ).toEqual({ code: '23503', constraint: 'request_event_actor_id_fkey' });
    expect(
      await fails(
        `INSERT INTO request_risk_warning (request_id, kind, organization_id) VALUES ($1, 'resolution', $2)`,
        [nobody, org],
      ),
    ).toEqual({ code: '23503', constraint: 'request_risk_warning_request_id_fkey' });
    // An update that points a row elsewhere is checked too.
    await c.query(
      `INSERT INTO notification (organization_id, person_id, kind, title) VALUES ($1, $2, 'X', 'mine')`,
      [org, person],
    );
    expect(
      await fails(`UPDATE notification SET person_id = $2 WHERE person_id = $1`, [person, nobody]),
    ).toEqual({
      code: '23503',
      constraint: 'notification_person_id_fkey',
    });
    // Nothing of a refused statement was written; valid rows (a null actor too) are.
    expect((await c.query(`SELECT title FROM notification WHERE person_id = $1`, [person])).rows).toEqual([
      { title: 'mine' },
    ]);
    await c.query(
      `INSERT INTO request_event (organization_id, request_id, kind, actor_id) VALUES ($1, $2, 'NOTE', NULL)`,
      [org, request],
    );
  });

  it('deleting a referenced row cascades (or clears the actor), and a referenced id does not change', async () => {
    const p = await newPerson('Bea');
    await c.query(
      `INSERT INTO notification (organization_id, person_id, kind, title) VALUES ($1, $2, 'X', 'hi')`,
      [org, p],
    );
    await c.query(
      `INSERT INTO request_event (organization_id, request_id, kind, actor_id) VALUES ($1, $2, 'NOTE', $3)`,
      [org, request, p],
    );
    // Referenced by a notification and an event: refused by the first check that finds one.
    expect(await fails(`UPDATE person SET id = gen_random_uuid() WHERE id = $1`, [p])).toEqual({
      code: '23503',
      constraint: expect.stringMatching(/^(notification_person_id_fkey|request_event_actor_id_fkey)$/),
    });
    await c.query(`DELETE FROM person WHERE id = $1`, [p]);
    expect(
      (await c.query(`SELECT count(*)::int AS n FROM notification WHERE person_id = $1`, [p])).rows[0].n,
    ).toBe(0);
    expect(
      (await c.query(`SELECT count(*)::int AS n FROM request_event WHERE actor_id = $1`, [p])).rows[0].n,
    ).toBe(0);
    expect(
      (
        await c.query(
          `SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND kind = 'NOTE' AND actor_id IS NULL`,
          [request],
        )
      ).rows[0].n,
    ).toBe(2);

    // A request's events and warnings go with it.
    const [r] = (
      await c.query(
        `SELECT id FROM service_request WHERE id <> $1 AND parent_request_id IS NULL
            AND NOT EXISTS (SELECT 1 FROM service_request x WHERE x.parent_request_id = service_request.id)
            AND NOT EXISTS (SELECT 1 FROM request_rating g WHERE g.request_id = service_request.id) LIMIT 1`,
        [request],
      )
    ).rows;
    await c.query(
      `INSERT INTO request_risk_warning (request_id, kind, organization_id) VALUES ($1, 'resolution', $2) ON CONFLICT DO NOTHING`,
      [r.id, org],
    );
    await c.query(`INSERT INTO request_event (organization_id, request_id, kind) VALUES ($1, $2, 'NOTE')`, [
      org,
      r.id,
    ]);
    await c.query(`DELETE FROM service_request WHERE id = $1`, [r.id]);
    for (const table of ['request_event', 'request_risk_warning'])
      expect(
        (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE request_id = $1`, [r.id])).rows[0].n,
      ).toBe(0);
  });

  it('a row being inserted holds its reference: a concurrent delete waits for the commit, then cascades', async () => {
    const p = await newPerson('Cy');
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO notification (organization_id, person_id, kind, title) VALUES ($1, $2, 'X', 'held')`,
        [org, p],
      );
      let deleted = false;
      const del = other.query(`DELETE FROM person WHERE id = $1`, [p]).then(() => (deleted = true));
      await new Promise((r) => setTimeout(r, 400));
      expect(deleted).toBe(false); // waiting for the lock the check took
      await c.query('COMMIT');
      await del;
      expect(
        (await c.query(`SELECT count(*)::int AS n FROM notification WHERE person_id = $1`, [p])).rows[0].n,
      ).toBe(0);
    } finally {
      await c.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });

  it('emptying the organisations (TRUNCATE … CASCADE, as a test reset does) empties the three tables', async () => {
    const before = (
      await c.query(
        `SELECT (SELECT count(*) FROM notification) + (SELECT count(*) FROM request_event) + (SELECT count(*) FROM request_risk_warning) AS n`,
      )
    ).rows[0].n;
    expect(Number(before)).toBeGreaterThan(0);
    await c.query(
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change; TRUNCATE organization CASCADE; ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;',
    );
    for (const table of ['notification', 'request_event', 'request_risk_warning'])
      expect((await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
  });
});
