import type { DataSource, EntityManager } from 'typeorm';
import { rng, uuidFrom } from './seed.generator';

type Sql = Pick<EntityManager, 'query'>;

const TYPES = [
  {
    name: 'Commercial gesture',
    unit: 'AMOUNT',
    description: 'A discount or a goodwill credit to a customer.',
  },
  { name: 'Refund', unit: 'AMOUNT', description: 'Paying back a customer without further checks.' },
  { name: 'Schedule exception', unit: 'DAYS', description: 'Moving a payment date or a deadline.' },
  { name: 'Fee waiver', unit: 'AMOUNT', description: 'Not charging a late or handling fee.' },
];
/** Limits per position title: a year ago, then widened four months ago. */
const LIMITS: Record<string, [number, number, number, number][]> = {
  'Customer Advisor': [
    [30, 50, 1, 20],
    [50, 100, 3, 40],
  ],
  'Senior Customer Advisor': [
    [80, 150, 3, 40],
    [120, 250, 7, 80],
  ],
  'Claims Handler': [
    [50, 200, 2, 30],
    [80, 400, 5, 50],
  ],
  'Senior Claims Handler': [
    [100, 500, 5, 60],
    [150, 800, 10, 100],
  ],
  'Branch Advisor': [
    [30, 50, 1, 20],
    [60, 100, 3, 40],
  ],
  'Account Manager': [
    [200, 500, 7, 100],
    [300, 1000, 14, 150],
  ],
};
const SKILLS: { name: string; category: string }[] = [
  { name: 'Product knowledge', category: 'Customer' },
  { name: 'Complaint handling', category: 'Customer' },
  { name: 'Empathy and listening', category: 'Customer' },
  { name: 'Negotiation', category: 'Customer' },
  { name: 'Claims assessment', category: 'Expertise' },
  { name: 'Regulatory compliance', category: 'Expertise' },
  { name: 'Digital tools', category: 'Tools' },
  { name: 'Coaching', category: 'Leadership' },
];
const REQUIRED: Record<string, Record<string, number>> = {
  'Customer Advisor': {
    'Product knowledge': 2,
    'Complaint handling': 2,
    'Empathy and listening': 3,
    'Digital tools': 2,
  },
  'Senior Customer Advisor': {
    'Product knowledge': 3,
    'Complaint handling': 3,
    'Empathy and listening': 3,
    Negotiation: 2,
    'Digital tools': 3,
  },
  'Claims Handler': {
    'Claims assessment': 2,
    'Regulatory compliance': 2,
    'Empathy and listening': 2,
    'Digital tools': 2,
  },
  'Senior Claims Handler': {
    'Claims assessment': 3,
    'Regulatory compliance': 3,
    Negotiation: 2,
    'Empathy and listening': 3,
  },
  'Branch Advisor': {
    'Product knowledge': 2,
    Negotiation: 2,
    'Regulatory compliance': 2,
    'Empathy and listening': 2,
  },
  'Account Manager': { 'Product knowledge': 3, Negotiation: 3, 'Regulatory compliance': 2 },
  'Team Manager': { Coaching: 3, 'Complaint handling': 3, 'Regulatory compliance': 2 },
};
const COURSES: { title: string; skill: string; hours: number; trainer: string }[] = [
  {
    title: 'Handling difficult conversations',
    skill: 'Complaint handling',
    hours: 7,
    trainer: 'Claire Vasseur',
  },
  { title: 'Our products in depth', skill: 'Product knowledge', hours: 14, trainer: 'Marc Olivier' },
  { title: 'Negotiating a fair outcome', skill: 'Negotiation', hours: 7, trainer: 'Inès Barbier' },
  { title: 'Claims assessment essentials', skill: 'Claims assessment', hours: 21, trainer: 'Paul Renaud' },
  { title: 'Compliance refresher', skill: 'Regulatory compliance', hours: 3.5, trainer: 'Sarah Kahn' },
  { title: 'Coaching your team', skill: 'Coaching', hours: 14, trainer: 'Hélène Moreau' },
  { title: 'E-learning: our digital tools', skill: 'Digital tools', hours: 4, trainer: 'Training Office' },
];

