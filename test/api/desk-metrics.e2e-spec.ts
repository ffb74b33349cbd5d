import { DeskService } from '../../apps/api/src/modules/desk/desk.service';
import { createTestApp, type TestApp } from '../setup/test-app';

// Stored monthly desk figures (DeskMetricStore migration): after every kind of change, what the API
// answers from its stored months must equal a full live recomputation (the store wiped), the change
// must have moved the figures (else the comparison proves nothing), and the mark must have been
// lowered by the database to the month the change touches.

const FIELDS = `month supportServiceId categoryId requesterTeamId opened resolved backlog firstResponseConformity
  resolutionConformity medianResponseHours p90ResponseHours medianResolveHours p90ResolveHours reopenRate
  renegotiationRate ratings csat effort`;
const METRICS = `query($c: Boolean, $t: Boolean, $m: Int) { deskMetrics(months: $m, byCategory: $c, byTeam: $t) { ${FIELDS} } }`;
const OPEN = `mutation($i: OpenRequestInput!) { openRequest(input: $i) { id version } }`;
const TRANSITION = `mutation($i: TransitionInput!) { transitionRequest(input: $i) { id version state } }`;
const VARIANTS = [{}, { c: true }, { t: true }, { c: true, t: true }];

type Req = { id: string; version: number };

