import { randomUUID } from 'node:crypto';
import { rng as seededRandom } from './seed.generator';
import type { DataSource, EntityManager } from 'typeorm';
import {
  getTemplate,
  instantiateTemplate,
  pickPulseQuestions,
  type NormalizedAnswer,
  type Question,
} from '@symmetry/surveys';
import { SurveyRuntimeService } from '../modules/survey/survey-runtime.service';
import { SurveyResultsService } from '../modules/survey/survey-results.service';
import type { JobsService } from '../platform/jobs/jobs.service';
import { NotificationService } from '../modules/notification/notification.service';

const DAY = 864e5;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/** One plausible answer set: a team climate and a personal mood drive every answer. */
function answersFor(
  questions: Question[],
  mood: number,
  r: () => number,
  comments: string[],
): NormalizedAnswer[] {
  const out: NormalizedAnswer[] = [];
  for (const q of questions) {
    const noise = (r() - 0.5) * 1.6;
    switch (q.type) {
      case 'LIKERT_5':
      case 'CSAT_1_5':
        out.push({ questionId: q.id, type: q.type, value: clamp(3.3 + mood * 1.4 + noise, 1, 5) });
        break;
      case 'CES_1_7':
        out.push({ questionId: q.id, type: q.type, value: clamp(4.6 + mood * 2 + noise, 1, 7) });
        break;
      case 'NPS_0_10':
        out.push({ questionId: q.id, type: q.type, value: clamp(6.8 + mood * 3.5 + noise * 1.5, 0, 10) });
        break;
      case 'FREE_TEXT':
        if (r() < 0.35)
          out.push({
            questionId: q.id,
            type: 'FREE_TEXT',
            text: comments[Math.floor(r() * comments.length)],
          });
        break;
      default:
        break;
    }
  }
  return out;
}

const COMMENTS = [
  'Faster answers from IT when a customer is waiting on the phone would change my day.',
  'More leeway to settle small claims without asking for approval.',
  'Training on the new contracts came late; we learnt them from customers.',
  'My manager backs our decisions in front of customers, that matters.',
  'Workload peaks on Mondays are hard to absorb with the current staffing.',
  'Clearer pay rules for the variable part, please.',
  'Facilities fixed the headsets quickly this time, thank you.',
  'We need a say in the scripts we use with customers.',
];

/**
 * Demo surveys for Meridian Mutual, so the first screens have something to show: a closed,
 * published engagement survey; a closed support-service survey; and a weekly pulse whose third
 * wave is open now (the demo accounts have not answered it yet). Answers go through the same
 * storage as real ones (cells generalised at opening, shuffled responses, SQL snapshot).
 */
