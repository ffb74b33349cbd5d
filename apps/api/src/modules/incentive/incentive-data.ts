import type { EntityManager } from 'typeorm';
import {
  computeSchemeRunCompact,
  type CompactSchemeRun,
  Dec,
  type MeasureValue,
  type SchemeDefinition,
  type SchemeParticipant,
  type SchemeRunInput,
} from '@symmetry/domain';
import { inPopulation, measureKey, periodEnd, targetPayOf, type SchemeRow } from './incentive-rules';
import type { MeasureOverrideInput } from './dto/incentive.types';

/** A participant with what statements and reports show besides the run's input. */
export interface ParticipantInfo {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
}

export interface LoadedRun {
  input: SchemeRunInput;
  people: Map<string, ParticipantInfo>;
}

/**
 * Everything a run of `scheme` needs, read from the platform for the period starting `start`
 * (the scheme's own, or another one for a simulation on past data), in a handful of set-based
 * statements whatever the population size:
 * - the population (teams, positions, people) employed at some point of the period;
 * - team measures: the mirror's monthly values over the period, weighted by sample size; a survey
 *   measure on fewer answers than the organisation's threshold k or the scheme's minimum is
 *   marked suppressed (the scheme's fallback applies);
 * - objectives and uploaded figures entered for the scheme; training hours completed in the period.
 */
export async function loadRunInput(
  db: EntityManager,
  scheme: SchemeRow,
  definition: SchemeDefinition,
  start: string = scheme.period_start,
  /** false: leave `people` (names for reports) empty; a payout run does not show them. */
  withPeople = true,
): Promise<LoadedRun> {
  const end = periodEnd(scheme.period_kind, start);
  const org = scheme.organization_id;
  const rows: {
    id: string;
    name: string;
    team_id: string | null;
    team_name: string | null;
    position_id: string | null;
    fte: string;
    base_salary: string | null;
    hire_date: string;
    last_day: string | null;
  }[] = await db.query(
    `SELECT p.id, ${withPeople ? `p.first_name || ' ' || p.last_name AS name, t.name AS team_name` : 'NULL AS name, NULL AS team_name'},
            p.team_id, p.position_id, p.fte::text AS fte, p.base_salary::text AS base_salary,
            p.hire_date::text AS hire_date, (p.left_on - 1)::text AS last_day
       FROM person p ${withPeople ? 'LEFT JOIN team t ON t.id = p.team_id' : ''}
      WHERE p.organization_id = $1
        AND ${inPopulation('p', '$2::jsonb')}
        AND p.hire_date <= $4::date AND (p.left_on IS NULL OR p.left_on > $3::date)
      ORDER BY p.id`,
    [org, JSON.stringify(scheme.population), start, end],
  );
  const keys = new Set<string>();
  for (const c of scheme.components) keys.add(measureKey(c.measure));
  for (const g of scheme.gates) keys.add(measureKey(g.measure));
  const metricKeys = [...keys].filter((k) => k.startsWith('team:')).map((k) => k.slice(5));
  const personKeys = [...keys].filter((k) => k === 'objective' || k.startsWith('upload:'));

  const teams: Record<string, Record<string, MeasureValue>> = {};
  if (metricKeys.length) {
    const values: { team_id: string; key: string; value: string | null; n: number; survey: boolean }[] =
      await db.query(
        `SELECT v.team_id, d.key,
                round(CASE WHEN sum(v.sample_size) > 0 THEN sum(v.value * v.sample_size) / sum(v.sample_size)
                           ELSE avg(v.value) END, 4)::text AS value,
                sum(v.sample_size)::int AS n, bool_or(d.source = 'SURVEY') AS survey
           FROM metric_value_current v JOIN metric_definition d ON d.id = v.metric_id
          WHERE v.organization_id = $1 AND d.key = ANY($2) AND v.period_kind = 'MONTH'
            AND v.period_start BETWEEN $3::date AND $4::date
          GROUP BY v.team_id, d.key`,
        [org, metricKeys, start, end],
      );
    const [{ k }]: { k: number }[] = await db.query(
      `SELECT anonymity_threshold AS k FROM organization WHERE id = $1`,
      [org],
    );
    const minimum = Math.max(k, scheme.minimum_answers);
    for (const v of values)
      (teams[v.team_id] ??= {})[`team:${v.key}`] = {
        value: v.value,
        n: v.n,
        suppressed: v.survey && v.n < minimum,
      };
  }
  const personValues = new Map<string, Record<string, MeasureValue>>();
  if (personKeys.length) {
    const inputs: { person_id: string; measure_key: string; value: string }[] = await db.query(
      // Only the population's values (figures may have been entered for people outside it).
      `SELECT i.person_id, i.measure_key, i.value::text AS value
         FROM incentive_input i JOIN person p ON p.id = i.person_id
        WHERE i.scheme_id = $1 AND i.measure_key = ANY($2) AND p.organization_id = $3
          AND ${inPopulation('p', '$4::jsonb')}
          AND p.hire_date <= $6::date AND (p.left_on IS NULL OR p.left_on > $5::date)`,
      [scheme.id, personKeys, org, JSON.stringify(scheme.population), start, end],
    );
    for (const i of inputs) {
      let m = personValues.get(i.person_id);
      if (!m) personValues.set(i.person_id, (m = {}));
      m[i.measure_key] = { value: i.value };
    }
  }
  const training = new Map<string, string>();
  if (keys.has('training_hours')) {
    const hours: { person_id: string; hours: string }[] = await db.query(
      `SELECT e.person_id, sum(coalesce(e.hours, s.hours))::text AS hours
         FROM enrolment e JOIN training_session s ON s.id = e.session_id
        WHERE e.organization_id = $1 AND e.status = 'COMPLETED'
          AND e.completed_at >= $2::date AND e.completed_at < $3::date + 1
        GROUP BY e.person_id`,
      [org, start, end],
    );
    for (const h of hours) training.set(h.person_id, h.hours);
  }
  // An individual component or gate on a team metric reads the person's team value.
  const teamKeysForPeople = [
    ...scheme.components.filter((c) => c.kind === 'INDIVIDUAL').map((c) => measureKey(c.measure)),
    ...scheme.gates.map((g) => measureKey(g.measure)),
  ].filter((k) => k.startsWith('team:'));

  const people = new Map<string, ParticipantInfo>();
  // Target pay by position and base salary: computed once per distinct pair.
  const targets = new Map<string, string | null>();
  const targetOf = (positionId: string | null, baseSalary: string | null) => {
    const key = `${positionId ?? ''}|${baseSalary ?? ''}`;
    let t = targets.get(key);
    if (t === undefined) targets.set(key, (t = targetPayOf(scheme.target_bonus, positionId, baseSalary)));
    return t;
  };
  const participants: SchemeParticipant[] = rows.map((r) => {
    if (withPeople) people.set(r.id, { id: r.id, name: r.name, teamId: r.team_id, teamName: r.team_name });
    const values: Record<string, MeasureValue> = { ...(personValues.get(r.id) ?? {}) };
    if (keys.has('training_hours')) values.training_hours = { value: training.get(r.id) ?? '0' };
    for (const k of teamKeysForPeople) {
      const tv = r.team_id ? teams[r.team_id]?.[k] : undefined;
      if (tv) values[k] = tv;
    }
    return {
      id: r.id,
      teamId: r.team_id,
      targetPay: targetOf(r.position_id, r.base_salary),
      baseSalary: r.base_salary,
      fte: r.fte,
      employmentStart: r.hire_date > start ? r.hire_date : null,
      // left_on is the first day as former staff: the last day employed is the day before.
      employmentEnd: r.last_day !== null && r.last_day < end ? r.last_day : null,
      values,
    };
  });
  return {
    input: { scheme: { ...definition, period: { start, end } }, participants, teams },
    people,
  };
}

