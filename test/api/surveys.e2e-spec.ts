import request from 'supertest';
import { createApp } from '../../apps/api/src/server';
import { SurveyRuntimeService } from '../../apps/api/src/modules/survey/survey-runtime.service';
import { codes, createTestApp, testConfig, type TestApp } from '../setup/test-app';

const CREATE = `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id title status version confidentiality
  questions { id type required text { en fr } scale { min max } } } }`;
const SCHEDULE = `mutation($id: ID!, $i: ScheduleSurveyInput!) { scheduleSurvey(id: $id, input: $i) { id status waves { number invited answered } } }`;
const MINE = `{ mySurveys { invitationId surveyId title canAnswer answered confidentiality k questions { id type required } } }`;
const SUBMIT = `mutation($i: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $i) { accepted confidentiality } }`;
const RESULTS = `query($s: ID!, $w: Int, $f: String) { surveyResults(surveyId: $s, waveNumber: $w, sliceId: $f) {
  scope waveStatus k focus { id label invited shown reason respondents responseRate }
  questions { questionId type shown reason n mean nps favourable score distribution { key count } }
  slices { id kind label shown reason respondents invited }
  heatmap { columns rows { id } cells { sliceId column score shown } }
  driverHeatmap { columns cells { sliceId column score shown } }
  drivers { outcome computed reason items { questionId r n } }
  comments { questionId shown comments }
  trend { waveNumber shown enps respondents } } }`;

type Answer = { questionId: string; value?: number; yes?: boolean; optionIds?: string[]; text?: string };