export async function seedSurveys(ds: DataSource, organizationId: string): Promise<void> {
  const jobs = { define: () => undefined } as unknown as JobsService;
  const runtime = new SurveyRuntimeService(
    ds,
    jobs,
    new NotificationService({ smtpUrl: null, publicUrl: '' }),
  );
  const results = new SurveyResultsService(ds);
  const r = seededRandom(20261122).next;
  const now = Date.now();
  const demo: { id: string }[] = await ds.query(
    `SELECT id FROM person WHERE organization_id = $1 AND email IN
       ('admin@meridian.example','hr@meridian.example','manager@meridian.example','agent@meridian.example','employee@meridian.example')`,
    [organizationId],
  );
  const demoIds = new Set(demo.map((d) => d.id));
  const [{ hr }] = await ds.query(
    `SELECT id AS hr FROM person WHERE email = 'hr@meridian.example' AND organization_id = $1`,
    [organizationId],
  );
  const climate = new Map<string, number>();
  const teams: { id: string }[] = await ds.query(
    `SELECT id FROM team WHERE organization_id = $1 ORDER BY name`,
    [organizationId],
  );
  for (const t of teams) climate.set(t.id, (r() - 0.5) * 1.2);

  const create = async (
    m: EntityManager,
    title: string,
    templateKey: string,
    questions: Question[],
    recurrence: object,
    extra: { pulse?: number; subjects?: Record<string, string>; manager?: string } = {},
  ) => {
    const [{ id }] = await m.query(
      `INSERT INTO survey (organization_id, title, description, template_key, subject_kind, subject_id, confidentiality,
         status, questions, question_subjects, recurrence, pulse_items_per_wave, comment_threshold, created_by)
       VALUES ($1, $2, $3, $4, (CASE WHEN $10::uuid IS NULL THEN 'ORGANIZATION' ELSE 'MANAGER' END)::survey_subject_kind, $10, 'ANONYMOUS',
         'SCHEDULED', $5, $6, $7, $8, 10, $9) RETURNING id`,
      [
        organizationId,
        title,
        getTemplate(templateKey as never).description.en,
        templateKey,
        JSON.stringify(questions),
        JSON.stringify(extra.subjects ?? {}),
        JSON.stringify(recurrence),
        extra.pulse ?? null,
        hr,
        extra.manager ?? null,
      ],
    );
    return id as string;
  };

  /** Answers a share of a wave's invitations (never the demo accounts when `spareDemo`). */
  const answer = async (m: EntityManager, waveId: string, rate: number, spareDemo: boolean) => {
    const [wave] = await m.query(`SELECT questions, opens_at FROM survey_wave WHERE id = $1`, [waveId]);
    const invitations: { id: string; person_id: string; cell_id: string; team_id: string | null }[] =
      await m.query(
        `SELECT i.id, i.person_id, i.cell_id, p.team_id FROM survey_invitation i JOIN person p ON p.id = i.person_id
        WHERE i.wave_id = $1 ORDER BY i.person_id`,
        [waveId],
      );
    const chosen = invitations.filter((i) => !(spareDemo && demoIds.has(i.person_id)) && r() < rate);
    const day = new Date(new Date(wave.opens_at).getTime() + DAY).toISOString().slice(0, 10);
    const batch = chosen.map((i) => ({
      id: randomUUID(),
      cell_id: i.cell_id,
      day,
      respondent_id: null,
      answers: answersFor(
        wave.questions,
        (climate.get(i.team_id ?? '') ?? 0) + (r() - 0.5) * 0.8,
        r,
        COMMENTS,
      ),
    }));
    batch.sort(() => r() - 0.5);
    await m.query(`UPDATE survey_invitation SET consumed = true WHERE id = ANY($1::uuid[])`, [
      chosen.map((c) => c.id),
    ]);
    await runtime.storeResponses(m, organizationId, waveId, batch);
    await runtime.rebuildSnapshot(m, waveId);
  };

  await ds.transaction(async (m) => {
    // Engagement survey, closed three weeks ago and published.
    const opened = new Date(now - 45 * DAY);
    const engagement = await create(
      m,
      'Engagement survey 2026',
      'engagement',
      instantiateTemplate(getTemplate('engagement')),
      {
        kind: 'ONE_OFF',
        opensAt: opened.toISOString(),
        closesAt: new Date(now - 21 * DAY).toISOString(),
      },
    );
    const w1 = await runtime.openNextWave(m, engagement, new Date(opened.getTime() + 60_000));
    await answer(m, w1!, 0.78, false);
    await runtime.closeSurvey(m, engagement);
    await m.query(`UPDATE survey SET results_published = true WHERE id = $1`, [engagement]);
    await results.publishMetrics(m, organizationId, engagement);

    // Every support service rated, closed last month and published.
    const services: { id: string; name: string }[] = await m.query(
      `SELECT id, name FROM support_service WHERE organization_id = $1 ORDER BY name, id`,
      [organizationId],
    );
    const subjects: Record<string, string> = {};
    const serviceQuestions = services.flatMap((s, i) =>
      instantiateTemplate(getTemplate('support_service'), { en: s.name, fr: s.name }).map((q) => {
        subjects[`s${i + 1}_${q.id}`] = s.id;
        return { ...q, id: `s${i + 1}_${q.id}` };
      }),
    );
    const sOpened = new Date(now - 40 * DAY);
    const support = await create(
      m,
      'Support services — autumn 2026',
      'support_service',
      serviceQuestions,
      { kind: 'ONE_OFF', opensAt: sOpened.toISOString(), closesAt: new Date(now - 26 * DAY).toISOString() },
      { subjects },
    );
    const w2 = await runtime.openNextWave(m, support, new Date(sOpened.getTime() + 60_000));
    await answer(m, w2!, 0.64, false);
    await runtime.closeSurvey(m, support);
    await m.query(`UPDATE survey SET results_published = true WHERE id = $1`, [support]);
    await results.publishMetrics(m, organizationId, support);

    // Upward feedback: the demo manager's team rated her, the way they rate a support service;
    // closed a fortnight ago and published (she sees her team's results).
    const [boss] = await m.query(
      `SELECT p.id, p.first_name || ' ' || p.last_name AS name
         FROM person p WHERE p.organization_id = $1 AND p.email = 'manager@meridian.example'`,
      [organizationId],
    );
    if (boss) {
      const mOpened = new Date(now - 30 * DAY);
      const upward = await create(
        m,
        `Upward feedback — ${boss.name}`,
        'manager_feedback',
        instantiateTemplate(getTemplate('manager_feedback'), { en: boss.name, fr: boss.name }),
        { kind: 'ONE_OFF', opensAt: mOpened.toISOString(), closesAt: new Date(now - 14 * DAY).toISOString() },
        { manager: boss.id },
      );
      const w = await runtime.openNextWave(m, upward, new Date(mOpened.getTime() + 60_000));
      await answer(m, w!, 0.9, false);
      await runtime.closeSurvey(m, upward);
      await m.query(`UPDATE survey SET results_published = true WHERE id = $1`, [upward]);
    }

    // Weekly pulse: two closed waves, the third open now.
    const first = new Date(now - 14 * DAY - 3_600_000);
    const pulse = await create(
      m,
      'Weekly pulse',
      'pulse',
      pickPulseQuestions(1, 4),
      { kind: 'WEEKLY', opensAt: first.toISOString(), openForDays: 5, interval: 1 },
      { pulse: 4 },
    );
    for (let wave = 1; wave <= 3; wave++) {
      const at = new Date(first.getTime() + (wave - 1) * 7 * DAY + 60_000);
      const id = await runtime.openNextWave(m, pulse, at);
      await answer(m, id!, wave < 3 ? 0.7 : 0.35, wave === 3);
      if (wave < 3) {
        await m.query(`UPDATE survey_wave SET status = 'CLOSED', closed_at = closes_at WHERE id = $1`, [id]);
      }
    }
    // Invitations to waves that are already over would only confuse the bell.
    await m.query(
      `DELETE FROM notification WHERE organization_id = $1 AND dedupe_key IN
         (SELECT 'survey-wave:' || id::text FROM survey_wave WHERE organization_id = $1 AND status = 'CLOSED')`,
      [organizationId],
    );
  });
}