/**
 * Rebuilds the autonomy rollups of an organisation from its decision log (seed and bench data;
 * the application keeps them up to date on each write).
 */
export async function rebuildAutonomyRollups(m: Sql, organizationId: string): Promise<void> {
  await m.query(`DELETE FROM autonomy_monthly WHERE organization_id = $1`, [organizationId]);
  await m.query(`DELETE FROM autonomy_delay_monthly WHERE organization_id = $1`, [organizationId]);
  await m.query(
    `INSERT INTO autonomy_monthly (organization_id, team_id, month, total, local, escalated, answered, delay_hours_sum,
       levels_sum, beyond_confirmed, beyond_overturned, beyond_pending)
     SELECT organization_id, team_id, date_trunc('month', decided_at AT TIME ZONE 'UTC')::date, count(*),
            count(*) FILTER (WHERE kind = 'DECIDED_LOCALLY'), count(*) FILTER (WHERE kind = 'ESCALATED'),
            count(answered_at), coalesce(sum(extract(epoch FROM answered_at - decided_at) / 3600), 0),
            coalesce(sum(levels_crossed), 0), count(*) FILTER (WHERE review = 'CONFIRMED'),
            count(*) FILTER (WHERE review = 'OVERTURNED'), count(*) FILTER (WHERE review = 'PENDING')
       FROM decision_log WHERE organization_id = $1 GROUP BY 1, 2, 3`,
    [organizationId],
  );
  await m.query(
    `INSERT INTO autonomy_delay_monthly (organization_id, month, hour, n)
     SELECT organization_id, date_trunc('month', decided_at AT TIME ZONE 'UTC')::date,
            least(floor(extract(epoch FROM answered_at - decided_at) / 3600)::int, 10000), count(*)
       FROM decision_log WHERE organization_id = $1 AND answered_at IS NOT NULL GROUP BY 1, 2, 3`,
    [organizationId],
  );
}

/**
 * Team development for the demo organisation: decision types and rights (widened four months
 * ago), a year of logged decisions that grow more autonomous, skills with required levels and
 * assessments, courses with a year of sessions, enrolments and ratings, development plans, a few
 * promotions and one past development review for Customer Service — Lyon. Set-based SQL only.
 */
