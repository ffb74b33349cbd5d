import { createHash, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parse } from 'csv-parse/sync';
import {
  laggedCorrelation,
  linearFit,
  localDateAsUtc,
  MetricDirection,
  normaliseTo100,
  readLaggedCorrelation,
  spearman,
  type TeamSeries,
} from '@symmetry/domain';
import { METRIC_RULES, METRICS, PAIRS } from './mirror-catalog';
import { JobsService } from '../../platform/jobs/jobs.service';
import { AuditService } from '../../platform/audit/audit.service';
import { Role } from '../organization/organization.enums';
import { badInput, forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';
import { lineTeams } from '../../platform/auth/line-teams';

export const MIRROR_REFRESH = 'mirror.refresh';
export type PeriodKind = 'WEEK' | 'MONTH' | 'QUARTER';

export interface IntakeRow {
  /** Team id or exact team name. */
  team: string;
  metric: string;
  periodKind: PeriodKind;
  periodStart: string;
  value: string | number;
  sampleSize: number | string;
}

/** Intake rows as columns: cell i of each column is row i (CSV cells, or JSON fields as text). */
export interface IntakeColumns {
  team: string[];
  metric: string[];
  periodKind: string[];
  periodStart: string[];
  value: string[];
  sampleSize: string[];
}

const emptyColumns = (): IntakeColumns => ({
  team: [],
  metric: [],
  periodKind: [],
  periodStart: [],
  value: [],
  sampleSize: [],
});

/** Rows (GraphQL, JSON) as columns; a missing field is an empty cell, a period kind must be text. */
function toColumns(rows: IntakeRow[]): IntakeColumns {
  const out = emptyColumns();
  for (const r of rows as (Partial<IntakeRow> | null | undefined)[]) {
    out.team.push(String(r?.team ?? ''));
    out.metric.push(String(r?.metric ?? ''));
    out.periodKind.push(typeof r?.periodKind === 'string' ? r.periodKind : '');
    out.periodStart.push(String(r?.periodStart ?? ''));
    out.value.push(String(r?.value ?? ''));
    out.sampleSize.push(String(r?.sampleSize ?? ''));
  }
  return out;
}

/** Why `start` is not the first day of a period of `kind`, or null. */
function periodProblem(kind: PeriodKind, start: string): string | null {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(start) ? new Date(`${start}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== start)
    return 'Expected a date YYYY-MM-DD';
  if (periodStartOf(kind, date) === start) return null;
  return kind === 'WEEK'
    ? 'A week starts on a Monday'
    : kind === 'MONTH'
      ? 'A month starts on the 1st'
      : 'A quarter starts on 1 January, April, July or October';
}

export interface IntakeProblem {
  line: number;
  field: string;
  message: string;
}

export interface IntakeResult {
  valid: boolean;
  applied: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: IntakeProblem[];
}

interface MetricDef {
  id: string;
  key: string;
  side: 'CUSTOMER' | 'EMPLOYEE';
  name_en: string;
  name_fr: string;
  scale_min: string;
  scale_max: string;
  direction: MetricDirection;
  unit: string;
  source: string;
}

const MAX_ROWS = 200_000;

/** First day of the period containing `d` (UTC dates), as YYYY-MM-DD. */
export function periodStartOf(kind: PeriodKind, d: Date): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (kind === 'MONTH') return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  if (kind === 'QUARTER') return new Date(Date.UTC(y, m - (m % 3), 1)).toISOString().slice(0, 10);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m, d.getUTCDate() - day)).toISOString().slice(0, 10);
}

function shiftPeriod(kind: PeriodKind, start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (kind === 'WEEK') return new Date(d.getTime() + n * 7 * 864e5).toISOString().slice(0, 10);
  const months = kind === 'MONTH' ? n : 3 * n;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The mirror: customer figures beside their internal twins, team by team. Customer figures come
 * in by CSV, GraphQL or a CRM with an API key (upserted by source, team, period, metric; a bad
 * row refuses the whole batch). Internal figures are materialised from the platform
 * (`refreshPlatform`, hourly job): eNPS from published surveys, internal CSAT/effort,
 * commitments kept and escalations from the service desk, employee retention from leaving dates. Figures from fewer than k answers are
 * neither shown nor used.
 */
@Injectable()
export class MirrorService implements OnModuleInit {
  private readonly views = new Map<string, Promise<unknown>>();
  private readonly catalogued = new Set<string>();

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: MIRROR_REFRESH, cron: '13 * * * *', handler: () => this.refreshAll() });
  }

  /** The shipped definitions and pairs exist for the organisation (idempotent). */
  async ensureCatalog(m: EntityManager | DataSource, organizationId: string): Promise<void> {
    // Once per organisation and process after it succeeded outside a transaction (idempotent anyway).
    if (m === this.db && this.catalogued.has(organizationId)) return;
    await m.query(
      `INSERT INTO metric_definition (organization_id, key, side, name_en, name_fr, scale_min, scale_max, direction, unit, source)
       SELECT $1, v.key, v.side::metric_side, v.en, v.fr, v.min, v.max, v.direction::metric_direction, v.unit, v.source
         FROM jsonb_to_recordset($2::jsonb) AS v(key text, side text, en text, fr text, min numeric, max numeric, direction text, unit text, source text)
       ON CONFLICT (organization_id, key) DO NOTHING`,
      [organizationId, JSON.stringify(METRICS)],
    );
    await m.query(
      `INSERT INTO metric_pair (organization_id, key, position, customer_metric_id, employee_metric_id)
       SELECT $1, p.key, p.pos, c.id, e.id
         FROM jsonb_to_recordset($2::jsonb) AS p(key text, pos int, customer text, employee text)
         JOIN metric_definition c ON c.organization_id = $1 AND c.key = p.customer
         JOIN metric_definition e ON e.organization_id = $1 AND e.key = p.employee
       ON CONFLICT (organization_id, key) DO NOTHING`,
      [
        organizationId,
        JSON.stringify(PAIRS.map(([key, customer, employee], pos) => ({ key, pos, customer, employee }))),
      ],
    );
    if (m === this.db) this.catalogued.add(organizationId);
  }

  async definitions(organizationId: string): Promise<MetricDef[]> {
    await this.ensureCatalog(this.db, organizationId);
    return this.db.query(`SELECT * FROM metric_definition WHERE organization_id = $1 ORDER BY side, key`, [
      organizationId,
    ]);
  }

  async updateDefinition(
    viewer: Viewer,
    key: string,
    patch: {
      nameEn?: string;
      nameFr?: string;
      scaleMin?: number;
      scaleMax?: number;
      direction?: MetricDirection;
      unit?: string;
    },
    requestId: string,
  ) {
    return this.db.transaction(async (m) => {
      await this.ensureCatalog(m, viewer.organizationId);
      const [d] = await m.query(
        `SELECT * FROM metric_definition WHERE organization_id = $1 AND key = $2 FOR UPDATE`,
        [viewer.organizationId, key],
      );
      if (!d) throw notFound('Metric');
      const min = patch.scaleMin ?? Number(d.scale_min);
      const max = patch.scaleMax ?? Number(d.scale_max);
      if (!(min < max)) throw badInput('input.scaleMax', 'The scale maximum must be above its minimum');
      const [[row]] = await m.query(
        `UPDATE metric_definition SET name_en = $2, name_fr = $3, scale_min = $4, scale_max = $5, direction = $6, unit = $7
          WHERE id = $1 RETURNING *`,
        [
          d.id,
          patch.nameEn ?? d.name_en,
          patch.nameFr ?? d.name_fr,
          min,
          max,
          patch.direction ?? d.direction,
          patch.unit ?? d.unit,
        ],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'mirror.metric.update',
        entityType: 'metric_definition',
        entityId: d.id,
        before: { scaleMin: d.scale_min, scaleMax: d.scale_max, direction: d.direction },
        after: { scaleMin: min, scaleMax: max, direction: row.direction },
      });
      return row as MetricDef;
    });
  }

  // ------------------------------------------------------------------------------------------
  // Intake

  /**
   * The rows of a customer-figure CSV, as columns (no object per row). Columns are found by their
   * trimmed, lower-cased header; cells are trimmed; empty lines are skipped (as csv-parse does).
   */
  parseCsv(csv: string): { rows: IntakeColumns; problems: IntakeProblem[] } {
    const text = csv.replace(/^\uFEFF/, '');
    let table = simpleCsvColumns(text);
    if (table === null)
      try {
        const records: Record<string, string>[] = parse(text, {
          columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
          skip_empty_lines: true,
          trim: true,
        });
        const header = records.length ? Object.keys(records[0]!) : [];
        table = { header, columns: header.map((h) => records.map((r) => r[h]!)) };
      } catch (e) {
        return {
          rows: emptyColumns(),
          problems: [{ line: 1, field: 'file', message: `Not a CSV file: ${(e as Error).message}` }],
        };
      }
    const required = ['team', 'metric', 'period_kind', 'period_start', 'value', 'sample_size'];
    const header = table.columns[0]?.length ? table.header : required;
    const missing = required.filter((c) => !header.includes(c));
    if (missing.length)
      return {
        rows: emptyColumns(),
        problems: [{ line: 1, field: missing[0], message: `Missing column(s): ${missing.join(', ')}` }],
      };
    // (a repeated column name: the last one, as csv-parse's columns option does)
    const column = (name: string) => table!.columns[table!.header.lastIndexOf(name)]!;
    return {
      rows: {
        team: column('team'),
        metric: column('metric'),
        periodKind: column('period_kind').map((k) => k.toUpperCase()),
        periodStart: column('period_start'),
        value: column('value'),
        sampleSize: column('sample_size'),
      },
      problems: [],
    };
  }

  /**
   * Validates every row, then (when `apply` and all are valid) upserts them in one transaction:
   * re-sending the same figures changes nothing. `firstLine` numbers rows as in the file (2 for CSV).
   * Rows are validated column by column in one pass; the valid ones go to PostgreSQL as a few
   * comma-separated texts of small indexes and numbers, unnested in one statement.
   */
  async intake(
    organizationId: string,
    source: string,
    input: IntakeRow[] | IntakeColumns,
    apply: boolean,
    firstLine = 1,
    actor: { personId: string | null; requestId?: string } = { personId: null },
  ): Promise<IntakeResult> {
    const rows = Array.isArray(input) ? toColumns(input) : input;
    const count = rows.team.length;
    if (count > MAX_ROWS) throw badInput('rows', `At most ${MAX_ROWS} rows per import`);
    if (!/^[\w .:@-]{1,100}$/.test(source))
      throw badInput('source', 'The source is 1-100 letters, digits, spaces or . : @ -');
    await this.ensureCatalog(this.db, organizationId);
    const [metrics, teams]: [MetricDef[], { id: string; name: string }[]] = await Promise.all([
      this.db.query(`SELECT * FROM metric_definition WHERE organization_id = $1`, [organizationId]),
      this.db.query(`SELECT id, name FROM team WHERE organization_id = $1`, [organizationId]),
    ]);
    // Teams and metrics by position (1-based, as PostgreSQL arrays are).
    const teamById = new Map(teams.map((t, i) => [t.id, i + 1]));
    const teamByName = new Map(teams.map((t, i) => [t.name.trim().toLowerCase(), i + 1]));
    const metricByKey = new Map(metrics.map((x, i) => [x.key, i + 1]));
    const scale = metrics.map((x) => [Number(x.scale_min), Number(x.scale_max)] as const);
    const problems: IntakeProblem[] = [];
    const teamIx: number[] = [];
    const metricIx: number[] = [];
    const periodIx: number[] = [];
    const values: string[] = [];
    const sizes: number[] = [];
    // Each distinct team, metric and period text is looked up or checked once (a large file has
    // many rows and few distinct cells).
    const teamOf = new Map<string, number>();
    const metricOf = new Map<string, number>();
    const periodsOf = { WEEK: new Map(), MONTH: new Map(), QUARTER: new Map() } as Record<
      PeriodKind,
      Map<string, { problem: string | null; ix: number }>
    >;
    const periodKinds: string[] = [];
    const periodStarts: string[] = [];
    const seen = new Map<number, number>();
    const nTeams = teams.length + 1;
    const nMetrics = metrics.length + 1;
    const fail = (line: number, field: string, message: string) => problems.push({ line, field, message });
    for (let i = 0; i < count; i++) {
      const line = firstLine + i;
      const teamText = rows.team[i]!;
      let team = teamOf.get(teamText);
      if (team === undefined) {
        const t = teamText.trim();
        team = teamById.get(t) ?? teamByName.get(t.toLowerCase()) ?? 0;
        teamOf.set(teamText, team);
      }
      if (!team) {
        fail(line, 'team', `Unknown team "${teamText}"`);
        continue;
      }
      const metricText = rows.metric[i]!;
      let m = metricOf.get(metricText);
      if (m === undefined) {
        m = metricByKey.get(metricText.trim()) ?? 0;
        metricOf.set(metricText, m);
      }
      if (!m) {
        fail(line, 'metric', `Unknown metric "${metricText}"`);
        continue;
      }
      const metric = metrics[m - 1]!;
      if (metric.side !== 'CUSTOMER') {
        fail(line, 'metric', `"${metric.key}" is an internal metric: the platform computes it`);
        continue;
      }
      const kind = rows.periodKind[i]!;
      if (kind !== 'WEEK' && kind !== 'MONTH' && kind !== 'QUARTER') {
        fail(line, 'period_kind', 'Expected WEEK, MONTH or QUARTER');
        continue;
      }
      const startText = rows.periodStart[i]!;
      let period = periodsOf[kind].get(startText);
      if (period === undefined) {
        // (keyed by the trimmed text too: " 2026-01-05" and "2026-01-05" are one period)
        const start = startText.trim();
        period = periodsOf[kind].get(start);
        if (period === undefined) {
          period = { problem: periodProblem(kind, start), ix: 0 };
          if (!period.problem) {
            periodKinds.push(kind);
            period.ix = periodStarts.push(start);
          }
          periodsOf[kind].set(start, period);
        }
        periodsOf[kind].set(startText, period);
      }
      if (period.problem) {
        fail(line, 'period_start', period.problem);
        continue;
      }
      const value = rows.value[i]!.trim();
      if (!/^-?\d{1,10}(\.\d{1,4})?$/.test(value)) {
        fail(line, 'value', 'Expected a number (at most 4 decimals)');
        continue;
      }
      const v = Number(value);
      const [min, max] = scale[m - 1]!;
      if (v < min || v > max) {
        fail(line, 'value', `${metric.key} is between ${min} and ${max}`);
        continue;
      }
      const n = Number(rows.sampleSize[i]!.trim());
      if (!Number.isInteger(n) || n < 0 || n > 100_000_000) {
        fail(line, 'sample_size', 'Expected a whole number of answers ≥ 0');
        continue;
      }
      const key = (period.ix * nTeams + team) * nMetrics + m;
      const dup = seen.get(key);
      if (dup !== undefined) {
        fail(line, 'period_start', `Same team, metric and period as line ${dup}`);
        continue;
      }
      seen.set(key, line);
      teamIx.push(team);
      metricIx.push(m);
      periodIx.push(period.ix);
      values.push(value);
      sizes.push(n);
    }
    const base = { rows: count, inserted: 0, updated: 0, unchanged: 0 };
    if (problems.length || !apply) return { ...base, valid: problems.length === 0, applied: false, problems };
    return this.db.transaction(async (m) => {
      let inserted = 0;
      let updated = 0;
      if (values.length) {
        // Imports of one source are serialised (a second waits for the first to commit, then sees
        // its rows), so that new keys can be inserted without ON CONFLICT's per-row speculative
        // insertion: one statement updates the rows whose figures changed and inserts the keys
        // that are new; unchanged rows are neither written nor locked.
        await m.query(
          `SELECT pg_advisory_xact_lock(hashtextextended('mirror.intake/' || $1 || '/' || $2, 0))`,
          [organizationId, source],
        );
        // Hash joins: planned from statistics that say the source has no rows yet (a first import,
        // or figures just vacuumed away), a nested loop would rescan metric_value once per row,
        // pages this very statement is filling included (minutes for 100,000 rows).
        await m.query(`SET LOCAL enable_nestloop = off`);
        const [out]: { inserted: number; updated: number }[] = await m.query(
          `WITH x AS (
             SELECT ($3::uuid[])[ti] AS team, ($4::uuid[])[mi] AS metric, ($5::period_kind[])[pi] AS kind,
                    ($6::date[])[pi] AS start, val, n
               FROM unnest(string_to_array($7, ',')::int[], string_to_array($8, ',')::int[], string_to_array($9, ',')::int[],
                           string_to_array($10, ',')::numeric[], string_to_array($11, ',')::int[]) AS x(ti, mi, pi, val, n)
           ), upd AS (
             UPDATE metric_value v SET value = x.val, sample_size = x.n, updated_at = now()
               FROM x
              WHERE v.organization_id = $1 AND v.source = $2 AND v.team_id = x.team AND v.period_kind = x.kind
                AND v.period_start = x.start AND v.metric_id = x.metric
                AND (v.value <> x.val OR v.sample_size <> x.n)
             RETURNING 1
           ), ins AS (
             INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
             SELECT $1, x.metric, x.team, x.kind, x.start, x.val, x.n, $2 FROM x
              WHERE NOT EXISTS (
                SELECT 1 FROM metric_value v
                 WHERE v.organization_id = $1 AND v.source = $2 AND v.team_id = x.team AND v.period_kind = x.kind
                   AND v.period_start = x.start AND v.metric_id = x.metric)
             RETURNING 1
           )
           SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM upd)::int AS updated`,
          [
            organizationId,
            source,
            teams.map((t) => t.id),
            metrics.map((x) => x.id),
            periodKinds,
            periodStarts,
            teamIx.join(','),
            metricIx.join(','),
            periodIx.join(','),
            values.join(','),
            sizes.join(','),
          ],
        );
        await m.query(`SET LOCAL enable_nestloop = DEFAULT`);
        inserted = out!.inserted;
        updated = out!.updated;
      }
      await this.audit.record(m, {
        organizationId,
        actorPersonId: actor.personId,
        requestId: actor.requestId,
        action: 'mirror.intake',
        entityType: 'metric_value',
        entityId: source,
        after: { rows: values.length, inserted, updated },
      });
      return {
        ...base,
        valid: true,
        applied: true,
        inserted,
        updated,
        unchanged: values.length - inserted - updated,
        problems,
      };
    });
  }

  // ------------------------------------------------------------------------------------------
  // API keys (intake only)

  async createKey(viewer: Viewer, name: string, requestId: string) {
    const secret = randomBytes(24).toString('base64url');
    const prefix = randomBytes(4).toString('hex');
    const key = `sym_${prefix}_${secret}`;
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO intake_api_key (organization_id, name, prefix, key_hash, created_by) VALUES ($1,$2,$3,$4,$5)
         RETURNING id, name, prefix, created_at, revoked_at, last_used_at`,
        [viewer.organizationId, name, prefix, hashKey(key), viewer.personId],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'mirror.apikey.create',
        entityType: 'intake_api_key',
        entityId: row.id,
        after: { name, prefix },
      });
      return { key, apiKey: row };
    });
  }

  async revokeKey(viewer: Viewer, id: string, requestId: string) {
    return this.db.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE intake_api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND organization_id = $2
         RETURNING id, name, prefix, created_at, revoked_at, last_used_at`,
        [id, viewer.organizationId],
      );
      if (!rows.length) throw notFound('API key');
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'mirror.apikey.revoke',
        entityType: 'intake_api_key',
        entityId: id,
      });
      return rows[0];
    });
  }

  keys(viewer: Viewer) {
    return this.db.query(
      `SELECT id, name, prefix, created_at, revoked_at, last_used_at FROM intake_api_key WHERE organization_id = $1 ORDER BY created_at DESC`,
      [viewer.organizationId],
    );
  }

  /** The organisation of a valid, unrevoked intake key, or null. */
  async organizationOfKey(key: string): Promise<{ organizationId: string; name: string } | null> {
    if (!/^sym_[0-9a-f]{8}_[\w-]{20,}$/.test(key)) return null;
    const [row] = await this.db
      .query(
        `UPDATE intake_api_key SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING organization_id, name`,
        [hashKey(key)],
      )
      .then((r: unknown[]) => r[0] as { organization_id: string; name: string }[]);
    return row ? { organizationId: row.organization_id, name: row.name } : null;
  }

  // ------------------------------------------------------------------------------------------
  // Internal figures from the platform

  async refreshAll(): Promise<{ organizations: number; values: number }> {
    const orgs: { id: string }[] = await this.db.query(`SELECT id FROM organization`);
    let values = 0;
    for (const o of orgs) values += await this.refreshPlatform(o.id);
    return { organizations: orgs.length, values };
  }

  /**
   * Replaces the organisation's platform figures (source 'platform') by month and quarter: eNPS
   * per team from published survey waves; from the desk, by requesting team, internal CSAT and
   * effort (only from k ratings), support commitments kept and escalations per 100 requests; from
   * the people data, employee retention per team for the completed periods of the last 24 months
   * (EMPLOYEE_RETENTION_RULE in mirror-catalog.ts), only from teams of at least k people; from the
   * decision log, autonomy: the share of reviewed decisions settled by the front line itself, per
   * team and period, from at least k reviewed decisions.
   */
  async refreshPlatform(organizationId: string, m?: EntityManager): Promise<number> {
    const run = async (tx: EntityManager) => {
      await this.ensureCatalog(tx, organizationId);
      await tx.query(`DELETE FROM metric_value WHERE organization_id = $1 AND source = 'platform'`, [
        organizationId,
      ]);
      const rows: unknown[] = await tx.query(
        `WITH o AS (SELECT anonymity_threshold AS k, time_zone, (now() AT TIME ZONE time_zone)::date AS today
                     FROM organization WHERE id = $1),
         kinds(kind, step) AS (VALUES ('MONTH', interval '1 month'), ('QUARTER', interval '3 months')),
         metric AS (SELECT key, id FROM metric_definition WHERE organization_id = $1),
         desk AS (
           SELECT r.requester_team_id AS team, k.kind,
                  date_trunc(lower(k.kind), r.created_at AT TIME ZONE (SELECT time_zone FROM o))::date AS start,
                  count(*) AS requests, count(r.resolution_met) AS resolved, count(*) FILTER (WHERE r.resolution_met) AS met,
                  count(*) FILTER (WHERE r.reopen_count > 0 OR r.renegotiation_count > 0) AS escalated,
                  count(g.csat) AS ratings, count(*) FILTER (WHERE g.csat >= 4) AS fav, avg(g.effort) AS effort
             FROM service_request r CROSS JOIN kinds k
             LEFT JOIN request_rating g ON g.request_id = r.id AND g.status = 'RATED'
            WHERE r.organization_id = $1 AND r.requester_team_id IS NOT NULL
            GROUP BY 1, 2, 3
         ), survey AS (
           SELECT v.team_id AS team, k.kind, date_trunc(lower(k.kind), v.period_end)::date AS start,
                  sum(v.value * v.n) / sum(v.n) AS enps, sum(v.n)::int AS n
             FROM internal_metric_value v CROSS JOIN kinds k
            WHERE v.organization_id = $1 AND v.metric = 'ENPS' AND v.team_id IS NOT NULL
            GROUP BY 1, 2, 3
         ), periods AS (
           -- The completed months and quarters of the last 24 months (the next period has begun).
           SELECT k.kind, s::date AS start, (s + k.step)::date AS next_start
             FROM kinds k CROSS JOIN o
            CROSS JOIN LATERAL generate_series(date_trunc(lower(k.kind), o.today - interval '24 months'),
                                               date_trunc(lower(k.kind), o.today::timestamp) - k.step, k.step) AS s
         ), retention AS (
           -- Employed on the period's first day (hired by then, leaving date later), and of those,
           -- still employed on the next period's first day. Team: the person's team in the people data.
           SELECT p.team_id AS team, pr.kind, pr.start, count(*) AS n,
                  count(*) FILTER (WHERE p.left_on IS NULL OR p.left_on > pr.next_start) AS stayed
             FROM periods pr
             JOIN person p ON p.organization_id = $1 AND p.team_id IS NOT NULL
              AND p.hire_date <= pr.start AND (p.left_on IS NULL OR p.left_on > pr.start)
            GROUP BY 1, 2, 3
         ), autonomy AS (
           -- The decision log: the share of reviewed decisions the front line settled itself (alone
           -- within its rights, or beyond them and confirmed), as libs/domain autonomyIndex defines it.
           SELECT d.team_id AS team, k.kind,
                  date_trunc(lower(k.kind), d.decided_at AT TIME ZONE (SELECT time_zone FROM o))::date AS start,
                  count(*) FILTER (WHERE d.kind = 'DECIDED_LOCALLY' OR d.review = 'CONFIRMED') AS settled,
                  count(*) FILTER (WHERE d.kind <> 'BEYOND_RIGHTS' OR d.review <> 'PENDING') AS reviewed
             FROM decision_log d CROSS JOIN kinds k
            WHERE d.organization_id = $1
            GROUP BY 1, 2, 3
         ), figures AS (
           SELECT team, kind, start, 'internal_csat' AS key, 100.0 * fav / ratings AS value, ratings AS n FROM desk
            WHERE ratings >= (SELECT k FROM o)
           UNION ALL SELECT team, kind, start, 'internal_effort', effort, ratings FROM desk WHERE ratings >= (SELECT k FROM o)
           UNION ALL SELECT team, kind, start, 'support_commitments_kept', 100.0 * met / resolved, resolved FROM desk WHERE resolved > 0
           UNION ALL SELECT team, kind, start, 'escalations_per_100', 100.0 * escalated / requests, requests FROM desk
           UNION ALL SELECT team, kind, start, 'enps', enps, n FROM survey WHERE n >= (SELECT k FROM o)
           UNION ALL SELECT team, kind, start, 'employee_retention', 100.0 * stayed / n, n FROM retention
            WHERE n >= (SELECT k FROM o)
           UNION ALL SELECT team, kind, start, 'autonomy', 100.0 * settled / reviewed, reviewed FROM autonomy
            WHERE reviewed > 0 AND reviewed >= (SELECT k FROM o)
         )
         INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
         SELECT $1, metric.id, f.team, f.kind::period_kind, f.start, round(f.value::numeric, 4), f.n, 'platform'
           FROM figures f JOIN metric ON metric.key = f.key
         RETURNING 1`,
        [organizationId],
      );
      return rows.length;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  // ------------------------------------------------------------------------------------------
  // The mirror view

  /** Teams the viewer may see in the mirror: every team for HR; for a manager, the teams of their line. */
  async visibleTeams(viewer: Viewer): Promise<{ id: string; name: string }[]> {
    if (viewer.roles.includes(Role.HR) || viewer.roles.includes(Role.ADMIN))
      return this.db.query(`SELECT id, name FROM team WHERE organization_id = $1 ORDER BY name`, [
        viewer.organizationId,
      ]);
    const teams = await lineTeams(this.db, viewer);
    if (!teams.length) throw forbidden('The mirror is for managers and HR');
    return teams;
  }

  /**
   * The mirror for the viewer. Views are cached per organisation, scope and arguments, keyed by a
   * data version read in one cheap statement (values' count and latest change, definitions' and the
   * threshold's state): any write, through this service or not, changes the key.
   */
  async mirror(
    viewer: Viewer,
    args: { teamId?: string; periodKind: PeriodKind; periods: number; period?: string },
  ) {
    const teams = await this.visibleTeams(viewer);
    if (args.teamId && !teams.some((t) => t.id === args.teamId)) throw notFound('Team');
    await this.ensureCatalog(this.db, viewer.organizationId);
    if (args.period && periodStartOf(args.periodKind, new Date(`${args.period}T00:00:00Z`)) !== args.period)
      throw badInput('period', 'Not the start of a period of that kind');
    const [v] = await this.db.query(
      `SELECT (SELECT concat_ws(':', count(*), max(updated_at)) FROM metric_value WHERE organization_id = $1) AS data,
              (SELECT md5(string_agg(concat_ws('/', id, scale_min, scale_max, direction, name_en, name_fr, unit), ',' ORDER BY id))
                 FROM metric_definition WHERE organization_id = $1) AS defs,
              (SELECT anonymity_threshold FROM organization WHERE id = $1) AS k,
              (SELECT time_zone FROM organization WHERE id = $1) AS tz`,
      [viewer.organizationId],
    );
    // The current period is the organisation's (its time zone's date), as the platform's figures are.
    const last = args.period ?? periodStartOf(args.periodKind, localDateAsUtc(new Date(), v.tz));
    const key = [
      viewer.organizationId,
      v.data,
      v.defs,
      v.k,
      args.teamId ?? '*',
      args.periodKind,
      args.periods,
      last,
      teams.map((t) => t.id).join(','),
    ].join('|');
    let hit = this.views.get(key);
    if (!hit) {
      hit = this.computeMirror(viewer, args, teams, last, v.k);
      hit.catch(() => this.views.delete(key));
      if (this.views.size >= 50) this.views.delete(this.views.keys().next().value!);
      this.views.set(key, hit);
    }
    return hit;
  }

  private async computeMirror(
    viewer: Viewer,
    args: { teamId?: string; periodKind: PeriodKind; periods: number; period?: string },
    teams: { id: string; name: string }[],
    last: string,
    k: number,
  ) {
    const periods = Array.from({ length: args.periods }, (_, i) =>
      shiftPeriod(args.periodKind, last, i - args.periods + 1),
    );
    const [defs, pairs, values] = await Promise.all([
      this.db.query(`SELECT * FROM metric_definition WHERE organization_id = $1`, [
        viewer.organizationId,
      ]) as Promise<MetricDef[]>,
      this.db.query(`SELECT * FROM metric_pair WHERE organization_id = $1 ORDER BY position`, [
        viewer.organizationId,
      ]),
      // One value per metric × team × period (the source that wins, metric_value_current); figures
      // from fewer than k answers dropped.
      this.db.query(
        `SELECT metric_id, team_id, to_char(period_start, 'YYYY-MM-DD') AS period, value, sample_size AS n, source
           FROM metric_value_current
          WHERE organization_id = $1 AND period_kind = $2 AND period_start BETWEEN $3 AND $4 AND sample_size >= $5
            AND team_id = ANY($6::uuid[])`,
        [viewer.organizationId, args.periodKind, periods[0], last, k, teams.map((t) => t.id)],
      ) as Promise<
        { metric_id: string; team_id: string; period: string; value: string; n: number; source: string }[]
      >,
    ]);
    const defById = new Map(defs.map((d) => [d.id, d]));
    const index = new Map<string, { value: number; n: number; source: string }>();
    for (const v of values)
      index.set(`${v.metric_id}|${v.team_id}|${v.period}`, {
        value: Number(v.value),
        n: v.n,
        source: v.source,
      });
    const scopeTeams = args.teamId ? [args.teamId] : teams.map((t) => t.id);
    const score = (d: MetricDef, v: number) =>
      normaliseTo100(
        v,
        { min: Number(d.scale_min), max: Number(d.scale_max), direction: d.direction },
        { clamp: true },
      );
    /** Weighted value of a metric over some teams for one period. */
    const agg = (metricId: string, teamIds: string[], period: string) => {
      let sum = 0;
      let n = 0;
      const sources = new Set<string>();
      for (const t of teamIds) {
        const x = index.get(`${metricId}|${t}|${period}`);
        if (x) {
          sum += x.value * x.n;
          n += x.n;
          sources.add(x.source);
        }
      }
      return n >= k ? { value: sum / n, n, sources: [...sources].sort() } : null;
    };
    const side = (d: MetricDef, x: { value: number; n: number; sources: string[] } | null) =>
      x ? { value: x.value, n: x.n, score: score(d, x.value), sources: x.sources } : null;
    const out = pairs.map((p: { key: string; customer_metric_id: string; employee_metric_id: string }) => {
      const c = defById.get(p.customer_metric_id)!;
      const e = defById.get(p.employee_metric_id)!;
      const trend = periods.map((period) => {
        const cv = side(c, agg(c.id, scopeTeams, period));
        const ev = side(e, agg(e.id, scopeTeams, period));
        return { period, customer: cv, employee: ev, gap: cv && ev ? ev.score - cv.score : null };
      });
      // Across teams: internal at t against customer at t + lag.
      const periodIndex = new Map(periods.map((x, i) => [x, i]));
      const series: TeamSeries[] = teams.map((t) => ({
        teamId: t.id,
        observations: periods.map((period) => ({
          period: periodIndex.get(period)!,
          internal: index.get(`${e.id}|${t.id}|${period}`)
            ? score(e, index.get(`${e.id}|${t.id}|${period}`)!.value)
            : null,
          customer: index.get(`${c.id}|${t.id}|${period}`)
            ? score(c, index.get(`${c.id}|${t.id}|${period}`)!.value)
            : null,
        })),
      }));
      const pearsonLags = laggedCorrelation(series, { maxLag: 3, method: 'PEARSON' });
      const spearmanLags = laggedCorrelation(series, { maxLag: 3, method: 'SPEARMAN' });
      const scatter = series.flatMap((s) =>
        s.observations
          .filter((o) => o.period === periods.length - 1 && o.internal !== null && o.customer !== null)
          .map((o) => ({ teamId: s.teamId, internal: o.internal!, customer: o.customer! })),
      );
      let fit: { slope: number; intercept: number } | null = null;
      if (scatter.length >= 3) {
        try {
          const f = linearFit(
            scatter.map((s) => s.internal),
            scatter.map((s) => s.customer),
          );
          fit = { slope: f.slope, intercept: f.intercept };
        } catch {
          fit = null;
        }
      }
      const lagsOut = (lags: typeof pearsonLags) =>
        lags.map((l) => ({
          lag: l.lag,
          n: l.n,
          r: l.r,
          ciLow: l.ci?.lower ?? null,
          ciHigh: l.ci?.upper ?? null,
        }));
      return {
        key: p.key,
        customer: this.toDef(c),
        employee: this.toDef(e),
        current: trend[trend.length - 1],
        trend,
        correlation: {
          pearson: lagsOut(pearsonLags),
          spearman: lagsOut(spearmanLags),
          reading: {
            en: readLaggedCorrelation(pearsonLags, 'en').text,
            fr: readLaggedCorrelation(pearsonLags, 'fr').text,
          },
          verdict: readLaggedCorrelation(pearsonLags, 'en').verdict,
          bestLag: readLaggedCorrelation(pearsonLags, 'en').bestLag,
          scatter,
          fit,
        },
      };
    });
    const heatmap = teams
      .filter((t) => !args.teamId || t.id === args.teamId)
      .flatMap((t) =>
        out.map((p: { key: string; customer: { id: string }; employee: { id: string } }) => {
          const c = defById.get(p.customer.id)!;
          const e = defById.get(p.employee.id)!;
          const cv = agg(c.id, [t.id], last);
          const ev = agg(e.id, [t.id], last);
          const cs = cv ? score(c, cv.value) : null;
          const es = ev ? score(e, ev.value) : null;
          return {
            teamId: t.id,
            teamName: t.name,
            pairKey: p.key,
            customer: cs,
            employee: es,
            gap: cs !== null && es !== null ? es - cs : null,
          };
        }),
      );
    return { periodKind: args.periodKind, periods, teamId: args.teamId ?? null, k, pairs: out, heatmap };
  }

  /**
   * Which support services the best-served front-line teams rate highest: per service, its CSAT
   * by requesting team (from k ratings) beside those teams' customer CSAT, and their rank correlation.
   */
  async supportServiceMirror(viewer: Viewer, months: number) {
    const teams = await this.visibleTeams(viewer);
    const [org] = await this.db.query(`SELECT anonymity_threshold AS k FROM organization WHERE id = $1`, [
      viewer.organizationId,
    ]);
    const rows: {
      service_id: string;
      service: string;
      team_id: string;
      team_name: string;
      ratings: number;
      csat: string;
      customer: string | null;
    }[] = await this.db.query(
      `WITH r AS (
           SELECT g.support_service_id, q.requester_team_id AS team_id, count(*)::int AS ratings, 100.0 * avg((g.csat >= 4)::int) AS csat
             FROM request_rating g JOIN service_request q ON q.id = g.request_id
            WHERE g.organization_id = $1 AND g.status = 'RATED' AND g.rated_at >= now() - make_interval(months => $2)
              AND q.requester_team_id = ANY($4::uuid[])
            GROUP BY 1, 2 HAVING count(*) >= $3
         ), c AS (
           SELECT v.team_id, sum(v.value * v.sample_size) / nullif(sum(v.sample_size), 0) AS customer
             FROM metric_value_current v JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'customer_csat'
            WHERE v.organization_id = $1 AND v.period_kind = 'MONTH' AND v.period_start >= (now() - make_interval(months => $2))::date
              AND v.sample_size >= $3
            GROUP BY 1
         )
         SELECT r.support_service_id AS service_id, s.name AS service, r.team_id, tm.name AS team_name, r.ratings, r.csat, c.customer
           FROM r JOIN support_service s ON s.id = r.support_service_id JOIN team tm ON tm.id = r.team_id LEFT JOIN c ON c.team_id = r.team_id
          ORDER BY s.name, r.csat DESC`,
      [viewer.organizationId, months, org.k, teams.map((t) => t.id)],
    );
    const byService = new Map<string, typeof rows>();
    for (const r of rows) byService.set(r.service_id, [...(byService.get(r.service_id) ?? []), r]);
    return [...byService.values()].map((list) => {
      const paired = list.filter((x) => x.customer !== null);
      let r: number | null = null;
      if (paired.length >= 3) {
        try {
          r = spearman(
            paired.map((x) => Number(x.csat)),
            paired.map((x) => Number(x.customer)),
          );
        } catch {
          r = null;
        }
      }
      return {
        supportServiceId: list[0].service_id,
        name: list[0].service,
        teams: list.map((x) => ({
          teamId: x.team_id,
          teamName: x.team_name,
          ratings: x.ratings,
          internalCsat: Number(x.csat),
          customerCsat: x.customer === null ? null : Number(x.customer),
        })),
        spearman: r,
        n: paired.length,
      };
    });
  }

  toDef(d: MetricDef) {
    return {
      id: d.id,
      key: d.key,
      side: d.side,
      name: { en: d.name_en, fr: d.name_fr },
      scaleMin: Number(d.scale_min),
      scaleMax: Number(d.scale_max),
      direction: d.direction,
      unit: d.unit,
      source: d.source,
      rule: METRIC_RULES[d.key] ?? null,
    };
  }
}

/**
 * The common case of a CRM export, parsed without the general CSV parser (about five times
 * faster on 100,000 rows), as columns: no quote character anywhere and every line with the
 * header's number of cells. Same cells as csv-parse with trim and skip_empty_lines, the header
 * trimmed and lower-cased; anything else returns null and goes through csv-parse.
 */
export function simpleCsvColumns(text: string): { header: string[]; columns: string[][] } | null {
  if (text.includes('"')) return null;
  const lines = text.split('\n');
  let header: string[] | null = null;
  let columns: string[][] = [];
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue; // as csv-parse with trim and skip_empty_lines
    const cells = line.split(',');
    if (header === null) {
      header = cells.map((c) => c.trim().toLowerCase());
      columns = header.map(() => []);
      continue;
    }
    if (cells.length !== header.length) return null;
    for (let i = 0; i < cells.length; i++) columns[i]!.push(cells[i]!.trim());
  }
  return { header: header ?? [], columns };
}

/** simpleCsvColumns as records (csv-parse's shape with its columns option). */
export function simpleCsv(text: string): Record<string, string>[] | null {
  const table = simpleCsvColumns(text);
  if (table === null) return null;
  const { header, columns } = table;
  // Object.fromEntries defines own properties, even for a column named "__proto__".
  return (columns[0] ?? []).map((_, row) => Object.fromEntries(header.map((h, i) => [h, columns[i]![row]!])));
}
