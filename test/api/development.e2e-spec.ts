import { Role } from '../../apps/api/src/modules/organization/organization.enums';
import { codes, createTestApp, type TestApp } from '../setup/test-app';
import { newOrganization, newPerson, newTeam } from '../setup/factories';

const LOG = `mutation($i: LogDecisionInput!) { logDecision(input: $i) { id kind levelsCrossed review teamId escalatedToId amount } }`;
const INDEX = `query($t: ID, $p: ID) { autonomyIndex(teamId: $t, personId: $p) { scope
  current { total decidedLocally escalated beyondRightsPending beyondRightsConfirmed settledWithoutEscalationPercent medianEscalationDelayHours meanLevelsCrossed }
  organization { total settledWithoutEscalationPercent medianEscalationDelayHours }
  trend { month total settledWithoutEscalationPercent organizationPercent } perceived { shown favourable organization } } }`;
const REVIEW_PAGE = `query($t: ID!) { developmentReview(teamId: $t) { teamName managerName headcount
  autonomy { current { settledWithoutEscalationPercent total } organization { settledWithoutEscalationPercent } trend { month } rightsUsage { decisionTypeName decidedLocally } perceived { shown favourable } }
  skills { coverage { value organization } gaps { skillName below } }
  training { hoursPerFte { value previous organization } completions { value organization } monthlyHours { month value organization } }
  plans { total onTrack late onTrackPercent { value organization } upcoming { personName nextReviewOn } }
  engagement { shown score { value organization } respondents }
  upwardFeedback { shown note }
  retention { basis headcount tenureYears { value organization } retention { value } }
  reviews { conclusions actions { title ownerName } } } }`;