describe('desk metrics: stored months', () => {
  let t: TestApp;
  let employee: string;
  let agent: string;
  let hr: string;
  let itDesk: string;
  let category: string;
  let tz: string;

  const read = async (v: Record<string, unknown> = {}, months = 12) => {
    const r = await t.gql(METRICS, { ...v, m: months }, hr);
    expect(r.errors).toBeUndefined();
    return r.data!.deskMetrics as Record<string, unknown>[];
  };
  const wipe = async () => {
    await t.db.query(`DELETE FROM desk_metric_figure`);
    await t.db.query(`DELETE FROM desk_metric_mark`);
  };
  /** Every variant read once (stored), then the figures as a full live recomputation gives them. */
  const storeAll = async () => {
    const out: Record<string, unknown>[][] = [];
    for (const v of VARIANTS) out.push(await read(v));
    return out;
  };
  const liveAll = async () => {
    await wipe();
    return storeAll();
  };
  const month = async (sql: string, params: unknown[] = []) =>
    (
      await t.db.query(`SELECT to_char((${sql}) AT TIME ZONE $${params.length + 1}, 'YYYY-MM') AS m`, [
        ...params,
        tz,
      ])
    )[0].m as string;
  const marks = async () =>
    (
      await t.db.query(
        `SELECT version::int, ARRAY(SELECT to_char(h, 'YYYY-MM') FROM unnest(hi) h) AS hi FROM desk_metric_mark`,
      )
    )[0] as { version: number; hi: string[] };
  /**
   * The change under test, between a read that stored every month of every variant and the check:
   * the mark lowered to `touched` by the database, the stored answer equal to a live one, and
   * different from the answer before the change.
   */
  const afterChange = async (change: () => Promise<unknown>, touched: () => Promise<string>) => {
    const before = await storeAll();
    const stored = await marks();
    const cur = await month('now()');
    expect(stored.hi.every((h) => h > cur)).toBe(true);
    await change();
    const m = await touched();
    const mark = await marks();
    expect(mark.version).toBeGreaterThan(stored.version);
    expect(mark.hi).toEqual([m, m, m, m]);
    const answered = await storeAll();
    const live = await liveAll();
    expect(answered).toEqual(live);
    expect(live).not.toEqual(before);
    return { before, live };
  };

  const open = async (subject: string, token = employee): Promise<Req> => {
    const r = await t.gql(
      OPEN,
      { i: { supportServiceId: itDesk, categoryId: category, subject, description: 'Metrics test.' } },
      token,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.openRequest;
  };
  const move = async (r: Req, to: string, token = agent): Promise<Req> => {
    const x = await t.gql(TRANSITION, { i: { requestId: r.id, version: r.version, to } }, token);
    expect(x.errors).toBeUndefined();
    return x.data!.transitionRequest;
  };
  /** A request opened, answered and resolved `months` months ago (and `days` days after opening). */
  const old = async (subject: string, months: number, resolve = true, token = employee): Promise<Req> => {
    let r = await open(subject, token);
    r = await move(r, 'ACKNOWLEDGED');
    r = await move(r, 'IN_PROGRESS');
    if (resolve) r = await move(r, 'RESOLVED');
    await t.db.query(
      `UPDATE service_request SET created_at = created_at - make_interval(months => $2),
              first_responded_at = first_responded_at - make_interval(months => $2) + interval '3 hours',
              resolved_at = resolved_at - make_interval(months => $2) + interval '20 days'
        WHERE id = $1`,
      [r.id, months],
    );
    return r;
  };
  const createdMonth = (id: string) => () =>
    month(`SELECT created_at FROM service_request WHERE id = $1`, [id]);

  beforeAll(async () => {
    t = await createTestApp();
    employee = await t.login('employee@meridian.example');
    agent = await t.login('agent@meridian.example');
    hr = await t.login('hr@meridian.example');
    [{ id: itDesk }] = await t.db.query(`SELECT id FROM support_service WHERE name = 'IT Service Desk'`);
    [{ id: category }] = await t.db.query(
      `SELECT id FROM request_category WHERE support_service_id = $1 AND name = 'Laptop or phone problem'`,
      [itDesk],
    );
    [{ time_zone: tz }] = await t.db.query(
      `SELECT time_zone FROM organization WHERE id = (
      SELECT organization_id FROM support_service WHERE id = $1)`,
      [itDesk],
    );
    // Ratings shown from the lowest k allowed, so that one more rating changes the answer.
    await t.db.query(`UPDATE organization SET anonymity_threshold = 3`);
  });
  afterAll(() => t.close());

  it('repeated reads come from the stored months: a tampered stored figure shows until a change', async () => {
    const live = await liveAll();
    expect(live[0].length).toBeGreaterThanOrEqual(12);
    const cur = await month('now()');
    const [{ lo, hi }] = await t.db.query(
      `SELECT to_char(lo[1], 'YYYY-MM') AS lo, to_char(hi[1], 'YYYY-MM') AS hi FROM desk_metric_mark`,
    );
    expect(hi > cur).toBe(true);
    expect(lo).toBe(live[0][0].month);
    // Nothing changed: the answer is the stored one (proven by tampering with it), the same for every variant.
    const past = live[0][0].month as string;
    await t.db.query(
      `UPDATE desk_metric_figure SET opened = opened + 1000 WHERE variant = 1 AND to_char(month, 'YYYY-MM') = $1`,
      [past],
    );
    const tampered = await read();
    expect(tampered.filter((r) => r.month === past).every((r) => (r.opened as number) > 1000)).toBe(true);
    expect(await storeAll()).not.toEqual(live);
    // A change in the current month leaves the stored past months as they are (still tampered).
    const r = await open('Current month');
    expect((await marks()).hi).toEqual([cur, cur, cur, cur]);
    const again = await read();
    expect(again.filter((x) => x.month === past)).toEqual(tampered.filter((x) => x.month === past));
    expect(again.filter((x) => x.month === cur)).not.toEqual(tampered.filter((x) => x.month === cur));
    await move(r, 'ACKNOWLEDGED');
    expect(await liveAll()).toEqual(await storeAll());
  });

  it('a new request: its month recomputed, equal to a live recomputation', async () => {
    await afterChange(
      () => open('A new one'),
      () => month('now()'),
    );
  });

  it('a resolution of a request opened months ago (its month, and every backlog since)', async () => {
    // Opened by an agent of the service: no rating invited, only the request changes.
    const r = await old('Resolved late', 4, false, agent);
    await afterChange(async () => {
      await move(r, 'RESOLVED');
      await t.db.query(
        `UPDATE service_request SET resolved_at = created_at + interval '45 days' WHERE id = $1`,
        [r.id],
      );
    }, createdMonth(r.id));
  });

  it('a reopening of a request from an earlier month (and its rating withdrawn)', async () => {
    const r = await old('Reopened', 2);
    // Resolved a few days ago: still within the reopening window.
    await t.db.query(`UPDATE service_request SET resolved_at = now() - interval '2 days' WHERE id = $1`, [
      r.id,
    ]);
    const [{ version }] = await t.db.query(`SELECT version FROM service_request WHERE id = $1`, [r.id]);
    await afterChange(() => move({ id: r.id, version }, 'IN_PROGRESS', employee), createdMonth(r.id));
  });

  it('a rating of an old request (only its month)', async () => {
    const r = await old('Rated late', 6);
    const { before, live } = await afterChange(async () => {
      const x = await t.gql(
        `mutation($i: RateRequestInput!) { rateRequest(input: $i) }`,
        { i: { requestId: r.id, csat: 1, effort: 1 } },
        employee,
      );
      expect(x.errors).toBeUndefined();
    }, createdMonth(r.id));
    // Only that month's figures moved.
    const m = await createdMonth(r.id)();
    expect(live[0].filter((x) => x.month !== m)).toEqual(before[0].filter((x) => x.month !== m));
  });

  it('a renegotiation of an old open request', async () => {
    const r = await old('Renegotiated', 3, false);
    const [{ version }] = await t.db.query(`SELECT version FROM service_request WHERE id = $1`, [r.id]);
    await afterChange(async () => {
      const x = await t.gql(
        `mutation($i: RenegotiateInput!) { renegotiateRequest(input: $i) { version } }`,
        {
          i: {
            requestId: r.id,
            version,
            newDueAt: new Date(Date.now() + 5 * 864e5).toISOString(),
            reason: 'Waiting for a part',
          },
        },
        agent,
      );
      expect(x.errors).toBeUndefined();
    }, createdMonth(r.id));
  });

  it('changes outside the service: a move to another team, a deletion; the at-risk flags change nothing', async () => {
    const [x] = await t.db.query(
      `SELECT id, requester_team_id FROM service_request WHERE created_at < now() - interval '7 months'
        AND requester_team_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
    );
    const [team] = await t.db.query(`SELECT id FROM team WHERE id <> $1 LIMIT 1`, [x.requester_team_id]);
    await afterChange(
      () => t.db.query(`UPDATE service_request SET requester_team_id = $2 WHERE id = $1`, [x.id, team.id]),
      createdMonth(x.id),
    );
    const [y] = await t.db.query(
      `SELECT id FROM service_request WHERE created_at < now() - interval '9 months' ORDER BY created_at DESC LIMIT 1`,
    );
    const m = await createdMonth(y.id)();
    await afterChange(
      () => t.db.query(`DELETE FROM service_request WHERE id = $1`, [y.id]),
      async () => m,
    );
    // Changes that are not figures (a new version, a description) do not touch them: the mark stays.
    const mark = await marks();
    await t.db.query(
      `UPDATE service_request SET description = description || ' ', updated_at = now(), version = version + 1`,
    );
    expect(await marks()).toEqual(mark);
  });

  it('a change committed while a read computes: the read does not store (the next one recomputes)', async () => {
    await storeAll();
    const desk = t.app.get(DeskService) as unknown as { storeFigures: (...a: unknown[]) => Promise<void> };
    const r = await old('Raced', 5, false);
    await storeAll();
    // Invalidate the current month, then let a change of an older month commit between the read's
    // snapshot and its store: the store must be refused.
    await open('Forces a live current month');
    const original = desk.storeFigures.bind(desk);
    const spy = jest.spyOn(desk, 'storeFigures').mockImplementationOnce(async (...a: unknown[]) => {
      await move(r, 'RESOLVED');
      return original(...a);
    });
    await read();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const m = await createdMonth(r.id)();
    expect((await marks()).hi[0]).toBe(m);
    const answered = await storeAll();
    expect(answered).toEqual(await liveAll());
  });

  it('more months than stored, and another time zone: recomputed', async () => {
    await wipe();
    const short = await read({}, 3);
    expect(short.length).toBeGreaterThan(0);
    const long = await read({}, 12);
    expect(long.slice(-short.length)).toEqual(short);
    await wipe();
    expect(await read({}, 12)).toEqual(long);
    // Another time zone: every stored month is stale (tampered here: must not show).
    await t.db.query(`UPDATE desk_metric_figure SET opened = opened + 1000`);
    await t.db.query(`UPDATE organization SET time_zone = 'Pacific/Auckland'`);
    tz = 'Pacific/Auckland';
    const answered = await storeAll();
    expect(answered[0].every((r) => (r.opened as number) < 1000)).toBe(true);
    expect(answered).toEqual(await liveAll());
  });
});