export async function seedDevelopment(ds: DataSource, organizationId: string): Promise<void> {
  const r = rng(20261107);
  const id = (...parts: (string | number)[]) => uuidFrom(organizationId, 'development', ...parts);
  await ds.transaction(async (m) => {
    await m.query(`SELECT setseed(0.4217)`);
    const types = TYPES.map((t) => ({ ...t, id: id('type', t.name) }));
    await m.query(
      `INSERT INTO decision_type (id, organization_id, name, description, unit)
       SELECT x.id, $1, x.name, x.description, x.unit::decision_unit
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, name text, description text, unit text)`,
      [organizationId, JSON.stringify(types)],
    );
    const positions: { id: string; title: string }[] = await m.query(
      `SELECT id, title FROM position WHERE organization_id = $1`,
      [organizationId],
    );
    const rights: object[] = [];
    for (const p of positions) {
      const limits = LIMITS[p.title];
      if (!limits) continue;
      types.forEach((t, i) => {
        rights.push({ type: t.id, position: p.id, limit: limits[0][i], from: 365, to: 120 });
        rights.push({ type: t.id, position: p.id, limit: limits[1][i], from: 120, to: null });
      });
    }
    await m.query(
      `INSERT INTO decision_right (organization_id, decision_type_id, position_id, limit_amount, above_levels, above_note, valid_from, valid_to)
       SELECT $1, x.type, x.position, x.limit, 1, 'The team manager', now() - x."from" * interval '1 day',
              CASE WHEN x."to" IS NOT NULL THEN now() - x."to" * interval '1 day' END
         FROM jsonb_to_recordset($2::jsonb) AS x(type uuid, position uuid, "limit" numeric, "from" int, "to" int)`,
      [organizationId, JSON.stringify(rights)],
    );
    // A team-level widening for the Lyon customer service (its manager's choice).
    await m.query(
      `INSERT INTO decision_right (organization_id, decision_type_id, team_id, limit_amount, above_levels, above_note, valid_from)
       SELECT $1, $2, t.id, 80, 1, 'Nadia Benali', now() - interval '60 days' FROM team t
        WHERE t.organization_id = $1 AND t.name = 'Customer Service — Lyon'`,
      [organizationId, types[0].id],
    );

    // A year of decisions by front-line staff (managers excluded), more and more settled locally.
    await m.query(
      `WITH staff AS (
         SELECT p.id, p.team_id, p.manager_id, m.manager_id AS manager2
           FROM person p JOIN team t ON t.id = p.team_id AND t.kind = 'FRONT_LINE'
           JOIN person m ON m.id = p.manager_id
          WHERE p.organization_id = $1 AND t.manager_id <> p.id
       ), d AS (
         SELECT s.*, now() - (g.i * interval '1 day') - (random() * interval '8 hours') AS at, g.i AS age, random() AS roll,
                random() AS r2, random() AS r3, (floor(random() * 4))::int AS t
           FROM staff s CROSS JOIN generate_series(1, 364, 4) AS g(i)
          WHERE random() < 0.6
       )
       INSERT INTO decision_log (organization_id, team_id, person_id, decision_type_id, kind, amount, summary, decided_at,
         escalated_to, levels_crossed, answered_at, justification, review, reviewed_by, reviewed_at)
       SELECT $1, d.team_id, d.id, ($2::uuid[])[d.t + 1], x.kind::decision_kind, round((20 + d.r2 * 180)::numeric, 0),
              (ARRAY['Goodwill credit after a delayed claim', 'Refund of a double debit', 'Payment date moved by a week',
                     'Late fee waived for a loyal customer'])[d.t + 1],
              d.at,
              CASE WHEN x.kind = 'ESCALATED' THEN CASE WHEN d.r3 < 0.8 THEN d.manager_id ELSE coalesce(d.manager2, d.manager_id) END END,
              CASE WHEN x.kind = 'ESCALATED' THEN CASE WHEN d.r3 < 0.8 OR d.manager2 IS NULL THEN 1 ELSE 2 END END,
              CASE WHEN x.kind = 'ESCALATED' AND d.age > 3 THEN d.at + ((2 + d.r2 * 40 * (0.4 + d.age / 365.0)) * interval '1 hour') END,
              CASE WHEN x.kind = 'BEYOND_RIGHTS' THEN 'The customer was about to leave; waiting would have cost more.' END,
              CASE WHEN x.kind = 'BEYOND_RIGHTS' THEN
                (CASE WHEN d.age < 20 THEN 'PENDING' WHEN d.r3 < 0.82 THEN 'CONFIRMED' ELSE 'OVERTURNED' END)::decision_review END,
              CASE WHEN x.kind = 'BEYOND_RIGHTS' AND d.age >= 20 THEN d.manager_id END,
              CASE WHEN x.kind = 'BEYOND_RIGHTS' AND d.age >= 20 THEN d.at + interval '2 days' END
         FROM d CROSS JOIN LATERAL (SELECT CASE
                WHEN d.roll < 0.5 + 0.3 * (1 - d.age / 365.0) THEN 'DECIDED_LOCALLY'
                WHEN d.roll < 0.9 THEN 'ESCALATED' ELSE 'BEYOND_RIGHTS' END AS kind) x`,
      [organizationId, types.map((t) => t.id)],
    );
    await rebuildAutonomyRollups(m, organizationId);

    // Skills, requirements, assessments (a self and a manager assessment six months ago, again recently).
    const skills = SKILLS.map((s) => ({ ...s, id: id('skill', s.name) }));
    await m.query(
      `INSERT INTO skill (id, organization_id, name, category) SELECT x.id, $1, x.name, x.category
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, name text, category text)`,
      [organizationId, JSON.stringify(skills)],
    );
    const reqs = positions.flatMap((p) =>
      Object.entries(REQUIRED[p.title] ?? {}).map(([skill, level]) => ({
        position: p.id,
        skill: skills.find((s) => s.name === skill)!.id,
        level,
      })),
    );
    await m.query(
      `INSERT INTO position_skill (organization_id, position_id, skill_id, required_level)
       SELECT $1, x.position, x.skill, x.level FROM jsonb_to_recordset($2::jsonb) AS x(position uuid, skill uuid, level int)`,
      [organizationId, JSON.stringify(reqs)],
    );
    await m.query(
      `WITH pairs AS (
         SELECT p.id AS person_id, p.manager_id, ps.skill_id, ps.required_level, random() AS a, random() AS b
           FROM person p JOIN position_skill ps ON ps.position_id = p.position_id WHERE p.organization_id = $1
       ), rounds AS (
         SELECT pairs.*, r.round FROM pairs CROSS JOIN (VALUES (1), (2)) AS r(round)
       )
       INSERT INTO skill_assessment (organization_id, person_id, skill_id, source, level, assessed_by, assessed_at)
       SELECT $1, person_id, skill_id, s.source::assessment_source,
              greatest(1, least(4, required_level + CASE WHEN s.source = 'SELF' THEN round(a * 2 - 0.8) ELSE round(b * 2 - 1.1) END
                + CASE WHEN round = 2 AND b > 0.5 THEN 1 ELSE 0 END - CASE WHEN round = 1 THEN 1 ELSE 0 END))::int,
              CASE WHEN s.source = 'SELF' THEN person_id ELSE manager_id END,
              now() - CASE WHEN round = 1 THEN interval '190 days' ELSE interval '25 days' END
         FROM rounds CROSS JOIN (VALUES ('SELF'), ('MANAGER')) AS s(source)
        WHERE s.source = 'SELF' OR manager_id IS NOT NULL`,
      [organizationId],
    );
    await m.query(
      `INSERT INTO person_skill (organization_id, person_id, skill_id, self_level, manager_level, updated_at)
       SELECT $1, person_id, skill_id,
              (array_agg(level ORDER BY assessed_at DESC) FILTER (WHERE source = 'SELF'))[1],
              (array_agg(level ORDER BY assessed_at DESC) FILTER (WHERE source = 'MANAGER'))[1], max(assessed_at)
         FROM skill_assessment WHERE organization_id = $1 GROUP BY person_id, skill_id`,
      [organizationId],
    );

    // Courses, a year of sessions (every five weeks per course), and the next ones.
    const courses = COURSES.map((c) => ({
      ...c,
      id: id('course', c.title),
      skill: skills.find((s) => s.name === c.skill)!.id,
    }));
    await m.query(
      `INSERT INTO course (id, organization_id, title, description, skill_id, hours)
       SELECT x.id, $1, x.title, '', x.skill, x.hours FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, title text, skill uuid, hours numeric)`,
      [organizationId, JSON.stringify(courses)],
    );
    const sessions: object[] = [];
    courses.forEach((c, ci) => {
      const elearning = c.title.startsWith('E-learning');
      for (let w = -52; w <= 8; w += 5) {
        const start = w + (ci % 5);
        sessions.push({
          id: id('session', c.title, w),
          course: c.id,
          start: start * 7 + r.int(0, 4),
          days: elearning ? 30 : Math.max(1, Math.ceil(c.hours / 7)),
          trainer: c.trainer,
          capacity: elearning ? 40 : r.pick([8, 10, 12, 14]),
          hours: c.hours,
          approval: c.title === 'Coaching your team',
        });
      }
    });
    // An e-learning session open now (started yesterday, a month to do it).
    sessions.push({
      id: id('session', 'e-learning-now'),
      course: courses[courses.length - 1].id,
      start: -1,
      days: 30,
      trainer: 'Training Office',
      capacity: 40,
      hours: 4,
      approval: false,
    });
    await m.query(
      `INSERT INTO training_session (id, organization_id, course_id, starts_at, ends_at, trainer, location, capacity, hours, requires_approval)
       SELECT x.id, $1, x.course, date_trunc('day', now()) + x.start * interval '1 day' + interval '9 hours',
              date_trunc('day', now()) + (x.start + x.days - 1) * interval '1 day' + interval '17 hours', x.trainer,
              CASE WHEN x.days >= 30 THEN 'Online' ELSE 'Lyon training centre' END, x.capacity, x.hours, x.approval
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, course uuid, start int, days int, trainer text, capacity int,
              hours numeric, approval boolean)`,
      [organizationId, JSON.stringify(sessions)],
    );
    // Enrolments: people whose position requires the course's skill, up to capacity; past ones completed.
    await m.query(
      `WITH candidates AS (
         SELECT s.id AS session_id, s.capacity, s.starts_at, s.ends_at, s.hours, p.id AS person_id, p.team_id,
                row_number() OVER (PARTITION BY s.id ORDER BY random()) AS rn
           FROM training_session s JOIN course c ON c.id = s.course_id
           JOIN position_skill ps ON ps.skill_id = c.skill_id JOIN person p ON p.position_id = ps.position_id
          WHERE s.organization_id = $1 AND p.email <> 'employee@meridian.example'
       )
       INSERT INTO enrolment (organization_id, session_id, person_id, team_id, status, requested_at, requested_by, approved_at,
         attended_at, completed_at, hours)
       SELECT $1, session_id, person_id, team_id,
              (CASE WHEN ends_at < now() THEN CASE WHEN rn % 11 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END ELSE 'APPROVED' END)::enrolment_status,
              starts_at - interval '20 days', person_id, starts_at - interval '18 days',
              CASE WHEN ends_at < now() AND rn % 11 <> 0 THEN starts_at END,
              CASE WHEN ends_at < now() AND rn % 11 <> 0 THEN ends_at END,
              CASE WHEN ends_at < now() AND rn % 11 <> 0 THEN hours END
         FROM candidates WHERE rn <= CASE WHEN starts_at > now() THEN capacity / 2 ELSE capacity - 1 END`,
      [organizationId],
    );
    await m.query(
      `UPDATE training_session s SET seats_taken = x.n FROM (
         SELECT session_id, count(*)::int AS n FROM enrolment
          WHERE organization_id = $1 AND status IN ('REQUESTED', 'APPROVED', 'ATTENDED', 'COMPLETED') GROUP BY session_id
       ) x WHERE x.session_id = s.id`,
      [organizationId],
    );
    await m.query(
      `INSERT INTO enrolment_feedback (enrolment_id, organization_id, course_id, status, invited_at, rated_at, csat, relevance, apply, trainer, recommend)
       SELECT e.id, $1, s.course_id, (CASE WHEN random() < 0.7 THEN 'RATED' ELSE 'PENDING' END)::feedback_status,
              e.completed_at, e.completed_at + interval '2 days', 3 + floor(random() * 2.6)::int, 3 + floor(random() * 2.4)::int,
              2 + floor(random() * 3.5)::int, 3 + floor(random() * 2.5)::int, random() < 0.8
         FROM enrolment e JOIN training_session s ON s.id = e.session_id
        WHERE e.organization_id = $1 AND e.status = 'COMPLETED'`,
      [organizationId],
    );
    await m.query(
      `UPDATE enrolment_feedback SET rated_at = NULL, csat = NULL, relevance = NULL, apply = NULL, trainer = NULL, recommend = NULL
        WHERE organization_id = $1 AND status = 'PENDING'`,
      [organizationId],
    );
    // Training needs from the largest gaps.
    await m.query(
      `INSERT INTO training_need (organization_id, person_id, skill_id, source, note, raised_by, created_at)
       SELECT $1, p.id, ps.skill_id, 'GAP', '', p.manager_id, now() - (random() * interval '60 days')
         FROM person p JOIN position_skill ps ON ps.position_id = p.position_id
         JOIN person_skill k ON k.person_id = p.id AND k.skill_id = ps.skill_id
        WHERE p.organization_id = $1 AND coalesce(k.manager_level, k.self_level) + 1 < ps.required_level`,
      [organizationId],
    );

    // Careers: promotions of the senior staff, and development plans for about half the front line.
    await m.query(
      `INSERT INTO role_history (organization_id, person_id, kind, effective_on, from_position_id, to_position_id, from_team_id, to_team_id, note)
       SELECT $1, p.id, 'PROMOTION', greatest(p.hire_date, current_date - (200 + floor(random() * 900))::int),
              (SELECT j.id FROM position j WHERE j.organization_id = $1 AND j.track = po.track AND j.level = po.level - 1 LIMIT 1),
              p.position_id, p.team_id, p.team_id, 'Promoted after a successful year'
         FROM person p JOIN position po ON po.id = p.position_id
        WHERE p.organization_id = $1 AND po.title LIKE 'Senior %' AND p.hire_date < current_date - 400`,
      [organizationId],
    );
    await m.query(
      `WITH chosen AS (
         SELECT p.id, p.team_id, p.manager_id, random() AS r
           FROM person p JOIN team t ON t.id = p.team_id AND t.kind = 'FRONT_LINE'
          WHERE p.organization_id = $1 AND p.manager_id IS NOT NULL AND (random() < 0.5 OR p.email = 'employee@meridian.example')
       ), plans AS (
         INSERT INTO development_plan (organization_id, person_id, team_id, title, status, employee_agreed_at, manager_agreed_at,
           next_review_on, created_by, created_at)
         SELECT $1, c.id, c.team_id, 'Development plan ' || extract(year FROM now())::int,
                (CASE WHEN c.r < 0.8 THEN 'AGREED' ELSE 'DRAFT' END)::plan_status,
                now() - interval '150 days', CASE WHEN c.r < 0.8 THEN now() - interval '149 days' END,
                current_date + (5 + floor(c.r * 80))::int, c.manager_id, now() - interval '150 days'
           FROM chosen c RETURNING id, person_id
       )
       INSERT INTO plan_goal (organization_id, plan_id, title, owner_id, skill_id, due_on, progress, position)
       SELECT $1, pl.id, g.title, CASE WHEN g.n = 3 THEN c.manager_id ELSE c.id END,
              (SELECT ps.skill_id FROM person pp JOIN position_skill ps ON ps.position_id = pp.position_id
                WHERE pp.id = pl.person_id ORDER BY ps.skill_id OFFSET g.n - 1 LIMIT 1),
              current_date + (g.due + floor(c.r * 40))::int,
              CASE WHEN g.due < 0 THEN least(100, floor(40 + random() * 70))::int ELSE floor(random() * 70)::int END, g.n
         FROM plans pl JOIN chosen c ON c.id = pl.person_id
         CROSS JOIN (VALUES (1, 'Handle complex complaints without escalating', -40),
                            (2, 'Complete the recommended course', 30),
                            (3, 'Shadow a senior colleague on key accounts', 90)) AS g(n, title, due)`,
      [organizationId],
    );

    // A past development review of the Lyon customer service, with its actions.
    await m.query(
      `WITH t AS (SELECT id, manager_id FROM team WHERE organization_id = $1 AND name = 'Customer Service — Lyon'),
       r AS (
         INSERT INTO development_review (organization_id, team_id, reviewed_on, conclusions, recorded_by, created_at)
         SELECT $1, t.id, current_date - 95, 'Escalations still take two days on average. Widen the commercial gesture limit and train the team on negotiation.',
                t.manager_id, now() - interval '95 days' FROM t RETURNING id, team_id
       )
       INSERT INTO development_review_action (organization_id, review_id, title, owner_id, due_on, done)
       SELECT $1, r.id, a.title, t.manager_id, current_date + a.due, a.done
         FROM r JOIN t ON t.id = r.team_id
         CROSS JOIN (VALUES ('Raise the commercial gesture limit to 80 €', -60, true),
                            ('Enrol the team in “Negotiating a fair outcome”', 20, false)) AS a(title, due, done)`,
      [organizationId],
    );
  });
}