/** Applies what-if overrides (replace or add) to a loaded input. */
export function applyWhatIf(input: SchemeRunInput, overrides: MeasureOverrideInput[]): SchemeRunInput {
  if (overrides.length === 0) return input;
  const teams: Record<string, Record<string, MeasureValue | undefined>> = Object.fromEntries(
    Object.entries(input.teams).map(([t, v]) => [t, { ...v }]),
  );
  const participants = input.participants.map((p) => ({ ...p, values: { ...p.values } }));
  const change = (mv: MeasureValue | undefined, o: MeasureOverrideInput): MeasureValue | undefined => {
    if (o.value !== null && o.value !== undefined) return { value: o.value, n: mv?.n };
    if (o.delta !== null && o.delta !== undefined && mv?.value)
      return { ...mv, value: new Dec(mv.value).plus(o.delta).toString() };
    return mv;
  };
  const teamIds = new Set([
    ...Object.keys(teams),
    ...participants.map((p) => p.teamId).filter((t): t is string => t !== null),
  ]);
  for (const o of overrides) {
    const c = input.scheme.components.find((x) => x.id === o.componentId);
    if (!c) continue;
    if (c.kind === 'COLLECTIVE') {
      for (const t of teamIds)
        if (!o.teamId || o.teamId === t)
          (teams[t] ??= {})[c.measureKey] = change(teams[t]?.[c.measureKey], o);
    } else {
      for (const p of participants)
        if (!o.teamId || o.teamId === p.teamId)
          (p.values as Record<string, MeasureValue | undefined>)[c.measureKey] = change(
            p.values[c.measureKey],
            o,
          );
    }
  }
  return { ...input, teams, participants };
}

/** Runs the engine, into its compact form (a simulation skips the hash: nothing is stored). */
export function compute(input: SchemeRunInput, options: { hash?: boolean } = {}): CompactSchemeRun {
  return computeSchemeRunCompact(input, options);
}
