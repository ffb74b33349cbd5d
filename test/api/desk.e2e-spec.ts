import { commitmentDueAt, waitingPauses } from '@symmetry/domain';
import { createApp } from '../../apps/api/src/server';
import { DeskService } from '../../apps/api/src/modules/desk/desk.service';
import { CALENDAR_COLUMNS, calendarOf } from '../../apps/api/src/modules/organization/public-holidays';
import { codes, createTestApp, testConfig, type TestApp } from '../setup/test-app';

const OPEN = `mutation($i: OpenRequestInput!) { openRequest(input: $i) { id reference state status version createdAt
  firstResponseDueAt resolutionDueAt originalResolutionDueAt } }`;
const TRANSITION = `mutation($i: TransitionInput!) { transitionRequest(input: $i) { id state status version firstRespondedAt
  firstResponseMet resolvedAt resolutionMet resolutionDueAt renegotiatedDueAt reopenCount } }`;
const DETAIL = `query($id: ID!) { request(id: $id) { id state version viewerRole status resolutionDueAt renegotiatedDueAt
  commitment { version wording { en fr } } timeline { kind internal body fromState toState data actorId }
  children { id reference supportServiceId requesterId } rating { status csat } } }`;

describe('service desk', () => {
  let t: TestApp;
  let employee: string;
  let agent: string;
  let hr: string;
  let itDesk: { id: string; owner_team_id: string };
  let facilities: { id: string };
  let category: { id: string; commitment: { version: number } };
  let employeeId: string;
  let agentId: string;

  const open = async (subject = 'My laptop will not start', token = employee) => {
    const r = await t.gql(
      OPEN,
      {
        i: {
          supportServiceId: itDesk.id,
          categoryId: category.id,
          subject,
          description: 'Since this morning.',
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.openRequest;
  };
  const move = async (req: { id: string; version: number }, to: string, token = agent, comment?: string) =>
    t.gql(TRANSITION, { i: { requestId: req.id, version: req.version, to, comment } }, token);
  const detail = async (id: string, token: string) => (await t.gql(DETAIL, { id }, token)).data!.request;

  beforeAll(async () => {
    t = await createTestApp();
    employee = await t.login('employee@meridian.example');
    agent = await t.login('agent@meridian.example');
    hr = await t.login('hr@meridian.example');
    [itDesk] = await t.db.query(
      `SELECT id, owner_team_id FROM support_service WHERE name = 'IT Service Desk'`,
    );
    [facilities] = await t.db.query(`SELECT id FROM support_service WHERE name = 'Workplace & Facilities'`);
    [{ id: employeeId }] = await t.db.query(
      `SELECT id FROM person WHERE email = 'employee@meridian.example'`,
    );
    [{ id: agentId }] = await t.db.query(`SELECT id FROM person WHERE email = 'agent@meridian.example'`);
    const cats = await t.gql(
      `query($s: ID) { requestCategories(supportServiceId: $s) { id name commitment { version firstResponseUnit firstResponseAmount resolutionAmount wording { en fr } } } }`,
      { s: itDesk.id },
      employee,
    );
    category = cats.data!.requestCategories.find(
      (c: { name: string }) => c.name === 'Laptop or phone problem',
    );
  });
  afterAll(() => t.close());

  it('the demo comes with a catalogue in the requester’s words and a year of requests', async () => {
    const cats = await t.gql(
      `{ requestCategories { name supportServiceId commitment { wording { en fr } } } }`,
      {},
      employee,
    );
    expect(cats.data!.requestCategories.length).toBeGreaterThanOrEqual(15);
    expect(cats.data!.requestCategories[0].commitment.wording.en).toMatch(
      /^We answer within \d+ business hours? and resolve it within \d+ business days?\./,
    );
    expect(cats.data!.requestCategories[0].commitment.wording.fr).toMatch(/^Nous répondons sous/);
    const [{ n, months }] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT date_trunc('month', created_at))::int AS months FROM service_request`,
    );
    expect(n).toBeGreaterThan(2000);
    expect(months).toBeGreaterThanOrEqual(12);
  });

  it('opens a request with due moments from the business calendar and the current commitment', async () => {
    const r = await open();
    expect(r).toMatchObject({ state: 'NEW', reference: expect.stringMatching(/^REQ-\d+$/) });
    const [org] = await t.db.query(`SELECT ${CALENDAR_COLUMNS} FROM organization LIMIT 1`);
    const cal = calendarOf(org);
    const created = new Date(r.createdAt);
    expect(new Date(r.firstResponseDueAt).toISOString()).toBe(
      commitmentDueAt(created, { unit: 'BUSINESS_HOURS', amount: 2 }, cal).toISOString(),
    );
    expect(new Date(r.resolutionDueAt).toISOString()).toBe(
      commitmentDueAt(created, { unit: 'BUSINESS_DAYS', amount: 2 }, cal).toISOString(),
    );
    const d = await detail(r.id, employee);
    expect(d.viewerRole).toBe('REQUESTER');
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED']);
    const rel = await t.gql(
      `query($id: ID!) { request(id: $id) { supportService { name } category { name } requester { displayName } requesterTeam { name } timeline { actor { displayName } } } }`,
      { id: r.id },
      employee,
    );
    expect(rel.data!.request).toMatchObject({
      supportService: { name: 'IT Service Desk' },
      category: { name: 'Laptop or phone problem' },
      requester: { displayName: 'Camille Durand' },
      requesterTeam: { name: expect.any(String) },
      timeline: [{ actor: { displayName: 'Camille Durand' } }],
    });
  });

  it('refuses bad input: unknown category for the service, short subject, illegal moves, wrong people', async () => {
    const wrong = await t.gql(
      OPEN,
      { i: { supportServiceId: facilities.id, categoryId: category.id, subject: 'Chair' } },
      employee,
    );
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0].extensions!.field).toBe('input.categoryId');
    const short = await t.gql(
      OPEN,
      { i: { supportServiceId: itDesk.id, categoryId: category.id, subject: 'x' } },
      employee,
    );
    expect(short.errors![0].extensions!.field).toBe('input.subject');
    const r = await open('Illegal moves');
    const illegal = await move(r, 'RESOLVED');
    expect(codes(illegal)).toEqual(['BAD_USER_INPUT']);
    expect(illegal.errors![0].extensions!.field).toBe('input.to');
    expect(illegal.errors![0].message).toMatch(/cannot move a request from NEW to RESOLVED/);
    expect(codes(await move(r, 'ACKNOWLEDGED', employee))).toEqual(['FORBIDDEN']);
    // Someone unrelated does not even learn that the request exists.
    const [{ id: stranger }] = await t.db.query(
      `SELECT p.id FROM person p WHERE p.team_id <> $1 AND p.id <> $2 AND NOT EXISTS (SELECT 1 FROM team x WHERE x.manager_id = p.id) AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.person_id = p.id AND ('HR' = ANY(a.roles::text[]) OR 'ADMIN' = ANY(a.roles::text[]))) LIMIT 1`,
      [itDesk.owner_team_id, employeeId],
    );
    const peek = await t.gql(DETAIL, { id: r.id }, await t.tokenFor(stranger));
    expect(codes(peek)).toEqual(['NOT_FOUND']);
  });

  it('a request’s life: acknowledgement, notes, waiting, renegotiation, resolution against the original promise', async () => {
    let r = await open('Screen flickers');
    const ack = await move(r, 'ACKNOWLEDGED');
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.transitionRequest).toMatchObject({ state: 'ACKNOWLEDGED', firstResponseMet: true });
    r = ack.data!.transitionRequest;
    // Internal note: the service sees it, the requester does not.
    const note = await t.gql(
      `mutation($i: ReplyInput!) { replyToRequest(input: $i) { kind internal } }`,
      { i: { requestId: r.id, body: 'Probably the docking station.', internal: true } },
      agent,
    );
    expect(note.data!.replyToRequest).toEqual({ kind: 'NOTE', internal: true });
    const noteByRequester = await t.gql(
      `mutation($i: ReplyInput!) { replyToRequest(input: $i) { kind } }`,
      { i: { requestId: r.id, body: 'sneaky', internal: true } },
      employee,
    );
    expect(codes(noteByRequester)).toEqual(['FORBIDDEN']);
    expect((await detail(r.id, employee)).timeline.some((e: { kind: string }) => e.kind === 'NOTE')).toBe(
      false,
    );
    expect((await detail(r.id, agent)).timeline.some((e: { kind: string }) => e.kind === 'NOTE')).toBe(true);
    r = (await move(r, 'IN_PROGRESS')).data!.transitionRequest;
    r = (await move(r, 'WAITING_ON_REQUESTER', agent, 'Which docking station model?')).data!
      .transitionRequest;
    expect(r.status).toBe('PAUSED');
    // Pretend the wait lasted since yesterday, then the requester answers: the clock runs again and
    // the due moment moves later by exactly the business time waited.
    await t.db.query(
      `UPDATE request_event SET at = at - interval '1 day' WHERE request_id = $1 AND to_state = 'WAITING_ON_REQUESTER'`,
      [r.id],
    );
    const reply = await t.gql(
      `mutation($i: ReplyInput!) { replyToRequest(input: $i) { kind } }`,
      { i: { requestId: r.id, body: 'A Dell WD19.' } },
      employee,
    );
    expect(reply.errors).toBeUndefined();
    const after = await detail(r.id, agent);
    expect(after.state).toBe('IN_PROGRESS');
    const [row] = await t.db.query(
      `SELECT created_at, original_resolution_due_at, resolution_due_at FROM service_request WHERE id = $1`,
      [r.id],
    );
    const history = (
      await t.db.query(
        `SELECT at, to_state FROM request_event WHERE request_id = $1 AND kind IN ('CREATED', 'STATE') ORDER BY at, id`,
        [r.id],
      )
    ).map((e: { at: Date; to_state: string }) => ({ state: e.to_state, at: new Date(e.at) }));
    const [org] = await t.db.query(`SELECT ${CALENDAR_COLUMNS} FROM organization LIMIT 1`);
    const expected = commitmentDueAt(
      row.created_at,
      { unit: 'BUSINESS_DAYS', amount: 2 },
      calendarOf(org),
      waitingPauses(history.slice(0, -1), history[history.length - 1].at),
    );
    expect(new Date(row.resolution_due_at).toISOString()).toBe(expected.toISOString());
    expect(new Date(row.resolution_due_at).getTime()).toBeGreaterThanOrEqual(
      new Date(row.original_resolution_due_at).getTime(),
    );
    // Renegotiated: a new date with its reason, shown to the requester.
    const newDue = new Date(Date.now() + 10 * 864e5).toISOString();
    const reneg = await t.gql(
      `mutation($i: RenegotiateInput!) { renegotiateRequest(input: $i) { renegotiatedDueAt version } }`,
      {
        i: { requestId: r.id, version: after.version, newDueAt: newDue, reason: 'Replacement part on order' },
      },
      agent,
    );
    expect(reneg.data!.renegotiateRequest.renegotiatedDueAt).toBe(newDue);
    const seen = await detail(r.id, employee);
    const due = seen.timeline.find((e: { kind: string }) => e.kind === 'DUE_CHANGED');
    expect(due).toMatchObject({ body: 'Replacement part on order', data: { newDueAt: newDue } });
    // The original promise passes; resolved before the renegotiated date, it is still a non-conformity.
    await t.db.query(
      `UPDATE service_request SET resolution_due_at = now() - interval '1 hour' WHERE id = $1`,
      [r.id],
    );
    const resolved = await move(
      { id: r.id, version: reneg.data!.renegotiateRequest.version },
      'RESOLVED',
      agent,
      'New docking station installed.',
    );
    expect(resolved.data!.transitionRequest).toMatchObject({
      state: 'RESOLVED',
      resolutionMet: false,
      status: 'MISSED',
    });
    const bell = await t.gql('{ notifications { items { kind link } } }', {}, employee);
    expect(bell.data!.notifications.items[0]).toEqual({
      kind: 'REQUEST_RESOLVED',
      link: `/requests/${r.id}`,
    });
  });

  it('the second of two concurrent edits gets CONFLICT and nothing is lost', async () => {
    const r = await open('Two agents at once');
    const [a, b] = await Promise.all([
      t.gql(
        `mutation($i: AssignInput!) { assignRequest(input: $i) { assigneeId version } }`,
        { i: { requestId: r.id, version: r.version, assigneeId: agentId } },
        agent,
      ),
      t.gql(
        `mutation($i: AssignInput!) { assignRequest(input: $i) { assigneeId version } }`,
        { i: { requestId: r.id, version: r.version, assigneeId: null } },
        hr,
      ),
    ]);
    const outcomes = [codes(a)[0] ?? 'OK', codes(b)[0] ?? 'OK'].sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND kind = 'ASSIGNED'`,
      [r.id],
    );
    expect(events[0].n).toBe(1);
    const notAgent = await t.gql(
      `mutation($i: AssignInput!) { assignRequest(input: $i) { assigneeId } }`,
      { i: { requestId: r.id, version: r.version + 1, assigneeId: employeeId } },
      agent,
    );
    expect(notAgent.errors![0].extensions!.field).toBe('input.assigneeId');
    // A former agent of the service (leaving date reached) is not assignable either.
    const [{ id: former }] = await t.db.query(
      `SELECT id FROM person WHERE team_id = (SELECT team_id FROM person WHERE id = $1) AND id <> $1
          AND left_on IS NULL ORDER BY id LIMIT 1`,
      [agentId],
    );
    await t.db.query(`UPDATE person SET left_on = current_date - 1 WHERE id = $1`, [former]);
    try {
      const gone = await t.gql(
        `mutation($i: AssignInput!) { assignRequest(input: $i) { assigneeId } }`,
        { i: { requestId: r.id, version: r.version + 1, assigneeId: former } },
        agent,
      );
      expect(codes(gone)).toEqual(['BAD_USER_INPUT']);
      expect(gone.errors![0].extensions!.field).toBe('input.assigneeId');
    } finally {
      await t.db.query(`UPDATE person SET left_on = NULL WHERE id = $1`, [former]);
    }
  });

  it('rating at closure: requester only, once, validated by the closure survey; reopening withdraws it', async () => {
    let r = await open('Needs rating');
    for (const to of ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'])
      r = (await move(r, to)).data!.transitionRequest;
    const RATE = `mutation($i: RateRequestInput!) { rateRequest(input: $i) }`;
    const bad = await t.gql(RATE, { i: { requestId: r.id, csat: 6, effort: 5 } }, employee);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('input.csat');
    expect(codes(await t.gql(RATE, { i: { requestId: r.id, csat: 5, effort: 6 } }, agent))).toEqual([
      'FORBIDDEN',
    ]);
    const ok = await t.gql(
      RATE,
      { i: { requestId: r.id, csat: 5, effort: 6, comment: 'Quick and kind.' } },
      employee,
    );
    expect(ok.data!.rateRequest).toBe(true);
    expect(codes(await t.gql(RATE, { i: { requestId: r.id, csat: 4, effort: 6 } }, employee))).toEqual([
      'CONFLICT',
    ]);
    expect((await detail(r.id, employee)).rating).toEqual({ status: 'RATED', csat: 5 });
    // The service learns that it was rated, not the score.
    expect((await detail(r.id, agent)).rating).toEqual({ status: 'RATED', csat: null });
    const reopened = await move(r, 'IN_PROGRESS', employee, 'Still broken');
    expect(reopened.data!.transitionRequest).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1 });
    expect((await detail(r.id, employee)).rating.status).toBe('WITHDRAWN');
    r = (await move(reopened.data!.transitionRequest, 'RESOLVED')).data!.transitionRequest;
    expect((await detail(r.id, employee)).rating.status).toBe('PENDING');
    // Reopening is limited in time.
    await t.db.query(`UPDATE service_request SET resolved_at = now() - interval '30 days' WHERE id = $1`, [
      r.id,
    ]);
    const late = await move(r, 'IN_PROGRESS', employee);
    expect(codes(late)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors![0].message).toMatch(/reopen/i);
  });

  it('agents cannot rate their own service’s work', async () => {
    let r = await open('Agent asks own desk', agent);
    for (const to of ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'])
      r = (await move(r, to, hr)).data!.transitionRequest;
    const rate = await t.gql(
      `mutation($i: RateRequestInput!) { rateRequest(input: $i) }`,
      { i: { requestId: r.id, csat: 5, effort: 7 } },
      agent,
    );
    expect(codes(rate)).toEqual(['FORBIDDEN']);
  });

  it('one case across services: linked tasks under one requester timeline', async () => {
    const r = await open('New joiner next Monday');
    const [fcat] = await t.db.query(`SELECT id FROM request_category WHERE support_service_id = $1 LIMIT 1`, [
      facilities.id,
    ]);
    const spawn = await t.gql(
      `mutation($i: SpawnTaskInput!) { spawnRequestTask(input: $i) { id parentRequestId requesterId supportServiceId } }`,
      {
        i: {
          parentRequestId: r.id,
          supportServiceId: facilities.id,
          categoryId: fcat.id,
          subject: 'Desk and badge for the new joiner',
        },
      },
      agent,
    );
    expect(spawn.errors).toBeUndefined();
    expect(spawn.data!.spawnRequestTask).toMatchObject({
      parentRequestId: r.id,
      requesterId: employeeId,
      supportServiceId: facilities.id,
    });
    const d = await detail(r.id, employee);
    expect(d.children.map((c: { id: string }) => c.id)).toEqual([spawn.data!.spawnRequestTask.id]);
    expect(d.timeline.some((e: { kind: string }) => e.kind === 'LINKED')).toBe(true);
    const mine = await t.gql(`{ myRequests(limit: 100) { totalCount items { id } } }`, {}, employee);
    expect(
      mine.data!.myRequests.items.some((i: { id: string }) => i.id === spawn.data!.spawnRequestTask.id),
    ).toBe(true);
  });

  it('agents work a queue with filters; others may not see it', async () => {
    const r = await open('Breached one');
    await t.db.query(
      `UPDATE service_request SET resolution_due_at = now() - interval '1 minute' WHERE id = $1`,
      [r.id],
    );
    const Q = `query($s: ID!, $b: Boolean, $u: Boolean) { deskQueue(supportServiceId: $s, breached: $b, unassigned: $u, limit: 100) { totalCount items { id status state resolutionDueAt requester { displayName } category { name } } } }`;
    const all = await t.gql(Q, { s: itDesk.id }, agent);
    expect(all.errors).toBeUndefined();
    expect(all.data!.deskQueue.totalCount).toBeGreaterThan(5);
    const [{ open: openCount }] = await t.db.query(
      `SELECT count(*)::int AS open FROM service_request WHERE support_service_id = $1 AND state NOT IN ('RESOLVED', 'CLOSED')`,
      [itDesk.id],
    );
    expect(all.data!.deskQueue.totalCount).toBe(openCount);
    const beyond = await t.gql(
      `query($s: ID!, $o: Int) { deskQueue(supportServiceId: $s, offset: $o, limit: 10) { totalCount items { id } } }`,
      { s: itDesk.id, o: 100000 },
      agent,
    );
    expect(beyond.data!.deskQueue).toEqual({ totalCount: openCount, items: [] });
    const dues = all.data!.deskQueue.items.map((i: { resolutionDueAt: string }) => i.resolutionDueAt);
    expect([...dues].sort()).toEqual(dues);
    const breached = await t.gql(Q, { s: itDesk.id, b: true }, agent);
    expect(breached.data!.deskQueue.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect(breached.data!.deskQueue.items.every((i: { status: string }) => i.status === 'LATE')).toBe(true);
    expect(codes(await t.gql(Q, { s: itDesk.id }, employee))).toEqual(['FORBIDDEN']);
    // Never repeat yourself: the requester's context beside the request.
    const ctx = await t.gql(
      `query($id: ID!) { requesterContext(id: $id) { person { displayName team { name } position { title } } openRequests { id } similarOpen { id subject } recentRatings { csat } } }`,
      { id: r.id },
      agent,
    );
    expect(ctx.errors).toBeUndefined();
    expect(ctx.data!.requesterContext.person.displayName).toBe('Camille Durand');
    expect(ctx.data!.requesterContext.openRequests.length).toBeGreaterThan(0);
    expect(
      codes(
        await t.gql(
          `query($id: ID!) { requesterContext(id: $id) { openRequests { id } } }`,
          { id: r.id },
          employee,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('commitments are versioned: a request keeps the version it was opened under', async () => {
    const before = await open('Opened under v1');
    const upd = await t.gql(
      `mutation($i: UpdateCommitmentInput!) { updateCommitment(input: $i) { commitment { version firstResponseAmount } } }`,
      {
        i: {
          categoryId: category.id,
          firstResponse: { unit: 'BUSINESS_HOURS', amount: 1 },
          resolution: { unit: 'BUSINESS_DAYS', amount: 1 },
        },
      },
      hr,
    );
    expect(upd.data!.updateCommitment.commitment).toEqual({ version: 2, firstResponseAmount: 1 });
    const denied = await t.gql(
      `mutation($i: UpdateCommitmentInput!) { updateCommitment(input: $i) { id } }`,
      {
        i: {
          categoryId: category.id,
          firstResponse: { unit: 'BUSINESS_HOURS', amount: 1 },
          resolution: { unit: 'BUSINESS_DAYS', amount: 1 },
        },
      },
      employee,
    );
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const after = await open('Opened under v2');
    expect((await detail(before.id, employee)).commitment.version).toBe(1);
    expect((await detail(after.id, employee)).commitment.version).toBe(2);
  });

  it('at 75% of the allowed time the assignee, the service manager and the requester are warned, once, even with two instances', async () => {
    let r = await open('Risky one');
    r = (
      await t.gql(
        `mutation($i: AssignInput!) { assignRequest(input: $i) { id version } }`,
        { i: { requestId: r.id, version: r.version, assigneeId: agentId } },
        agent,
      )
    ).data!.assignRequest;
    await t.db.query(
      `UPDATE service_request SET resolution_risk_at = now() - interval '1 minute' WHERE id = $1`,
      [r.id],
    );
    await t.db.query(
      `INSERT INTO request_risk_warning (request_id, kind, organization_id)
       SELECT id, 'first_response', organization_id FROM service_request WHERE id = $1`,
      [r.id],
    );
    const second = await createApp(testConfig(), t.databaseUrl);
    try {
      await Promise.all([
        t.app.get(DeskService).sweep(),
        second.get(DeskService).sweep(),
        t.app.get(DeskService).sweep(),
      ]);
    } finally {
      await second.close();
    }
    const [{ manager_id }] = await t.db.query(`SELECT manager_id FROM team WHERE id = $1`, [
      itDesk.owner_team_id,
    ]);
    const notes = await t.db.query(
      `SELECT person_id FROM notification WHERE kind = 'REQUEST_AT_RISK' AND link = $1 ORDER BY person_id`,
      [`/requests/${r.id}`],
    );
    expect(notes.map((n: { person_id: string }) => n.person_id)).toEqual(
      [agentId, manager_id, employeeId].sort(),
    );
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND kind = 'AT_RISK'`,
      [r.id],
    );
    expect(events[0].n).toBe(1);
    expect((await detail(r.id, employee)).status).toBe('AT_RISK');
  });

  it('monthly metrics per service: conformity, times, backlog, rates; CSAT only from k ratings', async () => {
    const M = `query($s: ID, $c: Boolean) { deskMetrics(supportServiceId: $s, months: 12, byCategory: $c) { month supportServiceId categoryId opened resolved backlog
      firstResponseConformity resolutionConformity medianResponseHours p90ResponseHours medianResolveHours p90ResolveHours reopenRate renegotiationRate ratings csat effort } }`;
    const r = await t.gql(M, { s: itDesk.id }, hr);
    expect(r.errors).toBeUndefined();
    const rows = r.data!.deskMetrics;
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      expect(row.supportServiceId).toBe(itDesk.id);
      if (row.resolutionConformity !== null) expect(row.resolutionConformity).toBeGreaterThanOrEqual(0);
      if (row.resolutionConformity !== null) expect(row.resolutionConformity).toBeLessThanOrEqual(100);
      if (row.ratings === null) expect(row.csat).toBeNull();
      else expect(row.ratings).toBeGreaterThanOrEqual(5);
      if (row.p90ResolveHours !== null)
        expect(row.p90ResolveHours).toBeGreaterThanOrEqual(row.medianResolveHours);
    }
    // Opened per month matches a plain count.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM service_request WHERE support_service_id = $1 AND to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') = $2`,
      [itDesk.id, rows[0].month],
    );
    expect(rows[0].opened).toBe(n);
    expect(rows.some((x: { csat: number | null }) => x.csat !== null)).toBe(true);
    const byCat = await t.gql(M, { s: itDesk.id, c: true }, hr);
    expect(byCat.data!.deskMetrics.some((x: { categoryId: string | null }) => x.categoryId !== null)).toBe(
      true,
    );
    expect(codes(await t.gql(M, { s: itDesk.id }, employee))).toEqual(['FORBIDDEN']);
    const stored = await t.app.get(DeskService).storeMonthlyMetrics();
    expect(stored.rows).toBeGreaterThan(0);
  });
});