describe('surveys', () => {
  let t: TestApp;
  let hr: string;
  let teamId: string;
  let members: { id: string }[];
  let employee: string;
  const open = {
    kind: 'ONE_OFF',
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 7 * 864e5).toISOString(),
  };

  /** Pulse answers for the given eNPS and Likert value. */
  const pulseAnswers = (qs: { id: string; type: string }[], enps: number, likert: number): Answer[] =>
    qs.map((q) =>
      q.type === 'NPS_0_10' ? { questionId: q.id, value: enps } : { questionId: q.id, value: likert },
    );

  async function createAndOpen(input: Record<string, unknown>) {
    const c = await t.gql(CREATE, { i: input }, hr);
    expect(c.errors).toBeUndefined();
    const s = await t.gql(SCHEDULE, { id: c.data!.createSurvey.id, i: open }, hr);
    expect(s.errors).toBeUndefined();
    return {
      id: c.data!.createSurvey.id as string,
      questions: c.data!.createSurvey.questions,
      schedule: s.data!.scheduleSurvey,
    };
  }

  async function invitationOf(surveyId: string, personId: string): Promise<string> {
    const [row] = await t.db.query(
      `SELECT i.id FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id WHERE w.survey_id = $1 AND i.person_id = $2`,
      [surveyId, personId],
    );
    return row.id;
  }

  async function answerAs(personId: string, surveyId: string, answers: Answer[]) {
    const token = await t.tokenFor(personId);
    return t.gql(SUBMIT, { i: { invitationId: await invitationOf(surveyId, personId), answers } }, token);
  }

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
    employee = await t.login('employee@meridian.example');
    [{ team_id: teamId }] = await t.db.query(
      `SELECT team_id FROM person WHERE email = 'employee@meridian.example'`,
    );
    members = await t.db.query(
      `SELECT id FROM person WHERE team_id = $1 AND left_on IS NULL ORDER BY email`,
      [teamId],
    );
  });
  afterAll(() => t.close());

  it('the demo organisation comes with results to explore: engagement, support services, a pulse open now', async () => {
    const list = await t.gql(
      '{ surveys { id title status resultsPublished waves { number status invited answered } } }',
      {},
      hr,
    );
    const byTitle = new Map(list.data!.surveys.map((s: { title: string }) => [s.title, s]));
    const engagement = byTitle.get('Engagement survey 2026') as {
      id: string;
      status: string;
      waves: { answered: number; invited: number }[];
    };
    expect(engagement.status).toBe('CLOSED');
    expect(engagement.waves[0].answered / engagement.waves[0].invited).toBeGreaterThan(0.6);
    const pulse = byTitle.get('Weekly pulse') as { waves: { status: string }[] };
    expect(pulse.waves.map((w) => w.status)).toEqual(['CLOSED', 'CLOSED', 'OPEN']);
    const r = (await t.gql(RESULTS, { s: engagement.id }, hr)).data!.surveyResults;
    expect(r.drivers.computed).toBe(true);
    expect(r.heatmap.cells.filter((c: { shown: boolean }) => c.shown).length).toBeGreaterThan(100);
    const mine = await t.gql(MINE, {}, employee);
    expect(mine.data!.mySurveys.find((m: { title: string }) => m.title === 'Weekly pulse')).toMatchObject({
      canAnswer: true,
    });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM internal_metric_value WHERE metric = 'ENPS'`,
    );
    expect(n).toBeGreaterThan(5);

    // Upward feedback on the demo manager by her team, closed and published: she sees her results.
    const upward = list.data!.surveys.find((s: { title: string }) =>
      s.title.startsWith('Upward feedback'),
    ) as {
      id: string;
      status: string;
      resultsPublished: boolean;
      waves: { answered: number; invited: number }[];
    };
    expect(upward).toMatchObject({ status: 'CLOSED', resultsPublished: true });
    const [{ reports }] = await t.db.query(
      `SELECT count(*)::int AS reports FROM person r JOIN person m ON m.id = r.manager_id
        WHERE m.email = 'manager@meridian.example' AND r.left_on IS NULL`,
    );
    expect(upward.waves[0].invited).toBe(reports);
    const manager = await t.login('manager@meridian.example');
    const seen = (await t.gql(RESULTS, { s: upward.id }, manager)).data!.surveyResults;
    expect(seen.scope).toBe('LINE');
    const shown = seen.questions.filter((q: { shown: boolean }) => q.shown);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(shown.every((q: { n: number }) => q.n >= seen.k)).toBe(true);
  });

  it('ships six templates in English and French; only HR and admins build surveys', async () => {
    const r = await t.gql(
      '{ surveyTemplates { key needsSubject name { en fr } questions { id text { en fr } } } }',
      {},
      hr,
    );
    expect(r.errors).toBeUndefined();
    const keys = r.data!.surveyTemplates.map((x: { key: string }) => x.key);
    expect(keys).toEqual([
      'engagement',
      'pulse',
      'support_service',
      'manager_feedback',
      'training_feedback',
      'request_closure',
    ]);
    for (const tpl of r.data!.surveyTemplates)
      for (const q of tpl.questions) expect(q.text.fr.length * q.text.en.length).toBeGreaterThan(0);
    const denied = await t.gql('{ surveyTemplates { key } }', {}, employee);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const create = await t.gql(CREATE, { i: { templateKey: 'pulse' } }, employee);
    expect(codes(create)).toEqual(['FORBIDDEN']);
  });

  it('rejects bad builder input with the field', async () => {
    const noQuestions = await t.gql(CREATE, { i: { title: 'Empty' } }, hr);
    expect(codes(noQuestions)).toEqual(['BAD_USER_INPUT']);
    expect(noQuestions.errors![0].extensions!.field).toBe('input.questions');
    const badChoice = await t.gql(
      CREATE,
      {
        i: {
          title: 'x',
          questions: [{ id: 'q1', type: 'SINGLE_CHOICE', text: { en: 'Pick', fr: 'Choisir' } }],
        },
      },
      hr,
    );
    expect(codes(badChoice)).toEqual(['BAD_USER_INPUT']);
    expect(badChoice.errors![0].extensions!.field).toBe('input.questions');
    const badTeam = await t.gql(
      CREATE,
      { i: { templateKey: 'pulse', audienceTeamIds: ['00000000-0000-4000-8000-000000000000'] } },
      hr,
    );
    expect(badTeam.errors![0].extensions!.field).toBe('input.audienceTeamIds');
    const lowComments = await t.gql(CREATE, { i: { templateKey: 'pulse', commentThreshold: 3 } }, hr);
    expect(lowComments.errors![0].extensions!.field).toBe('input.commentThreshold');
  });

  it('opens a pulse for one team: invitations, notifications, and the answer form', async () => {
    const { id, schedule } = await createAndOpen({ templateKey: 'pulse', audienceTeamIds: [teamId] });
    expect(schedule.status).toBe('OPEN');
    expect(schedule.waves).toEqual([{ number: 1, invited: members.length, answered: null }]);
    const mine = await t.gql(MINE, {}, employee);
    const inv = mine.data!.mySurveys.find((m: { surveyId: string }) => m.surveyId === id);
    expect(inv).toMatchObject({ canAnswer: true, answered: false, confidentiality: 'ANONYMOUS', k: 5 });
    expect(inv.questions[0]).toEqual({ id: 'enps', type: 'NPS_0_10', required: true });
    expect(inv.questions.length).toBe(5);
    const bell = await t.gql('{ notifications { unreadCount items { kind link } } }', {}, employee);
    expect(bell.data!.notifications.items[0]).toEqual({ kind: 'SURVEY_INVITATION', link: '/surveys/mine' });
    // Someone outside the audience has no invitation.
    const [{ id: outsider }] = await t.db.query(`SELECT id FROM person WHERE team_id <> $1 LIMIT 1`, [
      teamId,
    ]);
    const theirs = await t.gql(MINE, {}, await t.tokenFor(outsider));
    expect(theirs.data!.mySurveys.some((m: { surveyId: string }) => m.surveyId === id)).toBe(false);
  });

  describe('answering', () => {
    let surveyId: string;
    let questions: { id: string; type: string }[];
    beforeAll(async () => {
      const s = await createAndOpen({ templateKey: 'pulse', audienceTeamIds: [teamId], title: 'Answering' });
      surveyId = s.id;
      questions = s.questions;
    });

    it('refuses out-of-range, wrong-type, unknown and missing answers, storing nothing', async () => {
      const who = members[0].id;
      const good = pulseAnswers(questions, 9, 4);
      const cases: [Answer[], string, string][] = [
        [
          good.map((a) => (a.questionId === 'enps' ? { ...a, value: 11 } : a)),
          'input.answers.enps',
          'OUT_OF_RANGE',
        ],
        [
          good.map((a) => (a.questionId === 'enps' ? { questionId: 'enps', text: 'nine' } : a)),
          'input.answers.enps',
          'WRONG_TYPE',
        ],
        [good.filter((a) => a.questionId !== 'enps'), 'input.answers.enps', 'REQUIRED'],
        [[...good, { questionId: 'nope', value: 1 }], 'input.answers.nope', 'UNKNOWN_QUESTION'],
      ];
      for (const [answers, field, code] of cases) {
        const r = await answerAs(who, surveyId, answers);
        expect(codes(r)).toEqual(['BAD_USER_INPUT']);
        expect(r.errors![0].extensions!.field).toBe(field);
        expect((r.errors![0].extensions!.problems as { code: string }[])[0].code).toBe(code);
      }
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM survey_response_mailbox b JOIN survey_wave w ON w.id = b.wave_id WHERE w.survey_id = $1`,
        [surveyId],
      );
      expect(n).toBe(0);
      const [{ consumed }] = await t.db.query(`SELECT consumed FROM survey_invitation WHERE id = $1`, [
        await invitationOf(surveyId, who),
      ]);
      expect(consumed).toBe(false);
    });

    it('accepts one answer per invitation, even when sent many times at once or from two instances', async () => {
      const who = members[1].id;
      const token = await t.tokenFor(who);
      const invitationId = await invitationOf(surveyId, who);
      const second = await createApp(testConfig(), t.databaseUrl);
      await second.getHttpAdapter().getInstance().ready();
      try {
        const body = {
          query: SUBMIT,
          variables: { i: { invitationId, answers: pulseAnswers(questions, 8, 4) } },
        };
        const send = (server: typeof second) =>
          request(server.getHttpServer())
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('authorization', `Bearer ${token}`)
            .send(body)
            .then((r: { body: unknown }) => r.body);
        const results = await Promise.all([
          ...Array.from({ length: 4 }, () => send(t.app as never)),
          ...Array.from({ length: 4 }, () => send(second)),
        ]);
        const accepted = results.filter((r: any) => r.data?.submitSurveyResponse?.accepted);
        expect(accepted.length).toBe(1);
        expect(results.filter((r: any) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(7);
      } finally {
        await second.close();
      }
      const again = await answerAs(who, surveyId, pulseAnswers(questions, 8, 4));
      expect(codes(again)).toEqual(['CONFLICT']);
      const mine = await t.gql(MINE, {}, token);
      expect(mine.data!.mySurveys.find((m: { surveyId: string }) => m.surveyId === surveyId)).toMatchObject({
        answered: true,
        canAnswer: false,
        questions: [],
      });
    });

    it('someone else cannot use my invitation', async () => {
      const invitationId = await invitationOf(surveyId, members[2].id);
      const r = await t.gql(SUBMIT, { i: { invitationId, answers: pulseAnswers(questions, 8, 4) } }, hr);
      expect(codes(r)).toEqual(['NOT_FOUND']);
    });

    it('stores nothing that links an anonymous answer to a person', async () => {
      // Columns of the answer tables: none names a person, an invitation, a session or a time.
      const cols: { table_name: string; column_name: string }[] = await t.db.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_name IN ('survey_response_mailbox', 'survey_response', 'survey_answer') ORDER BY 1, 2`,
      );
      const names = cols.map((c) => c.column_name);
      expect(
        names.filter((n) => /invitation|token|session|ip|user|account|person|_at$|time/.test(n)),
      ).toEqual([]);
      const pending = await t.db.query(
        `SELECT b.respondent_id, b.day FROM survey_response_mailbox b JOIN survey_wave w ON w.id = b.wave_id WHERE w.survey_id = $1`,
        [surveyId],
      );
      expect(pending).toHaveLength(1);
      expect(pending[0].respondent_id).toBeNull();
      // Participation is kept apart and carries no time.
      const invCols: { column_name: string }[] = await t.db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_invitation'`,
      );
      expect(invCols.map((c) => c.column_name).filter((n) => /_at$|time|day/.test(n))).toEqual([]);
    });

    it('releases answers in shuffled batches of at least k; results appear only then', async () => {
      const before = await t.gql(RESULTS, { s: surveyId }, hr);
      expect(before.errors).toBeUndefined();
      expect(before.data!.surveyResults.focus).toMatchObject({
        shown: false,
        respondents: null,
        reason: 'BELOW_THRESHOLD',
      });
      expect(
        before.data!.surveyResults.questions.every(
          (q: { n: unknown; mean: unknown }) => q.n === null && q.mean === null,
        ),
      ).toBe(true);
      // Three more (4 pending): still nothing released.
      for (const m of members.slice(2, 5))
        expect((await answerAs(m.id, surveyId, pulseAnswers(questions, 10, 5))).errors).toBeUndefined();
      const [{ released }] = await t.db.query(`SELECT released FROM survey_wave WHERE survey_id = $1`, [
        surveyId,
      ]);
      expect(released).toBe(0);
      expect((await t.gql(RESULTS, { s: surveyId }, hr)).data!.surveyResults.focus.shown).toBe(false);
      // The fifth releases the batch: mailbox empty, responses anonymous, one transaction for all.
      expect((await answerAs(members[5].id, surveyId, pulseAnswers(questions, 3, 2))).errors).toBeUndefined();
      const rows = await t.db.query(
        `SELECT r.respondent_id, r.day, r.xmin::text AS xmin FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.survey_id = $1`,
        [surveyId],
      );
      expect(rows).toHaveLength(5);
      expect(rows.every((r: { respondent_id: unknown }) => r.respondent_id === null)).toBe(true);
      expect(new Set(rows.map((r: { xmin: string }) => r.xmin)).size).toBe(1);
      const invXmins = await t.db.query(
        `SELECT i.xmin::text AS xmin FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id WHERE w.survey_id = $1 AND i.consumed`,
        [surveyId],
      );
      // The batch is released in a transaction of its own: no invitation shares its id.
      expect(invXmins.filter((i: { xmin: string }) => i.xmin === rows[0].xmin).length).toBe(0);
      const [{ pending }] = await t.db.query(
        `SELECT count(*)::int AS pending FROM survey_response_mailbox b JOIN survey_wave w ON w.id = b.wave_id WHERE w.survey_id = $1`,
        [surveyId],
      );
      expect(pending).toBe(0);
      const after = (await t.gql(RESULTS, { s: surveyId }, hr)).data!.surveyResults;
      expect(after.focus).toMatchObject({ shown: true, respondents: 5, invited: members.length });
      const enps = after.questions.find((q: { questionId: string }) => q.questionId === 'enps');
      // eNPS answers 8, 10, 10, 10, 3: promoters 3, detractors 1 → (3 − 1) / 5 = 40.
      expect(enps).toMatchObject({ shown: true, n: 5, nps: 40 });
      expect(enps.distribution.find((d: { key: string }) => d.key === '10').count).toBe(3);
    });

    it('a manager sees their line; an employee sees nothing until HR publishes', async () => {
      const manager = await t.login('manager@meridian.example');
      const m = await t.gql(RESULTS, { s: surveyId }, manager);
      expect(m.errors).toBeUndefined();
      expect(m.data!.surveyResults.scope).toBe('LINE');
      expect(m.data!.surveyResults.focus).toMatchObject({ id: 'line', shown: true, respondents: 5 });
      expect(m.data!.surveyResults.slices.some((s: { kind: string }) => s.kind === 'ORGANIZATION')).toBe(
        false,
      );
      const e = await t.gql(RESULTS, { s: surveyId }, employee);
      expect(codes(e)).toEqual(['FORBIDDEN']);
      // Another manager, of another line, does not see this team.
      const [{ id: other }] = await t.db.query(
        `SELECT t.manager_id AS id FROM team t WHERE t.id <> $1 AND t.kind = 'FRONT_LINE' AND t.manager_id IS NOT NULL
          AND t.manager_id <> (SELECT manager_id FROM team WHERE id = $1) LIMIT 1`,
        [teamId],
      );
      const o = await t.gql(RESULTS, { s: surveyId }, await t.tokenFor(other));
      const seen = o.data?.surveyResults?.slices ?? [];
      expect(seen.some((s: { id: string }) => s.id === `team:${teamId}`)).toBe(false);
    });

    it('questions freeze once the survey opens; stale versions conflict', async () => {
      const s = await t.gql(
        `query($id: ID!) { survey(id: $id) { version questionsFrozen } }`,
        { id: surveyId },
        hr,
      );
      expect(s.data!.survey.questionsFrozen).toBe(true);
      const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateSurveyInput!) { updateSurvey(id: $id, version: $v, input: $i) { title version } }`;
      const frozen = await t.gql(
        UPDATE,
        {
          id: surveyId,
          v: s.data!.survey.version,
          i: { questions: [{ id: 'q', type: 'YES_NO', text: { en: 'a', fr: 'b' } }] },
        },
        hr,
      );
      expect(codes(frozen)).toEqual(['BAD_USER_INPUT']);
      expect(frozen.errors![0].extensions!.field).toBe('input.questions');
      const renamed = await t.gql(
        UPDATE,
        { id: surveyId, v: s.data!.survey.version, i: { title: 'Renamed' } },
        hr,
      );
      expect(renamed.data!.updateSurvey.title).toBe('Renamed');
      const stale = await t.gql(
        UPDATE,
        { id: surveyId, v: s.data!.survey.version, i: { title: 'Again' } },
        hr,
      );
      expect(codes(stale)).toEqual(['CONFLICT']);
    });

    it('enforces the closing time, closes, publishes to employees and feeds the eNPS metric', async () => {
      await t.db.query(
        `UPDATE survey_wave SET opens_at = now() - interval '1 minute', closes_at = now() - interval '1 second' WHERE survey_id = $1`,
        [surveyId],
      );
      const late = await answerAs(members[6].id, surveyId, pulseAnswers(questions, 9, 4));
      expect(codes(late)).toEqual(['BAD_USER_INPUT']);
      expect(late.errors![0].message).toMatch(/closed/);
      const tick = await t.app.get(SurveyRuntimeService).tick();
      expect(tick.closed).toBeGreaterThanOrEqual(1);
      const s = await t.gql(`query($id: ID!) { survey(id: $id) { status } }`, { id: surveyId }, hr);
      expect(s.data!.survey.status).toBe('CLOSED');
      const pub = await t.gql(
        `mutation($id: ID!) { publishSurveyResults(id: $id, published: true) { resultsPublished } }`,
        { id: surveyId },
        hr,
      );
      expect(pub.data!.publishSurveyResults.resultsPublished).toBe(true);
      const e = await t.gql(RESULTS, { s: surveyId }, employee);
      expect(e.errors).toBeUndefined();
      expect(e.data!.surveyResults.scope).toBe('PUBLISHED');
      expect(e.data!.surveyResults.slices.map((x: { id: string }) => x.id)).toEqual(['org']);
      const metrics = await t.db.query(
        `SELECT metric, team_id, value::text, n FROM internal_metric_value v JOIN survey_wave w ON w.id = v.source_wave_id WHERE w.survey_id = $1 ORDER BY team_id NULLS FIRST`,
        [surveyId],
      );
      expect(metrics[0]).toEqual({ metric: 'ENPS', team_id: null, value: '40.000', n: 5 });
      const csv = await t.gql(`query($s: ID!) { surveyResultsCsv(surveyId: $s) }`, { s: surveyId }, hr);
      const lines = csv.data!.surveyResultsCsv.trim().split('\n');
      expect(lines[0]).toMatch(/^group,question,type,respondents,n,mean/);
      expect(lines.some((l: string) => l.startsWith('Organisation,enps,NPS_0_10,5,5,'))).toBe(true);
      const again = await answerAs(members[7].id, surveyId, pulseAnswers(questions, 9, 4));
      expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    });
  });

  it('hides a group that could be worked out by subtraction (complementary suppression)', async () => {
    // A team of 12 split in two tenure bands of 6; 5 answers in one band and 2 in the other.
    const [{ organization_id: org }] = await t.db.query(`SELECT organization_id FROM team WHERE id = $1`, [
      teamId,
    ]);
    const [{ id: newTeam }] = await t.db.query(
      `INSERT INTO team (organization_id, name, kind) VALUES ($1, 'Diff test team', 'FRONT_LINE') RETURNING id`,
      [org],
    );
    const people: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [{ id }] = await t.db.query(
        `INSERT INTO person (organization_id, first_name, last_name, email, team_id, hire_date)
         VALUES ($1, 'D', $2, $3, $4, $5) RETURNING id`,
        [
          org,
          `p${i}`,
          `diff${i}@meridian.example`,
          newTeam,
          i < 6 ? '2010-01-01' : new Date().toISOString().slice(0, 10),
        ],
      );
      await t.db.query(
        `INSERT INTO user_account (organization_id, person_id, email, password_hash, roles) VALUES ($1, $2, $3, '!', '{EMPLOYEE}')`,
        [org, id, `diff${i}@meridian.example`],
      );
      people.push(id);
    }
    const { id, questions } = await createAndOpen({
      templateKey: 'pulse',
      audienceTeamIds: [newTeam],
      title: 'Diff',
    });
    for (const p of [...people.slice(0, 5), ...people.slice(6, 8)])
      expect((await answerAs(p, id, pulseAnswers(questions, 9, 4))).errors).toBeUndefined();
    await t.gql(`mutation($id: ID!) { closeSurvey(id: $id) { status } }`, { id }, hr);
    const r = (await t.gql(RESULTS, { s: id }, hr)).data!.surveyResults;
    const slice = (sid: string) => r.slices.find((s: { id: string }) => s.id === sid);
    const team = slice(`team:${newTeam}`);
    const senior = slice(`team:${newTeam}:tenure:5y+`);
    const junior = slice(`team:${newTeam}:tenure:<1y`);
    expect(junior).toMatchObject({ shown: false, reason: 'BELOW_THRESHOLD', respondents: null });
    // Team (7) and its senior band (5) must not both be shown: 7 − 5 = 2 would be revealed.
    expect(team.shown && senior.shown).toBe(false);
    expect([team.reason, senior.reason]).toContain('COMPLEMENTARY');
    // Same for the organisation against the other slices: every shown figure is at least k.
    for (const s of r.slices) if (s.shown) expect(s.respondents).toBeGreaterThanOrEqual(5);
    // The heatmap hides exactly what the slices hide.
    const hidden = new Set(
      r.slices.filter((x: { shown: boolean }) => !x.shown).map((x: { id: string }) => x.id),
    );
    const rows = r.heatmap.cells.filter((c: { sliceId: string }) => c.sliceId.startsWith(`team:${newTeam}`));
    expect(rows.length).toBeGreaterThan(0);
    for (const c of rows) expect(c.score === null).toBe(hidden.has(c.sliceId));
  });

  it('rates every support service when no subject is given, and publishes internal CSAT per service', async () => {
    const { id, questions } = await createAndOpen({ templateKey: 'support_service' });
    const services = await t.db.query(`SELECT id, name FROM support_service ORDER BY name, id`);
    expect(questions.length).toBe(services.length * 3);
    expect(questions[0].text.en).toContain(services[0].name);
    const people: { id: string }[] = await t.db.query(
      `SELECT i.person_id AS id FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id WHERE w.survey_id = $1 LIMIT 12`,
      [id],
    );
    for (const p of people) {
      const answers: Answer[] = questions
        .filter((q: { type: string }) => q.type !== 'FREE_TEXT')
        .map((q: { id: string; type: string }) => ({
          questionId: q.id,
          value: q.type === 'CSAT_1_5' ? 4 : 6,
        }));
      expect((await answerAs(p.id, id, answers)).errors).toBeUndefined();
    }
    await t.gql(`mutation($id: ID!) { closeSurvey(id: $id) { status } }`, { id }, hr);
    await t.gql(`mutation($id: ID!) { publishSurveyResults(id: $id, published: true) { id } }`, { id }, hr);
    const csat = await t.db.query(
      `SELECT support_service_id, value::text FROM internal_metric_value v JOIN survey_wave w ON w.id = v.source_wave_id
        WHERE w.survey_id = $1 AND metric = 'INTERNAL_CSAT' AND team_id IS NULL`,
      [id],
    );
    expect(csat.map((c: { support_service_id: string }) => c.support_service_id).sort()).toEqual(
      services.map((s: { id: string }) => s.id).sort(),
    );
    expect(csat.every((c: { value: string }) => c.value === '100.000')).toBe(true);
    const effort = await t.db.query(
      `SELECT value::text FROM internal_metric_value v JOIN survey_wave w ON w.id = v.source_wave_id
        WHERE w.survey_id = $1 AND metric = 'INTERNAL_EFFORT' AND team_id IS NULL`,
      [id],
    );
    expect(effort.length).toBe(services.length);
    expect(effort[0].value).toBe('6.000');
  });

  it('driver analysis runs from 25 respondents, with the correlation computed in SQL sums', async () => {
    const { id, questions } = await createAndOpen({ templateKey: 'engagement', title: 'Engagement test' });
    const people: { id: string }[] = await t.db.query(
      `SELECT i.person_id AS id FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id WHERE w.survey_id = $1 ORDER BY i.person_id LIMIT 30`,
      [id],
    );
    const scale = questions.filter((q: { type: string }) => q.type !== 'FREE_TEXT');
    for (const [i, p] of people.entries()) {
      const enps = i % 11;
      const answers: Answer[] = scale.map((q: { id: string; type: string }) => ({
        questionId: q.id,
        value:
          q.type === 'NPS_0_10'
            ? enps
            : q.id === 'autonomy_1'
              ? 1 + Math.floor(enps / 2.75)
              : 1 + ((i * 7) % 5),
      }));
      answers.push({ questionId: 'engagement_comment', text: `comment ${i}` });
      expect((await answerAs(p.id, id, answers)).errors).toBeUndefined();
    }
    const r = (await t.gql(RESULTS, { s: id }, hr)).data!.surveyResults;
    expect(r.focus).toMatchObject({ id: 'org', respondents: 30 });
    expect(r.drivers.computed).toBe(true);
    expect(r.drivers.outcome).toBe('enps');
    const top = r.drivers.items[0];
    expect(top.questionId).toBe('autonomy_1');
    expect(top.r).toBeGreaterThan(0.9);
    expect(top.n).toBe(30);
    // Comments: 30 ≥ 10 at organisation level, shown in no particular order.
    const comments = r.comments.find((c: { questionId: string }) => c.questionId === 'engagement_comment');
    expect(comments.shown).toBe(true);
    expect(comments.comments).toHaveLength(30);
    // A team below 25 gets no driver analysis.
    const team = r.slices.find(
      (s: { kind: string; shown: boolean; respondents: number }) =>
        s.kind === 'TEAM' && s.shown && s.respondents < 25,
    );
    if (team) {
      const tr = (await t.gql(RESULTS, { s: id, f: team.id }, hr)).data!.surveyResults;
      expect(tr.drivers).toMatchObject({ computed: false, reason: 'GROUP_TOO_SMALL' });
    }
    const bad = await t.gql(RESULTS, { s: id, f: 'team:nope' }, hr);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('recurring pulse: waves open and close on the clock, items rotate, reminders go out, trends build', async () => {
    const c = await t.gql(
      CREATE,
      { i: { templateKey: 'pulse', audienceTeamIds: [teamId], title: 'Weekly pulse' } },
      hr,
    );
    const id = c.data!.createSurvey.id;
    const start = new Date();
    const s = await t.gql(
      SCHEDULE,
      { id, i: { kind: 'WEEKLY', opensAt: start.toISOString(), openForDays: 3, waveCount: 3 } },
      hr,
    );
    expect(s.errors).toBeUndefined();
    expect(s.data!.scheduleSurvey.waves).toHaveLength(1);
    const runtime = t.app.get(SurveyRuntimeService);
    const waveQuestions = async () =>
      (await t.db.query(`SELECT questions FROM survey_wave WHERE survey_id = $1 ORDER BY number`, [id])).map(
        (w: { questions: { id: string }[] }) => w.questions.map((q) => q.id),
      );
    // Wave 1: everybody answers.
    for (const m of members.slice(0, 6)) {
      const mine = await t.gql(MINE, {}, await t.tokenFor(m.id));
      const inv = mine.data!.mySurveys.find(
        (x: { surveyId: string; canAnswer: boolean }) => x.surveyId === id && x.canAnswer,
      );
      const r = await t.gql(
        SUBMIT,
        { i: { invitationId: inv.invitationId, answers: pulseAnswers(inv.questions, 9, 4) } },
        await t.tokenFor(m.id),
      );
      expect(r.errors).toBeUndefined();
    }
    // Two days in: a reminder to those who have not answered.
    const reminders = await runtime.tick(new Date(start.getTime() + 2 * 864e5));
    expect(reminders.reminded).toBe(members.length - 6);
    // A week later: wave 1 closed, wave 2 open with other items.
    const week = await runtime.tick(new Date(start.getTime() + 7 * 864e5 + 60_000));
    expect(week.closed).toBeGreaterThanOrEqual(1);
    expect(week.opened).toBeGreaterThanOrEqual(1);
    const qs = await waveQuestions();
    expect(qs).toHaveLength(2);
    expect(qs[0][0]).toBe('enps');
    expect(qs[1][0]).toBe('enps');
    expect(qs[1].slice(1)).not.toEqual(qs[0].slice(1));
    const r = (await t.gql(RESULTS, { s: id }, hr)).data!.surveyResults;
    expect(r.trend.map((p: { waveNumber: number; shown: boolean }) => [p.waveNumber, p.shown])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.trend[0].enps).toBe(100);
    // After the last wave the survey closes by itself.
    await runtime.tick(new Date(start.getTime() + 14 * 864e5 + 60_000));
    await runtime.tick(new Date(start.getTime() + 21 * 864e5 + 60_000));
    const done = await t.gql(
      `query($id: ID!) { survey(id: $id) { status waves { number status } } }`,
      { id },
      hr,
    );
    expect(done.data!.survey.status).toBe('CLOSED');
    expect(done.data!.survey.waves.map((w: { status: string }) => w.status)).toEqual([
      'CLOSED',
      'CLOSED',
      'CLOSED',
    ]);
  });

  it('small teams are generalised at opening: no stored cell names fewer than k invitees', async () => {
    const { id } = await createAndOpen({ templateKey: 'pulse', title: 'Whole organisation' });
    const small = await t.db.query(
      `SELECT c.team_id, c.tenure_bucket, c.invited FROM survey_cell c JOIN survey_wave w ON w.id = c.wave_id
        WHERE w.survey_id = $1 AND c.invited < 5`,
      [id],
    );
    expect(small).toEqual([]);
    const [{ invited, total }] = await t.db.query(
      `SELECT sum(c.invited)::int AS invited, (SELECT count(*)::int FROM person WHERE organization_id = w.organization_id AND left_on IS NULL) AS total
         FROM survey_cell c JOIN survey_wave w ON w.id = c.wave_id WHERE w.survey_id = $1 GROUP BY w.organization_id`,
      [id],
    );
    expect(invited).toBe(total);
  });

  it('drafts can be deleted; open surveys cannot; employees cannot close surveys', async () => {
    const c = await t.gql(CREATE, { i: { templateKey: 'manager_feedback' } }, hr);
    const id = c.data!.createSurvey.id;
    expect(c.data!.createSurvey.confidentiality).toBe('ANONYMOUS');
    expect(
      codes(await t.gql(`mutation($id: ID!) { closeSurvey(id: $id) { id } }`, { id }, employee)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`mutation($id: ID!) { closeSurvey(id: $id) { id } }`, { id }, hr))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const del = await t.gql(`mutation($id: ID!) { deleteSurvey(id: $id) }`, { id }, hr);
    expect(del.data!.deleteSurvey).toBe(true);
    expect(codes(await t.gql(`query($id: ID!) { survey(id: $id) { id } }`, { id }, hr))).toEqual([
      'NOT_FOUND',
    ]);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['survey.create', 'survey.delete']);
  });
  it('results of choice questions carry the option labels; a new pulse is titled as such', async () => {
    const c = await t.gql(CREATE, { i: { templateKey: 'pulse' } }, hr);
    expect(c.data!.createSurvey.title).toBe('Pulse survey');
    const { id } = await createAndOpen({
      title: 'Choices',
      audienceTeamIds: [teamId],
      questions: [
        {
          id: 'pick',
          type: 'SINGLE_CHOICE',
          text: { en: 'Pick one', fr: 'Choisissez' },
          options: [
            { id: 'a', label: { en: 'Alpha', fr: 'Alpha' } },
            { id: 'b', label: { en: 'Beta', fr: 'Bêta' } },
          ],
        },
      ],
    });
    for (const m of members.slice(0, 5))
      expect((await answerAs(m.id, id, [{ questionId: 'pick', optionIds: ['b'] }])).errors).toBeUndefined();
    const r = await t.gql(
      `query($s: ID!) { surveyResults(surveyId: $s) { questions { questionId distribution { key count label { en fr } } } } }`,
      { s: id },
      hr,
    );
    expect(r.data!.surveyResults.questions[0].distribution).toEqual([
      { key: 'a', count: 0, label: { en: 'Alpha', fr: 'Alpha' } },
      { key: 'b', count: 5, label: { en: 'Beta', fr: 'Bêta' } },
    ]);
  });
});
