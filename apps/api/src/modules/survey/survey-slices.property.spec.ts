import fc from 'fast-check';
import { auditDisclosure, type Question } from '@symmetry/surveys';
import { planCells } from './survey-cells';
import {
  buildSlices,
  decideSuppression,
  type CellRow,
  type TeamRow,
  type ViewerScope,
} from './survey-slices';

/**
 * The API's whole reporting path, end to end but without a database: random organisations
 * (team trees, people with hire dates), cells planned and generalised at opening, random answers,
 * a random viewer (HR, or a manager of random teams, with or without the published organisation
 * slice), slices built for that viewer, suppression decided. Then an exact attacker (auditDisclosure:
 * every linear combination of the shown counts, knowing empty cells) must find no group of 1 to
 * k−1 respondents — neither from respondent counts nor from an optional question's answer counts —
 * whichever slices the viewer opens, in whatever order (decisions cover all of them at once).
 */

const LAUNCH = new Date('2026-06-01T00:00:00Z');
const HIRE_DATES = ['2026-03-01', '2025-01-15', '2023-02-01', '2015-09-01'];
const QUESTIONS: Question[] = [
  { id: 'enps', type: 'NPS_0_10', required: true, text: { en: 'e', fr: 'e' } },
  { id: 'opt', type: 'LIKERT_5', required: false, text: { en: 'o', fr: 'o' } },
  { id: 'comment', type: 'FREE_TEXT', required: false, maxLength: 100, text: { en: 'c', fr: 'c' } },
];

const orgArb = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    people: fc.array(fc.record({ team: fc.nat(), hire: fc.nat({ max: 3 }) }), {
      minLength: 3,
      maxLength: 60,
    }),
    k: fc.integer({ min: 3, max: 6 }),
    answerSeed: fc.array(fc.nat({ max: 99 }), { minLength: 60, maxLength: 60 }),
    optSeed: fc.array(fc.nat({ max: 99 }), { minLength: 60, maxLength: 60 }),
    rate: fc.integer({ min: 20, max: 100 }),
    viewer: fc.oneof(
      fc.constant<{ hr: true }>({ hr: true }),
      fc.record({
        hr: fc.constant(false as const),
        roots: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        org: fc.boolean(),
      }),
    ),
  })
  .map((o) => {
    const teamCount = o.parents.length + 1;
    const teams: TeamRow[] = Array.from({ length: teamCount }, (_, i) => ({
      id: `t${i}`,
      name: `Team ${i}`,
      parent_id: i === 0 ? null : `t${o.parents[i - 1] % i}`,
    }));
    const invitees = o.people.map((p, i) => ({
      personId: `p${i}`,
      teamId: `t${p.team % teamCount}`,
      hireDate: HIRE_DATES[p.hire],
    }));
    return { ...o, teams, invitees };
  });

function subtree(teams: TeamRow[], roots: string[]): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of teams)
      if (t.parent_id && out.has(t.parent_id) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}

describe('survey reporting path (property)', () => {
  it('no viewer can derive a group of fewer than k respondents from what they are shown', () => {
    fc.assert(
      fc.property(orgArb, (o) => {
        const planned = planCells(
          o.invitees,
          o.teams.map((t) => ({ id: t.id, parentId: t.parent_id })),
          o.k,
          LAUNCH,
        );
        const cells: CellRow[] = planned.map((c) => ({
          id: c.key,
          team_id: c.teamId,
          tenure_bucket: c.tenureBucket,
          invited: c.personIds.length,
        }));
        // Stored cells never name fewer than k invitees (unless the whole audience is that small).
        if (o.invitees.length >= o.k) for (const c of cells) expect(c.invited).toBeGreaterThanOrEqual(o.k);
        // Answers: each invitee answers with probability rate; the optional question is skipped sometimes.
        const respondents = new Map<string, number>();
        const optional = new Map<string, number>();
        let i = 0;
        for (const c of planned)
          for (let p = 0; p < c.personIds.length; p++, i++) {
            if (o.answerSeed[i % 60] >= o.rate) continue;
            respondents.set(c.key, (respondents.get(c.key) ?? 0) + 1);
            if (o.optSeed[i % 60] < 60) optional.set(c.key, (optional.get(c.key) ?? 0) + 1);
          }
        const scope: ViewerScope = o.viewer.hr
          ? { kind: 'ORGANIZATION', teamIds: null, includeOrg: true }
          : {
              kind: 'LINE',
              teamIds: subtree(
                o.teams,
                o.viewer.roots.map((r) => `t${r % o.teams.length}`),
              ),
              includeOrg: o.viewer.org,
            };
        const slices = buildSlices(cells, o.teams, scope);
        const count = (qid: string, bucket: string, cellId: string) =>
          qid === '*' || qid === 'enps'
            ? (respondents.get(cellId) ?? 0)
            : qid === 'opt' && bucket === '#'
              ? (optional.get(cellId) ?? 0)
              : 0;
        const d = decideSuppression(cells, slices, count, QUESTIONS, o.k, Math.max(10, o.k));
        const reach = new Set(slices.flatMap((s) => s.cellIds));
        const audit = (counts: Map<string, number>, decisions: typeof d.respondents) => {
          const shown = slices.filter((s) => decisions.get(s.id)!.shown);
          for (const s of shown) {
            const n = s.cellIds.reduce((a, id) => a + (counts.get(id) ?? 0), 0);
            expect(n).toBeGreaterThanOrEqual(o.k);
          }
          const cellCounts = cells
            .filter((c) => reach.has(c.id))
            .map((c) => ({ id: c.id, count: counts.get(c.id) ?? 0 }));
          const result = auditDisclosure(cellCounts, shown, o.k);
          expect(result.status).not.toBe('DISCLOSED');
        };
        audit(respondents, d.respondents);
        audit(optional, d.questions.get('opt')!);
        // Required questions share the respondents' decisions exactly.
        expect(d.questions.get('enps')).toBe(d.respondents);
        // A hidden slice is hidden for every measure.
        for (const s of slices)
          if (!d.respondents.get(s.id)!.shown) {
            expect(d.questions.get('opt')!.get(s.id)!.shown).toBe(false);
            expect(d.comments.get('comment')!.get(s.id)!.shown).toBe(false);
          }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