describe('team development', () => {
  let t: TestApp;
  let employee: string;
  let manager: string;
  let hr: string;
  let agent: string;
  let employeeId: string;
  let managerId: string;
  let agentId: string;
  let lyon: string;
  let itDesk: string;
  let types: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    [employee, manager, hr, agent] = await Promise.all(
      ['employee', 'manager', 'hr', 'agent'].map((u) => t.login(`${u}@meridian.example`)),
    );
    const ids: { email: string; id: string; team_id: string }[] = await t.db.query(
      `SELECT email, id, team_id FROM person WHERE email IN ('employee@meridian.example', 'manager@meridian.example', 'agent@meridian.example')`,
    );
    const by = (e: string) => ids.find((x) => x.email === `${e}@meridian.example`)!;
    employeeId = by('employee').id;
    managerId = by('manager').id;
    agentId = by('agent').id;
    lyon = by('employee').team_id;
    itDesk = by('agent').team_id;
    const r = await t.gql(`{ decisionTypes { id name unit } }`, {}, employee);
    types = Object.fromEntries(
      r.data!.decisionTypes.map((x: { name: string; id: string }) => [x.name, x.id]),
    );
  });
  afterAll(() => t.close());

  it('the demo has a year of decisions, rights widened over time, skills, trainings and plans', async () => {
    const rights = await t.gql(
      `query($t: ID) { decisionRights(teamId: $t, history: true) { decisionTypeName limitAmount validFrom validTo positionTitle teamName } }`,
      { t: lyon },
      manager,
    );
    expect(rights.errors).toBeUndefined();
    const gesture = rights.data!.decisionRights.filter(
      (x: { decisionTypeName: string; positionTitle: string | null }) =>
        x.decisionTypeName === 'Commercial gesture' && x.positionTitle === 'Customer Advisor',
    );
    expect(gesture.length).toBe(2);
    const [current, old] = gesture;
    expect(current.validTo).toBeNull();
    expect(old.validTo).not.toBeNull();
    // Decimal strings, exactly as stored (numeric(12,2)).
    expect(current.limitAmount).toBe('50.00');
    expect(old.limitAmount).toBe('30.00');

    const idx = await t.gql(INDEX, { t: lyon }, manager);
    expect(idx.errors).toBeUndefined();
    const a = idx.data!.autonomyIndex;
    expect(a.current.total).toBeGreaterThan(20);
    expect(a.trend).toHaveLength(12);
    expect(a.trend.filter((p: { total: number }) => p.total > 0).length).toBeGreaterThanOrEqual(11);
    expect(a.organization.total).toBeGreaterThan(a.current.total);
    expect(a.current.medianEscalationDelayHours).toBeGreaterThan(0);
    expect(a.current.meanLevelsCrossed).toBeGreaterThanOrEqual(1);

    const mine = await t.gql(
      `{ myDevelopment { personName skills { skillName requiredLevel level gap } plans { title goals { title ownerName } } rights { decisionTypeName limitAmount } autonomy { current { total } } } }`,
      {},
      employee,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myDevelopment.personName).toBe('Camille Durand');
    expect(mine.data!.myDevelopment.skills.length).toBeGreaterThanOrEqual(3);
    expect(mine.data!.myDevelopment.plans.length).toBeGreaterThanOrEqual(1);
    expect(mine.data!.myDevelopment.rights.length).toBeGreaterThanOrEqual(4);
    const courses = await t.gql(
      `{ courses { title ratings csat } trainingSessions { id courseTitle seatsTaken capacity } }`,
      {},
      employee,
    );
    expect(courses.data!.courses.length).toBeGreaterThanOrEqual(5);
    expect(courses.data!.courses.some((c: { csat: number | null }) => c.csat !== null)).toBe(true);
    expect(courses.data!.trainingSessions.length).toBeGreaterThan(0);
  });

  it('logs decisions within rights, escalated up the line, or beyond rights — and refuses what breaks the rules', async () => {
    const ok = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Fee waiver'],
          kind: 'DECIDED_LOCALLY',
          amount: '20',
          summary: 'Late fee waived',
        },
      },
      employee,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.logDecision.teamId).toBe(lyon);

    // Above the limit, alone: refused, pointing at the amount.
    const above = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Fee waiver'],
          kind: 'DECIDED_LOCALLY',
          amount: '5000',
          summary: 'Huge waiver',
        },
      },
      employee,
    );
    expect(codes(above)).toEqual(['BAD_USER_INPUT']);
    expect(above.errors![0].extensions!.field).toBe('input.amount');

    // Amounts are exact decimals: at the limit (40.00) allowed, one cent above refused; the amount
    // comes back as the exact string; three decimals or a negative amount are refused.
    const atLimit = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Fee waiver'],
          kind: 'DECIDED_LOCALLY',
          amount: '40.00',
          summary: 'At the limit',
        },
      },
      employee,
    );
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data!.logDecision.amount).toBe('40.00');
    const cent = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Fee waiver'],
          kind: 'DECIDED_LOCALLY',
          amount: '40.01',
          summary: 'One cent above',
        },
      },
      employee,
    );
    expect(codes(cent)).toEqual(['BAD_USER_INPUT']);
    expect(cent.errors![0].extensions!.field).toBe('input.amount');
    const exact = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Commercial gesture'],
          kind: 'DECIDED_LOCALLY',
          amount: '49.90',
          summary: 'Goodwill credit',
        },
      },
      employee,
    );
    expect(exact.errors).toBeUndefined();
    expect(exact.data!.logDecision.amount).toBe('49.90');
    for (const bad of ['10.005', '-1']) {
      const refused = await t.gql(
        LOG,
        {
          i: {
            decisionTypeId: types['Fee waiver'],
            kind: 'DECIDED_LOCALLY',
            amount: bad,
            summary: 'Bad amount',
          },
        },
        employee,
      );
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].extensions!.field).toBe('input.amount');
    }

    // Another team: refused.
    const other = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'DECIDED_LOCALLY',
          amount: '10',
          summary: 'Refund',
          teamId: itDesk,
        },
      },
      employee,
    );
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0].extensions!.field).toBe('input.teamId');

    // Escalation to someone outside the line: refused; to the manager's manager: two levels.
    const outside = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'ESCALATED',
          amount: '900',
          summary: 'Big refund',
          escalatedToId: agentId,
        },
      },
      employee,
    );
    expect(codes(outside)).toEqual(['BAD_USER_INPUT']);
    expect(outside.errors![0].extensions!.field).toBe('input.escalatedToId');
    const [{ manager_id: head }] = await t.db.query(`SELECT manager_id FROM person WHERE id = $1`, [
      managerId,
    ]);
    const up = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'ESCALATED',
          amount: '900',
          summary: 'Big refund',
          escalatedToId: head,
        },
      },
      employee,
    );
    expect(up.errors).toBeUndefined();
    expect(up.data!.logDecision.levelsCrossed).toBe(2);
    // The head answers; the decider cannot answer twice.
    const headToken = await t.tokenFor(head);
    const answered = await t.gql(
      `mutation($d: ID!) { answerEscalation(decisionId: $d) { answeredAt delayHours } }`,
      { d: up.data!.logDecision.id },
      headToken,
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerEscalation.delayHours).toBeGreaterThanOrEqual(0);
    const again = await t.gql(
      `mutation($d: ID!) { answerEscalation(decisionId: $d) { answeredAt } }`,
      { d: up.data!.logDecision.id },
      employee,
    );
    expect(codes(again)).toEqual(['CONFLICT']);

    // A device clock a little ahead: the decision is logged as made now, and answered at once.
    const ahead = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'ESCALATED',
          amount: '900',
          summary: 'Refund, phone clock ahead',
          escalatedToId: head,
          decidedAt: new Date(Date.now() + 30_000).toISOString(),
        },
      },
      employee,
    );
    expect(ahead.errors).toBeUndefined();
    const answeredAhead = await t.gql(
      `mutation($d: ID!) { answerEscalation(decisionId: $d) { decidedAt answeredAt delayHours } }`,
      { d: ahead.data!.logDecision.id },
      headToken,
    );
    expect(answeredAhead.errors).toBeUndefined();
    const a = answeredAhead.data!.answerEscalation;
    expect(new Date(a.decidedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(a.answeredAt).getTime()).toBeGreaterThanOrEqual(new Date(a.decidedAt).getTime());
    expect(a.delayHours).toBeGreaterThanOrEqual(0);

    // Beyond rights needs a justification.
    const bare = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'BEYOND_RIGHTS',
          amount: '700',
          summary: 'Refund beyond',
        },
      },
      employee,
    );
    expect(codes(bare)).toEqual(['BAD_USER_INPUT']);
    expect(bare.errors![0].extensions!.field).toBe('input.justification');
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM decision_log WHERE person_id = $1`, [employeeId]))[0]
        .n;
    const before = await count();
    // Nothing of a refused decision is kept, rollups included.
    const [{ total: rollBefore }] = await t.db.query(
      `SELECT coalesce(sum(total), 0)::int AS total FROM autonomy_monthly WHERE team_id = $1`,
      [lyon],
    );
    await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Refund'],
          kind: 'ESCALATED',
          amount: '1',
          summary: 'x',
          escalatedToId: agentId,
        },
      },
      employee,
    );
    expect(await count()).toBe(before);
    const [{ total: rollAfter }] = await t.db.query(
      `SELECT coalesce(sum(total), 0)::int AS total FROM autonomy_monthly WHERE team_id = $1`,
      [lyon],
    );
    expect(rollAfter).toBe(rollBefore);
  });

  it('a manager confirms a decision beyond rights and the team index moves; the decider cannot review it', async () => {
    const idx = async () => (await t.gql(INDEX, { t: lyon }, manager)).data!.autonomyIndex.current;
    const before = await idx();
    const logged = await t.gql(
      LOG,
      {
        i: {
          decisionTypeId: types['Commercial gesture'],
          kind: 'BEYOND_RIGHTS',
          amount: '400',
          summary: 'Gesture for a customer about to leave',
          justification: 'A loyal customer of 20 years was about to cancel every contract.',
        },
      },
      employee,
    );
    expect(logged.data!.logDecision.review).toBe('PENDING');
    const mid = await idx();
    expect(mid.beyondRightsPending).toBe(before.beyondRightsPending + 1);
    expect(mid.settledWithoutEscalationPercent).toBeCloseTo(before.settledWithoutEscalationPercent, 6);

    const pending = await t.gql(
      `{ decisions(pendingReview: true, limit: 100) { totalCount items { id } } }`,
      {},
      manager,
    );
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.decisions.items.map((d: { id: string }) => d.id)).toContain(
      logged.data!.logDecision.id,
    );
    const self = await t.gql(
      `mutation($i: ReviewDecisionInput!) { reviewDecision(input: $i) { review } }`,
      { i: { decisionId: logged.data!.logDecision.id, confirmed: true } },
      employee,
    );
    expect(codes(self)).toEqual(['FORBIDDEN']);
    const stranger = await t.gql(
      `mutation($i: ReviewDecisionInput!) { reviewDecision(input: $i) { review } }`,
      { i: { decisionId: logged.data!.logDecision.id, confirmed: true } },
      agent,
    );
    expect(codes(stranger)).toEqual(['FORBIDDEN']);
    const confirmed = await t.gql(
      `mutation($i: ReviewDecisionInput!) { reviewDecision(input: $i) { review } }`,
      { i: { decisionId: logged.data!.logDecision.id, confirmed: true, note: 'Right call' } },
      manager,
    );
    expect(confirmed.data!.reviewDecision.review).toBe('CONFIRMED');
    const after = await idx();
    expect(after.beyondRightsConfirmed).toBe(before.beyondRightsConfirmed + 1);
    expect(after.settledWithoutEscalationPercent).toBeGreaterThan(before.settledWithoutEscalationPercent);
    const twice = await t.gql(
      `mutation($i: ReviewDecisionInput!) { reviewDecision(input: $i) { review } }`,
      { i: { decisionId: logged.data!.logDecision.id, confirmed: false } },
      manager,
    );
    expect(codes(twice)).toEqual(['CONFLICT']);
    // The rollups agree with the log (the organisation's figures are built from them).
    const [check] = await t.db.query(
      `SELECT (SELECT sum(total)::int FROM autonomy_monthly WHERE team_id = $1) AS rolled,
              (SELECT count(*)::int FROM decision_log WHERE team_id = $1) AS logged,
              (SELECT sum(beyond_confirmed)::int FROM autonomy_monthly WHERE team_id = $1) AS c_rolled,
              (SELECT count(*)::int FROM decision_log WHERE team_id = $1 AND review = 'CONFIRMED') AS c_logged`,
      [lyon],
    );
    expect(check.rolled).toBe(check.logged);
    expect(check.c_rolled).toBe(check.c_logged);
  });

  it('decision rights: HR sets a position’s, a manager their team’s (dated, audited), an employee neither', async () => {
    const [{ id: advisor }] = await t.db.query(`SELECT id FROM position WHERE title = 'Customer Advisor'`);
    const SET = `mutation($i: SetDecisionRightInput!) { setDecisionRight(input: $i) { id limitAmount validFrom validTo } }`;
    const byEmployee = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], teamId: lyon, limitAmount: '500' } },
      employee,
    );
    expect(codes(byEmployee)).toEqual(['FORBIDDEN']);
    const managerOnPosition = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], positionId: advisor, limitAmount: '500' } },
      manager,
    );
    expect(codes(managerOnPosition)).toEqual(['FORBIDDEN']);
    const otherTeam = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], teamId: itDesk, limitAmount: '500' } },
      manager,
    );
    expect(codes(otherTeam)).toEqual(['FORBIDDEN']);
    const both = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], positionId: advisor, teamId: lyon, limitAmount: '500' } },
      hr,
    );
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    const first = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], teamId: lyon, limitAmount: '150' } },
      manager,
    );
    expect(first.errors).toBeUndefined();
    const second = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], teamId: lyon, limitAmount: '300' } },
      manager,
    );
    expect(second.data!.setDecisionRight.limitAmount).toBe('300.00');
    const threeDecimals = await t.gql(
      SET,
      { i: { decisionTypeId: types['Refund'], teamId: lyon, limitAmount: '300.005' } },
      manager,
    );
    expect(codes(threeDecimals)).toEqual(['BAD_USER_INPUT']);
    expect(threeDecimals.errors![0].extensions!.field).toBe('input.limitAmount');
    const [old] = await t.db.query(`SELECT valid_to FROM decision_right WHERE id = $1`, [
      first.data!.setDecisionRight.id,
    ]);
    expect(old.valid_to).not.toBeNull();
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'development.decision_right.set' AND entity_id = $1`,
      [second.data!.setDecisionRight.id],
    );
    expect(audit[0].n).toBe(1);
    const hrOnPosition = await t.gql(
      SET,
      { i: { decisionTypeId: types['Schedule exception'], positionId: advisor, limitAmount: '5' } },
      hr,
    );
    expect(hrOnPosition.errors).toBeUndefined();
  });

  it('scopes every read: own, line, organisation; another organisation sees nothing', async () => {
    expect(codes(await t.gql(INDEX, { t: lyon }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(INDEX, { t: itDesk }, manager))).toEqual(['FORBIDDEN']);
    expect((await t.gql(INDEX, { t: itDesk }, hr)).errors).toBeUndefined();
    expect((await t.gql(INDEX, { p: employeeId }, manager)).errors).toBeUndefined();
    expect(codes(await t.gql(INDEX, { p: managerId }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVIEW_PAGE, { t: lyon }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVIEW_PAGE, { t: itDesk }, manager))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(
          `query($p: ID!) { personSkills(personId: $p) { skillName } }`,
          { p: managerId },
          employee,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(`query($p: ID) { decisions(personId: $p) { totalCount } }`, { p: employeeId }, agent),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`{ autonomyHeatmap { columns } }`, {}, employee))).toEqual(['FORBIDDEN']);

    const org = await newOrganization(t.db, 'Elsewhere');
    const team = await newTeam(t.db, org, 'Counter');
    const outsider = await newPerson(t.db, org, {
      teamId: team,
      roles: [Role.HR, Role.EMPLOYEE],
      password: 'x-password-1',
    });
    const token = await t.tokenFor(outsider.id);
    expect(codes(await t.gql(REVIEW_PAGE, { t: lyon }, token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(INDEX, { p: employeeId }, token))).toEqual(['NOT_FOUND']);
    expect((await t.gql(`{ decisionTypes { id } }`, {}, token)).data!.decisionTypes).toEqual([]);
    const foreign = await t.gql(
      LOG,
      { i: { decisionTypeId: types['Refund'], kind: 'DECIDED_LOCALLY', amount: '1', summary: 'Sneaky' } },
      token,
    );
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
  });

  it('the development review shows each figure with the organisation beside it, and records conclusions', async () => {
    const page = await t.gql(REVIEW_PAGE, { t: lyon }, manager);
    expect(page.errors).toBeUndefined();
    const p = page.data!.developmentReview;
    expect(p.teamName).toBe('Customer Service — Lyon');
    expect(p.managerName).toBe('Nadia Benali');
    expect(p.autonomy.organization.settledWithoutEscalationPercent).toBeGreaterThan(0);
    expect(p.autonomy.rightsUsage.length).toBeGreaterThan(0);
    expect(p.skills.coverage.value).toBeGreaterThan(0);
    expect(p.skills.coverage.organization).toBeGreaterThan(0);
    expect(p.training.hoursPerFte.organization).toBeGreaterThan(0);
    expect(p.training.monthlyHours).toHaveLength(12);
    expect(p.plans.total).toBeGreaterThan(0);
    expect(p.retention.headcount).toBe(p.headcount);
    expect(['LEAVING_DATES', 'TENURE']).toContain(p.retention.basis);
    // Survey figures go through the survey results service: shown only from k respondents.
    const [{ k }] = await t.db.query(
      `SELECT anonymity_threshold AS k FROM organization WHERE name = 'Meridian Mutual'`,
    );
    if (p.engagement.shown) expect(p.engagement.respondents).toBeGreaterThanOrEqual(k);
    else expect(p.engagement.score.value).toBeNull();
    if (!p.autonomy.perceived.shown) expect(p.autonomy.perceived.favourable).toBeNull();
    expect(p.reviews.length).toBeGreaterThanOrEqual(1);

    const RECORD = `mutation($i: RecordReviewInput!) { recordDevelopmentReview(input: $i) { conclusions actions { title ownerName } } }`;
    const noOwner = await t.gql(
      RECORD,
      { i: { teamId: lyon, conclusions: 'Good year', actions: [{ title: 'Train' }] } },
      manager,
    );
    expect(codes(noOwner)).toEqual(['BAD_USER_INPUT']);
    expect(noOwner.errors![0].extensions!.field).toBe('input.actions.0.ownerId');
    const byEmployee = await t.gql(
      RECORD,
      { i: { teamId: lyon, conclusions: 'x y z', actions: [] } },
      employee,
    );
    expect(codes(byEmployee)).toEqual(['FORBIDDEN']);
    const recorded = await t.gql(
      RECORD,
      {
        i: {
          teamId: lyon,
          conclusions: 'More leeway on refunds; coaching on negotiation.',
          actions: [{ title: 'Raise the refund limit', ownerId: managerId, dueOn: '2027-01-31' }],
        },
      },
      manager,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordDevelopmentReview[0].conclusions).toMatch(/More leeway/);
    expect(recorded.data!.recordDevelopmentReview[0].actions[0].ownerName).toBe('Nadia Benali');

    const heat = await t.gql(
      `{ autonomyHeatmap { columns rows { teamName cells overall } } skillsHeatmap { columns rows { teamName cells } } }`,
      {},
      hr,
    );
    expect(heat.errors).toBeUndefined();
    expect(heat.data!.autonomyHeatmap.columns).toHaveLength(12);
    expect(heat.data!.autonomyHeatmap.rows.length).toBeGreaterThanOrEqual(15);
    expect(heat.data!.skillsHeatmap.columns.length).toBeGreaterThanOrEqual(5);
    const mgrHeat = await t.gql(`{ autonomyHeatmap { rows { teamName } } }`, {}, manager);
    expect(mgrHeat.data!.autonomyHeatmap.rows.map((r: { teamName: string }) => r.teamName)).toEqual([
      'Customer Service — Lyon',
    ]);
  });

  it('skills: levels 1-4 only, self for oneself, manager for the line, history kept', async () => {
    const [{ id: skill }] = await t.db.query(`SELECT id FROM skill WHERE name = 'Negotiation'`);
    const ASSESS = `mutation($i: AssessSkillInput!) { assessSkill(input: $i) { skillName selfLevel managerLevel level gap } }`;
    for (const level of [0, 5])
      expect(
        codes(await t.gql(ASSESS, { i: { personId: employeeId, skillId: skill, level } }, employee)),
      ).toEqual(['BAD_USER_INPUT']);
    const self = await t.gql(ASSESS, { i: { personId: employeeId, skillId: skill, level: 2 } }, employee);
    expect(self.errors).toBeUndefined();
    // The stored coverage of the heatmap is rebuilt after a change of levels.
    await t.gql(`{ skillsHeatmap { columns } }`, {}, hr);
    const state = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM skill_coverage_state s JOIN person p ON p.organization_id = s.organization_id WHERE p.id = $1`,
          [employeeId],
        )
      )[0].n;
    expect(await state()).toBe(1);
    const mgr = await t.gql(ASSESS, { i: { personId: employeeId, skillId: skill, level: 3 } }, manager);
    expect(await state()).toBe(0);
    await t.gql(`{ skillsHeatmap { columns } }`, {}, hr);
    expect(await state()).toBe(1);
    const row = mgr.data!.assessSkill.find((s: { skillName: string }) => s.skillName === 'Negotiation');
    expect(row).toMatchObject({ selfLevel: 2, managerLevel: 3, level: 3 });
    expect(
      codes(await t.gql(ASSESS, { i: { personId: managerId, skillId: skill, level: 3 } }, employee)),
    ).toEqual(['FORBIDDEN']);
    const history = await t.gql(
      `query($p: ID!) { skillAssessments(personId: $p) { skillName source level } }`,
      { p: employeeId },
      employee,
    );
    expect(
      history.data!.skillAssessments.filter((a: { skillName: string }) => a.skillName === 'Negotiation')
        .length,
    ).toBeGreaterThanOrEqual(2);
    const matrix = await t.gql(
      `query($t: ID!) { skillsMatrix(teamId: $t) { skills { name } rows { personName levels required } coverage } }`,
      { t: lyon },
      manager,
    );
    expect(matrix.errors).toBeUndefined();
    expect(matrix.data!.skillsMatrix.rows.length).toBeGreaterThan(5);
  });

  it('training: enrol, over capacity or twice refused, last seat to one of two racers, completion invites feedback', async () => {
    const [{ id: course }] = await t.db.query(`SELECT id FROM course WHERE title = 'Compliance refresher'`);
    const CREATE = `mutation($i: CreateSessionInput!) { createTrainingSession(input: $i) { id capacity seatsTaken } }`;
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      codes(
        await t.gql(
          CREATE,
          { i: { courseId: course, startsAt: start, endsAt: end, trainer: 'Sam', capacity: 2 } },
          manager,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const created = await t.gql(
      CREATE,
      { i: { courseId: course, startsAt: start, endsAt: end, trainer: 'Sam', capacity: 2 } },
      hr,
    );
    expect(created.errors).toBeUndefined();
    const session = created.data!.createTrainingSession.id;
    const ENROL = `mutation($i: EnrolInput!) { enrol(input: $i) { id status } }`;
    const mine = await t.gql(ENROL, { i: { sessionId: session } }, employee);
    expect(mine.data!.enrol.status).toBe('APPROVED');
    expect(codes(await t.gql(ENROL, { i: { sessionId: session } }, employee))).toEqual(['CONFLICT']);

    // Two people race for the last seat: exactly one gets it.
    const racers = await t.db.query(
      `SELECT id FROM person WHERE team_id = $1 AND id NOT IN ($2, $3) ORDER BY id LIMIT 2`,
      [lyon, employeeId, managerId],
    );
    const tokens = await Promise.all(racers.map((r: { id: string }) => t.tokenFor(r.id)));
    const results = await Promise.all(tokens.map((tk) => t.gql(ENROL, { i: { sessionId: session } }, tk)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(codes)).toEqual(['CONFLICT']);
    const [s] = await t.db.query(
      `SELECT seats_taken, (SELECT count(*)::int FROM enrolment WHERE session_id = $1) AS n FROM training_session WHERE id = $1`,
      [session],
    );
    expect(s).toEqual({ seats_taken: 2, n: 2 });
    // A manager cannot enrol someone outside their line.
    expect(codes(await t.gql(ENROL, { i: { sessionId: session, personId: agentId } }, manager))).toEqual([
      'FORBIDDEN',
    ]);

    // The employee completes it; the feedback is invited and validated by the surveys engine.
    const STATUS = `mutation($i: EnrolmentStatusInput!) { setEnrolmentStatus(input: $i) { status hours feedbackStatus } }`;
    expect(
      codes(await t.gql(STATUS, { i: { enrolmentId: mine.data!.enrol.id, status: 'REQUESTED' } }, employee)),
    ).toEqual(['BAD_USER_INPUT']);
    const done = await t.gql(
      STATUS,
      { i: { enrolmentId: mine.data!.enrol.id, status: 'COMPLETED' } },
      employee,
    );
    expect(done.data!.setEnrolmentStatus).toMatchObject({
      status: 'COMPLETED',
      hours: 3.5,
      feedbackStatus: 'PENDING',
    });
    const RATE = `mutation($i: RateTrainingInput!) { rateTraining(input: $i) }`;
    expect(codes(await t.gql(RATE, { i: { enrolmentId: mine.data!.enrol.id, csat: 9 } }, employee))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(RATE, { i: { enrolmentId: mine.data!.enrol.id, csat: 5 } }, manager))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await t.gql(RATE, { i: { enrolmentId: mine.data!.enrol.id, csat: 5, relevance: 4 } }, employee)).data!
        .rateTraining,
    ).toBe(true);
    expect(codes(await t.gql(RATE, { i: { enrolmentId: mine.data!.enrol.id, csat: 4 } }, employee))).toEqual([
      'CONFLICT',
    ]);
  });

  it('plans: every goal needs an owner, nothing is kept when one is refused; both parties agree', async () => {
    const CREATE = `mutation($i: CreatePlanInput!) { createDevelopmentPlan(input: $i) { id status goals { title ownerName late } } }`;
    const count = async () =>
      (
        await t.db.query(`SELECT count(*)::int AS n FROM development_plan WHERE person_id = $1`, [employeeId])
      )[0].n;
    const before = await count();
    const noOwner = await t.gql(
      CREATE,
      {
        i: {
          personId: employeeId,
          title: 'Grow into a senior role',
          goals: [
            { title: 'Lead a complex case', ownerId: employeeId, dueOn: '2027-03-01' },
            { title: 'Coaching sessions', dueOn: '2027-04-01' },
          ],
        },
      },
      manager,
    );
    expect(codes(noOwner)).toEqual(['BAD_USER_INPUT']);
    expect(noOwner.errors![0].extensions!.field).toBe('input.goals.1.ownerId');
    expect(await count()).toBe(before);
    const outsiderOwner = await t.gql(
      CREATE,
      {
        i: {
          personId: employeeId,
          title: 'Plan',
          goals: [{ title: 'Goal', ownerId: agentId, dueOn: '2027-03-01' }],
        },
      },
      manager,
    );
    expect(codes(outsiderOwner)).toEqual(['BAD_USER_INPUT']);
    const plan = await t.gql(
      CREATE,
      {
        i: {
          personId: employeeId,
          title: 'Grow into a senior role',
          nextReviewOn: '2027-02-01',
          goals: [
            { title: 'Lead a complex case', ownerId: employeeId, dueOn: '2027-03-01' },
            { title: 'Coaching sessions', ownerId: managerId, dueOn: '2020-01-01' },
          ],
        },
      },
      manager,
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.createDevelopmentPlan.status).toBe('DRAFT');
    expect(plan.data!.createDevelopmentPlan.goals[1].late).toBe(true);
    const agreed = await t.gql(
      `mutation($p: ID!) { agreeDevelopmentPlan(planId: $p) { status employeeAgreedAt managerAgreedAt onTrack } }`,
      { p: plan.data!.createDevelopmentPlan.id },
      employee,
    );
    expect(agreed.data!.agreeDevelopmentPlan.status).toBe('AGREED');
    expect(
      codes(
        await t.gql(
          CREATE,
          {
            i: {
              personId: managerId,
              title: 'x y',
              goals: [{ title: 'g g', ownerId: managerId, dueOn: '2027-01-01' }],
            },
          },
          employee,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const role = await t.gql(
      `mutation($i: RecordRoleChangeInput!) { recordRoleChange(input: $i) { kind toPositionTitle } }`,
      {
        i: {
          personId: employeeId,
          kind: 'NEW_RESPONSIBILITY',
          effectiveOn: '2026-10-01',
          note: 'Buddy for newcomers',
        },
      },
      manager,
    );
    expect(role.errors).toBeUndefined();
    expect(role.data!.recordRoleChange[0].kind).toBe('NEW_RESPONSIBILITY');
  });
});
