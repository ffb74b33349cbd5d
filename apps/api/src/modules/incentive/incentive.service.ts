import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import {
  centsText,
  Dec,
  DomainRuleError,
  explainSchemeLine,
  inclusiveDays,
  moneyString,
  whatWouldMoveIt,
  type SchemeDefinition,
  type SchemeLine,
  type CompactSchemeRun,
  RunHash,
} from '@symmetry/domain';
import { copyArray, copyField, copyIn, copyNumberArray } from '../../platform/database/copy-in';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, conflict, forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';
import { Role } from '../organization/organization.enums';
import { applyWhatIf, compute, loadRunInput, type ParticipantInfo } from './incentive-data';
import {
  histogram,
  inPopulation,
  measureKey,
  periodEnd,
  rowToInput,
  toDefinition,
  validateSchemeInput,
  type SchemeRow,
} from './incentive-rules';
import type {
  IncentiveDispute,
  IncentiveInputRow,
  IncentiveInputValue,
  IncentiveRun,
  IncentiveRunDetail,
  IncentiveScheme,
  IncentiveSchemeInput,
  IncentiveSimulation,
  IncentiveStatement,
  InputUploadResult,
  PersonDelta,
  SimulateArgs,
  StatementLine,
  TeamPayout,
} from './dto/incentive.types';

const isHr = (v: Viewer) => v.roles.includes(Role.HR) || v.roles.includes(Role.ADMIN);

/**
 * COPY text of a run's participants (one row each, its lines as arrays in the components' order),
 * in chunks of about 1 MB; feeds each line to `hash` on the way (the lines in the run's order).
 */
function* participantRows(
  runId: string,
  organizationId: string,
  run: CompactSchemeRun,
  hash: RunHash | null,
): Generator<string> {
  const k = run.components.length;
  const componentIds = copyField(copyArray(run.components.map((c) => c.id)));
  const noGates = copyField(copyArray(run.components.map(() => '')));
  const statuses = new Array<string>(k);
  const gates = new Array<string>(k);
  const values = new Array<string | null>(k);
  const percents = new Array<string>(k);
  const targets = new Array<string>(k);
  const weights = new Array<string | null>(k);
  const before = new Array<string>(k);
  const amounts = new Array<string>(k);
  let chunk = '';
  for (let pi = 0; pi < run.participants.length; pi += 1) {
    const p = run.participants[pi]!;
    let cents = 0n;
    let gated = false;
    let factor = '';
    let days = 0;
    for (let c = 0; c < k; c += 1) {
      const l = run.line(pi * k + c);
      hash?.line(l);
      factor = l.prorationFactor;
      days = l.eligibleDays;
      statuses[c] = l.status;
      gates[c] = l.failedGateIds.length ? l.failedGateIds.join(',') : '';
      gated ||= l.failedGateIds.length > 0;
      values[c] = l.measureValue;
      percents[c] = l.payoutPercent;
      targets[c] = l.targetAmount;
      weights[c] = l.poolWeight;
      before[c] = l.amountBeforeCap;
      amounts[c] = l.amount;
      cents += BigInt(run.cents(pi * k + c));
    }
    chunk += `${runId}\t${organizationId}\t${p.id}\t${copyField(p.teamId)}\t${copyField(p.targetPay)}\t${copyField(p.baseSalary)}\t${p.fte}\t${copyField(p.employmentStart)}\t${copyField(p.employmentEnd)}\t${copyField(JSON.stringify(p.values))}\t${centsText(cents)}\t${factor}\t${days}\t${componentIds}\t${copyNumberArray(statuses)}\t${copyNumberArray(values)}\t${copyNumberArray(percents)}\t${copyNumberArray(targets)}\t${gated ? copyField(copyArray(gates)) : noGates}\t${copyNumberArray(weights)}\t${copyNumberArray(before)}\t${copyNumberArray(amounts)}\n`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const SCHEME_COLUMNS = `s.id, s.organization_id, s.lineage_id, s.version, s.previous_id, s.name, s.description,
  s.period_kind, s.period_start::text AS period_start, s.period_end::text AS period_end, s.currency, s.population,
  s.minimum_eligible_days, s.prorate_by_fte, s.target_bonus, s.budget::text AS budget, s.fallback, s.minimum_answers,
  s.components, s.gates, s.status, s.designed_by, s.approved_by, s.approved_at, s.review_comment, s.row_version,
  s.updated_at, d.first_name || ' ' || d.last_name AS designed_by_name,
  a.first_name || ' ' || a.last_name AS approved_by_name,
  (SELECT count(*) FROM person p WHERE p.organization_id = s.organization_id
     AND ${inPopulation('p', 's.population')}) AS population_size`;
const SCHEME_FROM = `incentive_scheme s JOIN person d ON d.id = s.designed_by LEFT JOIN person a ON a.id = s.approved_by`;

const RUN_COLUMNS = `r.id, r.scheme_id, s.name AS scheme_name, r.number, r.status, r.corrects_run_id, r.participants,
  r.missing_count, r.total::text AS total, r.total_before_cap::text AS total_before_cap, r.budget_applied, r.hash,
  r.created_at, r.approved_at, c.first_name || ' ' || c.last_name AS created_by_name,
  a.first_name || ' ' || a.last_name AS approved_by_name`;
const RUN_FROM = `incentive_run r JOIN incentive_scheme s ON s.id = r.scheme_id
  LEFT JOIN person c ON c.id = r.created_by LEFT JOIN person a ON a.id = r.approved_by`;

type Row = Record<string, unknown>;

/** Each participant's total of a run (exact: summed in integer cents). */
function personTotals(result: CompactSchemeRun): Map<string, Decimal> {
  const k = result.components.length;
  const totals = new Map<string, Decimal>();
  result.participants.forEach((p, pi) => {
    let cents = 0n;
    for (let c = 0; c < k; c += 1) cents += BigInt(result.cents(pi * k + c));
    totals.set(p.id, new Dec(cents.toString()).dividedBy(100));
  });
  return totals;
}

/**
 * Incentive schemes: design (versioned; maker-checker), inputs, simulation, payout runs (snapshotted,
 * hashed, locked once approved; corrections as new runs with their differences), statements and
 * disputes. Each mutation is one transaction and leaves an audit event.
 */
@Injectable()
export class IncentiveService {
  private readonly log = new Logger('IncentiveService');

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Schemes

  private toScheme(r: Row & SchemeRow): IncentiveScheme {
    return {
      id: r.id,
      lineageId: r.lineage_id,
      version: r.version,
      previousId: r.previous_id,
      name: r.name,
      description: r.description,
      periodKind: r.period_kind,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      currency: r.currency,
      population: r.population,
      minimumEligibleDays: r.minimum_eligible_days,
      prorateByFte: r.prorate_by_fte,
      targetBonus: r.target_bonus,
      budget: r.budget,
      fallback: r.fallback,
      minimumAnswers: r.minimum_answers,
      components: r.components,
      gates: r.gates,
      status: r.status,
      designedById: r.designed_by,
      designedByName: r.designed_by_name as string,
      approvedById: r.approved_by,
      approvedByName: (r.approved_by_name as string | null) ?? null,
      approvedAt: r.approved_at,
      reviewComment: r.review_comment,
      rowVersion: r.row_version,
      populationSize: Number(r.population_size),
      updatedAt: r.updated_at,
    };
  }

  private async schemeRow(
    db: EntityManager,
    viewer: Viewer,
    id: string,
    lock = false,
  ): Promise<SchemeRow & Row> {
    const rows: (SchemeRow & Row)[] = await db.query(
      `SELECT ${SCHEME_COLUMNS} FROM ${SCHEME_FROM} WHERE s.id = $1 AND s.organization_id = $2${lock ? ' FOR UPDATE OF s' : ''}`,
      [id, viewer.organizationId],
    );
    if (!rows[0]) throw notFound('Scheme');
    return rows[0];
  }

  /** HR and admins: every scheme; managers: the approved and closed ones (to enter objectives). */
  async schemes(viewer: Viewer): Promise<IncentiveScheme[]> {
    const rows: (SchemeRow & Row)[] = await this.db.query(
      `SELECT ${SCHEME_COLUMNS} FROM ${SCHEME_FROM}
        WHERE s.organization_id = $1 AND ($2 OR s.status IN ('APPROVED', 'CLOSED'))
        ORDER BY s.period_start DESC, s.name, s.version DESC`,
      [viewer.organizationId, isHr(viewer)],
    );
    return rows.map((r) => this.toScheme(r));
  }

  async scheme(viewer: Viewer, id: string): Promise<IncentiveScheme> {
    const r = await this.schemeRow(this.db.manager, viewer, id);
    if (!isHr(viewer) && !['APPROVED', 'CLOSED'].includes(r.status)) throw notFound('Scheme');
    return this.toScheme(r);
  }

  private async metricKeys(db: EntityManager, organizationId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await db.query(
      `SELECT key FROM metric_definition WHERE organization_id = $1`,
      [organizationId],
    );
    return new Set(rows.map((r) => r.key));
  }

  private async checkReferences(db: EntityManager, organizationId: string, input: IncentiveSchemeInput) {
    const pop = input.population;
    const [found]: { teams: number; positions: number; people: number; bypos: number }[] = await db.query(
      `SELECT (SELECT count(*) FROM team WHERE organization_id = $1 AND id = ANY($2::uuid[]))::int AS teams,
              (SELECT count(*) FROM position WHERE organization_id = $1 AND id = ANY($3::uuid[]))::int AS positions,
              (SELECT count(*) FROM person WHERE organization_id = $1 AND id = ANY($4::uuid[]))::int AS people,
              (SELECT count(*) FROM position WHERE organization_id = $1 AND id = ANY($5::uuid[]))::int AS bypos`,
      [
        organizationId,
        [...new Set(pop.teamIds)],
        [...new Set(pop.positionIds)],
        [...new Set(pop.personIds)],
        [...new Set(input.targetBonus.byPosition.map((p) => p.positionId))],
      ],
    );
    if (found!.teams !== new Set(pop.teamIds).size) throw badInput('population.teamIds', 'unknown team');
    if (found!.positions !== new Set(pop.positionIds).size)
      throw badInput('population.positionIds', 'unknown position');
    if (found!.people !== new Set(pop.personIds).size)
      throw badInput('population.personIds', 'unknown person');
    if (found!.bypos !== new Set(input.targetBonus.byPosition.map((p) => p.positionId)).size)
      throw badInput('targetBonus.byPosition', 'unknown position');
  }

  private params(input: IncentiveSchemeInput) {
    return [
      input.name.trim(),
      input.description,
      input.periodKind,
      input.periodStart,
      periodEnd(input.periodKind, input.periodStart),
      input.currency,
      JSON.stringify(input.population),
      input.minimumEligibleDays,
      input.prorateByFte,
      JSON.stringify(input.targetBonus),
      input.budget ?? null,
      input.fallback,
      input.minimumAnswers,
      JSON.stringify(input.components),
      JSON.stringify(input.gates),
    ];
  }

  async createScheme(
    viewer: Viewer,
    input: IncentiveSchemeInput,
    requestId?: string,
  ): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      validateSchemeInput(input, await this.metricKeys(tx, viewer.organizationId));
      await this.checkReferences(tx, viewer.organizationId, input);
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO incentive_scheme (organization_id, lineage_id, name, description, period_kind, period_start,
           period_end, currency, population, minimum_eligible_days, prorate_by_fte, target_bonus, budget, fallback,
           minimum_answers, components, gates, designed_by)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         RETURNING id`,
        [viewer.organizationId, ...this.params(input), viewer.personId],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.create',
        'IncentiveScheme',
        id,
        null,
        { name: input.name },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  async updateScheme(
    viewer: Viewer,
    id: string,
    rowVersion: number,
    input: IncentiveSchemeInput,
    requestId?: string,
  ): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (s.status !== 'DRAFT') throw conflict(`Only a draft can be edited; this scheme is ${s.status}`);
      if (s.row_version !== rowVersion)
        throw conflict('Someone else saved this scheme meanwhile; reload it and apply your changes again');
      validateSchemeInput(input, await this.metricKeys(tx, viewer.organizationId));
      await this.checkReferences(tx, viewer.organizationId, input);
      await tx.query(
        `UPDATE incentive_scheme SET name = $2, description = $3, period_kind = $4, period_start = $5, period_end = $6,
           currency = $7, population = $8, minimum_eligible_days = $9, prorate_by_fte = $10, target_bonus = $11,
           budget = $12, fallback = $13, minimum_answers = $14, components = $15, gates = $16,
           row_version = row_version + 1, updated_at = now(), designed_by = $17
         WHERE id = $1`,
        [id, ...this.params(input), s.designed_by],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.update',
        'IncentiveScheme',
        id,
        null,
        { name: input.name },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  /** Another approved scheme (of another lineage) whose period overlaps and whose population shares a person. */
  private async assertNoOverlap(tx: EntityManager, s: SchemeRow): Promise<void> {
    const rows: { name: string; version: number }[] = await tx.query(
      `SELECT o.name, o.version FROM incentive_scheme o
        WHERE o.organization_id = $1 AND o.status = 'APPROVED' AND o.lineage_id <> $2
          AND o.period_start <= $4::date AND o.period_end >= $3::date
          AND EXISTS (
            SELECT 1 FROM person p WHERE p.organization_id = $1
               AND ${inPopulation('p', '$5::jsonb')} AND ${inPopulation('p', 'o.population')})
        LIMIT 1`,
      [s.organization_id, s.lineage_id, s.period_start, s.period_end, JSON.stringify(s.population)],
    );
    if (rows[0])
      throw badInput(
        'periodStart',
        `the period overlaps the approved scheme "${rows[0].name}" (v${rows[0].version}) for some of the same people`,
      );
  }

  async submitScheme(viewer: Viewer, id: string, requestId?: string): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (s.status !== 'DRAFT') throw conflict(`Only a draft can be submitted; this scheme is ${s.status}`);
      validateSchemeInput(rowToInput(s), await this.metricKeys(tx, viewer.organizationId));
      await this.assertNoOverlap(tx, s);
      await tx.query(
        `UPDATE incentive_scheme SET status = 'UNDER_REVIEW', submitted_at = now(), review_comment = NULL,
           row_version = row_version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.submit',
        'IncentiveScheme',
        id,
        { status: 'DRAFT' },
        { status: 'UNDER_REVIEW' },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  /** Maker-checker: the designer cannot approve their own scheme. */
  async approveScheme(viewer: Viewer, id: string, requestId?: string): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (s.status !== 'UNDER_REVIEW')
        throw conflict(`Only a scheme under review can be approved; this one is ${s.status}`);
      if (s.designed_by === viewer.personId)
        throw forbidden('You designed this scheme: another HR person must approve it (maker-checker)');
      await this.assertNoOverlap(tx, s);
      // A new version replaces the lineage's approved one.
      await tx.query(
        `UPDATE incentive_scheme SET status = 'CLOSED', closed_at = now(), row_version = row_version + 1
          WHERE lineage_id = $1 AND id <> $2 AND status = 'APPROVED'`,
        [s.lineage_id, id],
      );
      await tx.query(
        `UPDATE incentive_scheme SET status = 'APPROVED', approved_by = $2, approved_at = now(),
           row_version = row_version + 1, updated_at = now() WHERE id = $1`,
        [id, viewer.personId],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.approve',
        'IncentiveScheme',
        id,
        { status: 'UNDER_REVIEW' },
        { status: 'APPROVED' },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  async sendBackScheme(
    viewer: Viewer,
    id: string,
    comment: string,
    requestId?: string,
  ): Promise<IncentiveScheme> {
    if (!comment.trim()) throw badInput('comment', 'say what should change');
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (s.status !== 'UNDER_REVIEW')
        throw conflict(`Only a scheme under review can be sent back; this one is ${s.status}`);
      await tx.query(
        `UPDATE incentive_scheme SET status = 'DRAFT', review_comment = $2, row_version = row_version + 1,
           updated_at = now() WHERE id = $1`,
        [id, comment.trim()],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.send_back',
        'IncentiveScheme',
        id,
        { status: 'UNDER_REVIEW' },
        { status: 'DRAFT', comment },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  async closeScheme(viewer: Viewer, id: string, requestId?: string): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (s.status !== 'APPROVED')
        throw conflict(`Only an approved scheme can be closed; this one is ${s.status}`);
      await tx.query(
        `UPDATE incentive_scheme SET status = 'CLOSED', closed_at = now(), row_version = row_version + 1,
           updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.close',
        'IncentiveScheme',
        id,
        { status: 'APPROVED' },
        { status: 'CLOSED' },
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, id));
    });
  }

  /** A new draft version of an approved or closed scheme; inputs entered so far are carried over. */
  async newVersion(viewer: Viewer, id: string, requestId?: string): Promise<IncentiveScheme> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, id, true);
      if (!['APPROVED', 'CLOSED'].includes(s.status))
        throw conflict('A new version starts from an approved or closed scheme; edit the draft instead');
      const drafts: unknown[] = await tx.query(
        `SELECT 1 FROM incentive_scheme WHERE lineage_id = $1 AND status IN ('DRAFT', 'UNDER_REVIEW')`,
        [s.lineage_id],
      );
      if (drafts.length) throw conflict('This scheme already has a version in preparation');
      const [{ id: newId }]: { id: string }[] = await tx.query(
        `INSERT INTO incentive_scheme (organization_id, lineage_id, version, previous_id, name, description, period_kind,
           period_start, period_end, currency, population, minimum_eligible_days, prorate_by_fte, target_bonus, budget,
           fallback, minimum_answers, components, gates, designed_by)
         SELECT organization_id, lineage_id, (SELECT max(version) + 1 FROM incentive_scheme WHERE lineage_id = $1), id,
                name, description, period_kind, period_start, period_end, currency, population, minimum_eligible_days,
                prorate_by_fte, target_bonus, budget, fallback, minimum_answers, components, gates, $3
           FROM incentive_scheme WHERE id = $2
         RETURNING id`,
        [s.lineage_id, id, viewer.personId],
      );
      await tx.query(
        `INSERT INTO incentive_input (organization_id, scheme_id, measure_key, person_id, value, entered_by, entered_at)
         SELECT organization_id, $2, measure_key, person_id, value, entered_by, entered_at FROM incentive_input
          WHERE scheme_id = $1`,
        [id, newId],
      );
      await this.record(
        tx,
        viewer,
        'incentive.scheme.new_version',
        'IncentiveScheme',
        newId,
        { from: id },
        null,
        requestId,
      );
      return this.toScheme(await this.schemeRow(tx, viewer, newId));
    });
  }

  // ------------------------------------------------------------------------------------------
  // Inputs: objectives (managers for their line, HR) and uploaded figures (HR)

  private async inLine(db: EntityManager, viewer: Viewer, personIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE line AS (
         SELECT id FROM person WHERE manager_id = $1 AND organization_id = $2
         UNION SELECT p.id FROM person p JOIN line l ON p.manager_id = l.id WHERE p.organization_id = $2
       ) SELECT id FROM line WHERE id = ANY($3::uuid[])`,
      [viewer.personId, viewer.organizationId, personIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  private assertInputKey(s: SchemeRow, key: string, viewer: Viewer): void {
    const keys = new Set([
      ...s.components.map((c) => measureKey(c.measure)),
      ...s.gates.map((g) => measureKey(g.measure)),
    ]);
    if (!(key === 'objective' || key.startsWith('upload:')) || !keys.has(key))
      throw badInput('measureKey', `this scheme has no entered measure "${key}"`);
    if (key.startsWith('upload:') && !isHr(viewer)) throw forbidden('Only HR uploads figures');
  }

  /** People of the scheme in the viewer's scope with their entered value for `key`. */
  async inputValues(viewer: Viewer, schemeId: string, key: string): Promise<IncentiveInputValue[]> {
    const s = await this.schemeRow(this.db.manager, viewer, schemeId);
    this.assertInputKey(s, key, viewer);
    const rows: Row[] = await this.db.query(
      `WITH RECURSIVE line AS (
         SELECT id FROM person WHERE manager_id = $3 AND organization_id = $1
         UNION SELECT p.id FROM person p JOIN line l ON p.manager_id = l.id WHERE p.organization_id = $1
       )
       SELECT p.id AS person_id, p.first_name || ' ' || p.last_name AS person_name, t.name AS team_name,
              i.value::text AS value, i.entered_at
         FROM person p LEFT JOIN team t ON t.id = p.team_id
         LEFT JOIN incentive_input i ON i.scheme_id = $4 AND i.measure_key = $5 AND i.person_id = p.id
        WHERE p.organization_id = $1 AND ${inPopulation('p', '$2::jsonb')}
          AND ($6 OR p.id IN (SELECT id FROM line))
          AND p.hire_date <= $8::date AND (p.left_on IS NULL OR p.left_on > $7::date)
        ORDER BY t.name NULLS LAST, p.last_name, p.first_name`,
      [
        viewer.organizationId,
        JSON.stringify(s.population),
        viewer.personId,
        schemeId,
        key,
        isHr(viewer),
        s.period_start,
        s.period_end,
      ],
    );
    return rows.map((r) => ({
      personId: r.person_id as string,
      personName: r.person_name as string,
      teamName: (r.team_name as string | null) ?? null,
      value: (r.value as string | null) ?? null,
      enteredAt: (r.entered_at as Date | null) ?? null,
    }));
  }

  async setInputs(
    viewer: Viewer,
    schemeId: string,
    key: string,
    rows: IncentiveInputRow[],
    requestId?: string,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const s = await this.schemeRow(tx, viewer, schemeId);
      this.assertInputKey(s, key, viewer);
      if (s.status === 'CLOSED') throw conflict('This scheme is closed');
      rows.forEach((r, i) => {
        if (!/^-?\d{1,10}(\.\d{1,4})?$/.test(r.value))
          throw badInput(`rows[${i}].value`, 'a number with at most 4 decimals');
        if (key === 'objective' && (new Dec(r.value).lt(0) || new Dec(r.value).gt(1000)))
          throw badInput(`rows[${i}].value`, 'an objective attainment is a percentage between 0 and 1000');
      });
      const ids = [...new Set(rows.map((r) => r.personId))];
      if (ids.length !== rows.length) throw badInput('rows', 'a person appears twice');
      const members: { id: string }[] = await tx.query(
        `SELECT p.id FROM person p WHERE p.organization_id = $1 AND p.id = ANY($3::uuid[])
            AND ${inPopulation('p', '$2::jsonb')}`,
        [viewer.organizationId, JSON.stringify(s.population), ids],
      );
      const inPop = new Set(members.map((m) => m.id));
      const outside = rows.findIndex((r) => !inPop.has(r.personId));
      if (outside >= 0)
        throw badInput(`rows[${outside}].personId`, 'this person is not in the scheme’s population');
      if (!isHr(viewer)) {
        const line = await this.inLine(tx, viewer, ids);
        const other = rows.findIndex((r) => !line.has(r.personId));
        if (other >= 0) throw forbidden('You can enter objectives for your reporting line only');
      }
      await tx.query(
        `INSERT INTO incentive_input (organization_id, scheme_id, measure_key, person_id, value, entered_by)
         SELECT $1, $2, $3, u.person_id, u.value, $4
           FROM unnest($5::uuid[], $6::numeric[]) AS u(person_id, value)
         ON CONFLICT (scheme_id, measure_key, person_id)
         DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = now()`,
        [
          viewer.organizationId,
          schemeId,
          key,
          viewer.personId,
          rows.map((r) => r.personId),
          rows.map((r) => r.value),
        ],
      );
      await this.record(
        tx,
        viewer,
        'incentive.inputs.set',
        'IncentiveScheme',
        schemeId,
        null,
        { measureKey: key, count: rows.length },
        requestId,
      );
      return rows.length;
    });
  }

  /** CSV "email,value" (header required): validated row by row; nothing is stored unless every row is valid. */
  async uploadInputs(
    viewer: Viewer,
    schemeId: string,
    uploadKey: string,
    csv: string,
    requestId?: string,
  ): Promise<InputUploadResult> {
    if (csv.length > 2_000_000) throw badInput('csv', 'the file is larger than 2 MB');
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (e) {
      return { accepted: 0, errors: [{ line: 1, message: `Not a CSV file: ${(e as Error).message}` }] };
    }
    if (records.length && (!('email' in records[0]!) || !('value' in records[0]!)))
      return {
        accepted: 0,
        errors: [{ line: 1, message: 'The header must name the columns email and value' }],
      };
    const emails = records.map((r) => (r.email ?? '').toLowerCase());
    const people: { id: string; email: string }[] = await this.db.query(
      `SELECT id, lower(email) AS email FROM person WHERE organization_id = $1 AND lower(email) = ANY($2)`,
      [viewer.organizationId, emails],
    );
    const byEmail = new Map(people.map((p) => [p.email, p.id]));
    const errors: { line: number; message: string }[] = [];
    const rows: IncentiveInputRow[] = [];
    const seen = new Set<string>();
    records.forEach((r, i) => {
      const line = i + 2;
      const id = byEmail.get((r.email ?? '').toLowerCase());
      if (!id) errors.push({ line, message: `unknown person "${r.email ?? ''}"` });
      else if (seen.has(id)) errors.push({ line, message: `"${r.email}" appears twice` });
      else if (!/^-?\d{1,10}(\.\d{1,4})?$/.test(r.value ?? ''))
        errors.push({ line, message: `value "${r.value ?? ''}" is not a number (at most 4 decimals)` });
      else {
        seen.add(id);
        rows.push({ personId: id, value: r.value! });
      }
    });
    if (errors.length) return { accepted: 0, errors };
    try {
      return {
        accepted: await this.setInputs(viewer, schemeId, `upload:${uploadKey}`, rows, requestId),
        errors: [],
      };
    } catch (e) {
      const m = /^rows\[(\d+)\]/.exec(String((e as { field?: string }).field ?? ''));
      if (m) return { accepted: 0, errors: [{ line: Number(m[1]) + 2, message: (e as Error).message }] };
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Simulation

  private definition(s: SchemeRow): SchemeDefinition {
    return toDefinition(s.id, rowToInput(s), s.period_start);
  }

  private run(input: Parameters<typeof compute>[0], field = 'schemeId', hash = true): CompactSchemeRun {
    try {
      return compute(input, { hash });
    } catch (e) {
      if (e instanceof DomainRuleError) throw badInput(field, e.message);
      throw e;
    }
  }

  async simulate(viewer: Viewer, args: SimulateArgs): Promise<IncentiveSimulation> {
    const db = this.db.manager;
    const s = await this.schemeRow(db, viewer, args.schemeId);
    const start = args.dataPeriodStart ?? s.period_start;
    if (args.dataPeriodStart) {
      const d = new Date(`${start}T00:00:00Z`);
      if (!Number.isFinite(d.getTime()) || start.slice(8) !== '01')
        throw badInput('dataPeriodStart', 'the first day of a month');
    }
    args.whatIf.forEach((o, i) => {
      if (!s.components.some((c) => c.id === o.componentId))
        throw badInput(`whatIf[${i}].componentId`, `unknown component "${o.componentId}"`);
      if ((o.value == null) === (o.delta == null))
        throw badInput(`whatIf[${i}]`, 'give either a value or a delta');
    });
    const loaded = await loadRunInput(db, s, this.definition(s), start);
    const input = applyWhatIf(loaded.input, args.whatIf);
    const result = this.run(input, 'schemeId', false);
    const totals = personTotals(result);
    let comparison: IncentiveSimulation['comparison'] = null;
    const otherId = args.compareWithSchemeId ?? s.previous_id;
    if (otherId) {
      const o = await this.schemeRow(db, viewer, otherId);
      const other = await loadRunInput(db, o, this.definition(o), start);
      const otherResult = this.run(other.input, 'compareWithSchemeId', false);
      const before = personTotals(otherResult);
      const people = new Map([...other.people, ...loaded.people]);
      const deltas = this.deltas(before, totals, people);
      comparison = {
        schemeId: o.id,
        schemeName: o.name,
        schemeVersion: o.version,
        total: otherResult.total,
        winners: deltas.filter((d) => new Dec(d.delta).gt(0)).length,
        losers: deltas.filter((d) => new Dec(d.delta).lt(0)).length,
        unchanged: new Set([...before.keys(), ...totals.keys()]).size - deltas.length,
        biggestWins: deltas.filter((d) => new Dec(d.delta).gt(0)).slice(0, 5),
        biggestLosses: deltas
          .filter((d) => new Dec(d.delta).lt(0))
          .sort((a, b) => new Dec(a.delta).comparedTo(b.delta))
          .slice(0, 5),
      };
    }
    const summary = this.summarise(s, input.scheme, result, loaded.people);
    return {
      participants: input.participants.length,
      total: result.total,
      totalBeforeCap: result.totalBeforeCap,
      targetTotal: summary.targetTotal,
      budget: s.budget,
      budgetApplied: result.budgetApplied,
      dataPeriodStart: start,
      histogram: histogram([...totals.values()]),
      byTeam: summary.byTeam,
      byComponent: summary.byComponent,
      missingCount: result.missing.length,
      missing: summary.missing.slice(0, 50),
      comparison,
    };
  }

  /** Per-person differences (after − before), biggest gains first; unchanged people left out. */
  private deltas(
    before: Map<string, Decimal>,
    after: Map<string, Decimal>,
    people: Map<string, ParticipantInfo>,
  ): PersonDelta[] {
    const ids = new Set([...before.keys(), ...after.keys()]);
    const out: PersonDelta[] = [];
    for (const id of ids) {
      const b = before.get(id) ?? new Dec(0);
      const a = after.get(id) ?? new Dec(0);
      if (a.eq(b)) continue;
      const p = people.get(id);
      out.push({
        personId: id,
        personName: p?.name ?? id,
        teamName: p?.teamName ?? null,
        before: moneyString(b),
        after: moneyString(a),
        delta: moneyString(a.minus(b)),
      });
    }
    return out.sort((x, y) => new Dec(y.delta).comparedTo(x.delta) || (x.personId < y.personId ? -1 : 1));
  }

  private summarise(
    s: SchemeRow,
    def: SchemeDefinition,
    result: CompactSchemeRun,
    people: Map<string, ParticipantInfo>,
  ) {
    // Exact sums in integers: amounts in cents, targets (2 decimals × a 6-decimal proration) in 1e-8.
    const teams = new Map<
      string,
      { teamId: string | null; teamName: string; people: Set<string>; total: bigint; target: bigint }
    >();
    const comps = new Map(def.components.map((c) => [c.id, { total: 0n, target: 0n }]));
    let targetSum = 0n;
    for (let i = 0; i < result.size; i += 1) {
      const l = result.line(i);
      const p = people.get(l.participantId);
      const key = p?.teamId ?? '';
      let t = teams.get(key);
      if (!t)
        teams.set(
          key,
          (t = {
            teamId: p?.teamId ?? null,
            teamName: p?.teamName ?? '—',
            people: new Set(),
            total: 0n,
            target: 0n,
          }),
        );
      const amount = BigInt(l.amount.replace('.', ''));
      const target = BigInt(l.targetAmount.replace('.', '')) * BigInt(l.prorationFactor.replace('.', ''));
      t.people.add(l.participantId);
      t.total += amount;
      t.target += target;
      const c = comps.get(l.componentId)!;
      c.total += amount;
      c.target += target;
      targetSum += target;
    }
    const cents = (v: bigint) => moneyString(new Dec(v.toString()).dividedBy(100));
    const targetMoney = (v: bigint) => moneyString(new Dec(v.toString()).dividedBy(1e8));
    return {
      targetTotal: targetMoney(targetSum),
      byTeam: [...teams.values()]
        .map((t) => ({
          teamId: t.teamId,
          teamName: t.teamName,
          headcount: t.people.size,
          total: cents(t.total),
          target: targetMoney(t.target),
        }))
        .sort((a, b) => a.teamName.localeCompare(b.teamName)),
      byComponent: def.components.map((c) => ({
        componentId: c.id,
        label: c.label,
        total: cents(comps.get(c.id)!.total),
        target: targetMoney(comps.get(c.id)!.target),
      })),
      missing: result.missing.map((m) => ({
        personId: m.participantId,
        personName: people.get(m.participantId)?.name ?? m.participantId,
        componentId: m.componentId,
      })),
      scheme: s.id,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Runs

  private toRun(r: Row): IncentiveRun {
    return {
      id: r.id as string,
      schemeId: r.scheme_id as string,
      schemeName: r.scheme_name as string,
      number: r.number as number,
      status: r.status as string,
      correctsRunId: (r.corrects_run_id as string | null) ?? null,
      participants: r.participants as number,
      missingCount: r.missing_count as number,
      total: r.total as string,
      totalBeforeCap: r.total_before_cap as string,
      budgetApplied: r.budget_applied as boolean,
      hash: (r.hash as string).trim(),
      createdByName: (r.created_by_name as string | null) ?? '',
      createdAt: r.created_at as Date,
      approvedByName: (r.approved_by_name as string | null) ?? null,
      approvedAt: (r.approved_at as Date | null) ?? null,
    };
  }

  private async runRow(db: EntityManager, viewer: Viewer, id: string, lock = false): Promise<Row> {
    const rows: Row[] = await db.query(
      `SELECT ${RUN_COLUMNS}, r.scheme_snapshot, r.created_by FROM ${RUN_FROM}
        WHERE r.id = $1 AND r.organization_id = $2${lock ? ' FOR UPDATE OF r' : ''}`,
      [id, viewer.organizationId],
    );
    if (!rows[0]) throw notFound('Run');
    return rows[0];
  }

  async runs(viewer: Viewer, schemeId: string): Promise<IncentiveRun[]> {
    await this.schemeRow(this.db.manager, viewer, schemeId);
    const rows: Row[] = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.scheme_id = $1 AND r.organization_id = $2 ORDER BY r.number DESC`,
      [schemeId, viewer.organizationId],
    );
    return rows.map((r) => this.toRun(r));
  }

  /**
   * Computes and stores a run of an approved scheme: the inputs snapshotted per participant, one
   * line per participant and component, the hash. When the scheme already has an approved run the
   * new one is a correction of it. One transaction: a failure leaves nothing behind.
   */
  async startRun(
    viewer: Viewer,
    schemeId: string,
    requestId?: string,
    tx?: EntityManager,
  ): Promise<IncentiveRun> {
    const work = async (m: EntityManager) => {
      const s = await this.schemeRow(m, viewer, schemeId, true);
      if (!['APPROVED', 'CLOSED'].includes(s.status))
        throw conflict(`Only an approved scheme is run; this one is ${s.status}`);
      const pending: unknown[] = await m.query(
        `SELECT 1 FROM incentive_run WHERE scheme_id = $1 AND status = 'COMPUTED'`,
        [schemeId],
      );
      if (pending.length) throw conflict('A run of this scheme awaits approval: approve or discard it first');
      const [prev]: { id: string }[] = await m.query(
        `SELECT id FROM incentive_run WHERE scheme_id = $1 AND status = 'APPROVED'`,
        [schemeId],
      );
      if (!prev && s.status === 'CLOSED')
        throw conflict('A closed scheme only takes corrections of its approved run');
      const t0 = performance.now();
      // The population is read sorted by id (the run's order): room to sort 100,000 rows in memory.
      await m.query(`SET LOCAL work_mem = '64MB'`);
      const loaded = await loadRunInput(m, s, this.definition(s), s.period_start, false);
      const t1 = performance.now();
      const result = this.run(loaded.input, 'schemeId', false); // hashed while stored
      const t2 = performance.now();
      const run = await this.storeRun(m, viewer, s, loaded.input, result, prev?.id ?? null, requestId);
      this.log.log(
        `run ${run.number} of scheme ${s.id}: ${result.size} lines; read ${Math.round(t1 - t0)} ms, computed ${Math.round(t2 - t1)} ms, stored ${Math.round(performance.now() - t2)} ms`,
      );
      return run;
    };
    return tx ? work(tx) : this.db.transaction(work);
  }

  /** Writes a run, its participants and lines (set-based, in batches of arrays). */
  async storeRun(
    m: EntityManager,
    viewer: Pick<Viewer, 'organizationId' | 'personId'>,
    s: SchemeRow,
    input: ReturnType<typeof applyWhatIf>,
    result: CompactSchemeRun,
    correctsRunId: string | null,
    requestId?: string,
  ): Promise<IncentiveRun> {
    // A run computed without its hash (the usual case) is hashed while its rows stream to PostgreSQL.
    const hasher = result.hash ? null : new RunHash(input.scheme, input.teams, result.participants);
    const [{ id }]: { id: string }[] = await m.query(
      `INSERT INTO incentive_run (organization_id, scheme_id, number, corrects_run_id, scheme_snapshot, team_inputs,
         participants, missing_count, total, total_before_cap, budget_applied, hash, created_by)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM incentive_run WHERE scheme_id = $2), $3, $4, $5,
         $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        viewer.organizationId,
        s.id,
        correctsRunId,
        JSON.stringify({ definition: input.scheme, components: s.components, gates: s.gates, name: s.name }),
        JSON.stringify(input.teams),
        input.participants.length,
        result.missing.length,
        result.total,
        result.totalBeforeCap,
        result.budgetApplied,
        result.hash || '0'.repeat(64),
        viewer.personId,
      ],
    );
    // One row per participant, its lines as arrays in the components' order (the engine emits
    // them participant by participant), written with one COPY streamed from the compact run.
    await copyIn(
      m,
      `COPY incentive_run_participant (run_id, organization_id, person_id, team_id, target_pay, base_salary, fte,
         employment_start, employment_end, inputs, total, proration_factor, eligible_days, component_ids, statuses,
         measure_values, payout_percents, target_amounts, failed_gates, pool_weights, amounts_before_cap, amounts)
       FROM STDIN`,
      participantRows(id, viewer.organizationId, result, hasher),
    );
    const hash = hasher
      ? hasher.finish(result.total, result.totalBeforeCap, result.budgetApplied)
      : result.hash;
    if (hasher) await m.query(`UPDATE incentive_run SET hash = $2 WHERE id = $1`, [id, hash]);
    await this.record(
      m,
      viewer,
      'incentive.run.compute',
      'IncentiveRun',
      id,
      null,
      {
        scheme: s.id,
        total: result.total,
        hash,
        correctsRunId,
      },
      requestId,
    );
    return this.toRun(await this.runRow(m, viewer as Viewer, id));
  }

  /** Recomputes a stored run from its snapshot: the same bytes and hash, or a changed input. */
  async verifyRun(viewer: Viewer, runId: string): Promise<boolean> {
    const run = await this.runRow(this.db.manager, viewer, runId);
    const rows: Row[] = await this.db.query(
      `SELECT person_id AS id, team_id, target_pay::text, base_salary::text, fte::text, employment_start::text,
              employment_end::text, inputs FROM incentive_run_participant WHERE run_id = $1`,
      [runId],
    );
    const [{ team_inputs }]: { team_inputs: Record<string, never> }[] = await this.db.query(
      `SELECT team_inputs FROM incentive_run WHERE id = $1`,
      [runId],
    );
    const snap = run.scheme_snapshot as { definition: SchemeDefinition };
    const result = compute({
      scheme: snap.definition,
      teams: team_inputs,
      participants: rows.map((r) => ({
        id: r.id as string,
        teamId: (r.team_id as string | null) ?? null,
        targetPay: (r.target_pay as string | null) ?? null,
        baseSalary: (r.base_salary as string | null) ?? null,
        fte: r.fte as string,
        employmentStart: (r.employment_start as string | null) ?? null,
        employmentEnd: (r.employment_end as string | null) ?? null,
        values: r.inputs as Record<string, never>,
      })),
    });
    return result.hash === (run.hash as string).trim();
  }

  async runDetail(viewer: Viewer, runId: string): Promise<IncentiveRunDetail> {
    const r = await this.runRow(this.db.manager, viewer, runId);
    const snap = r.scheme_snapshot as { definition: SchemeDefinition };
    const [teams, comps, missing, diffs, bins]: Row[][] = await Promise.all([
      this.db.query(
        `SELECT p.team_id, coalesce(t.name, '—') AS team_name, count(*)::int AS headcount, sum(p.total)::text AS total,
                sum((SELECT sum(x) FROM unnest(p.target_amounts) x) * p.proration_factor)::numeric(16,2)::text AS target
           FROM incentive_run_participant p LEFT JOIN team t ON t.id = p.team_id
          WHERE p.run_id = $1 GROUP BY p.team_id, t.name ORDER BY 2`,
        [runId],
      ),
      this.db.query(
        `SELECT component_id, sum(amount)::text AS total, sum(target_amount * proration_factor)::numeric(16,2)::text AS target
           FROM incentive_run_line WHERE run_id = $1 GROUP BY component_id`,
        [runId],
      ),
      this.db.query(
        `SELECT l.person_id, p.first_name || ' ' || p.last_name AS person_name, l.component_id
           FROM incentive_run_line l JOIN person p ON p.id = l.person_id
          WHERE l.run_id = $1 AND l.status = 'NO_DATA' ORDER BY 2, 3 LIMIT 50`,
        [runId],
      ),
      r.corrects_run_id
        ? this.db.query(
            `SELECT coalesce(a.person_id, b.person_id) AS person_id, pe.first_name || ' ' || pe.last_name AS person_name,
                    t.name AS team_name, coalesce(b.total, 0)::text AS before, coalesce(a.total, 0)::text AS after,
                    (coalesce(a.total, 0) - coalesce(b.total, 0))::text AS delta, count(*) OVER () AS n
               FROM (SELECT person_id, total FROM incentive_run_participant WHERE run_id = $1) a
               FULL JOIN (SELECT person_id, total FROM incentive_run_participant WHERE run_id = $2) b USING (person_id)
               JOIN person pe ON pe.id = coalesce(a.person_id, b.person_id) LEFT JOIN team t ON t.id = pe.team_id
              WHERE coalesce(a.total, 0) <> coalesce(b.total, 0)
              ORDER BY abs(coalesce(a.total, 0) - coalesce(b.total, 0)) DESC, 1 LIMIT 50`,
            [runId, r.corrects_run_id],
          )
        : Promise.resolve([]),
      this.db.query(`SELECT total::text FROM incentive_run_participant WHERE run_id = $1`, [runId]),
    ]);
    return {
      run: this.toRun(r),
      byTeam: teams.map((t) => ({
        teamId: (t.team_id as string | null) ?? null,
        teamName: t.team_name as string,
        headcount: t.headcount as number,
        total: t.total as string,
        target: t.target as string,
      })),
      byComponent: snap.definition.components.map((c) => {
        const row = comps.find((x) => x.component_id === c.id);
        return {
          componentId: c.id,
          label: c.label,
          total: (row?.total as string) ?? '0.00',
          target: (row?.target as string) ?? '0.00',
        };
      }),
      missing: missing.map((x) => ({
        personId: x.person_id as string,
        personName: x.person_name as string,
        componentId: x.component_id as string,
      })),
      differences: diffs.map((d) => ({
        personId: d.person_id as string,
        personName: d.person_name as string,
        teamName: (d.team_name as string | null) ?? null,
        before: moneyString(new Dec(d.before as string)),
        after: moneyString(new Dec(d.after as string)),
        delta: moneyString(new Dec(d.delta as string)),
      })),
      differenceCount: Number(diffs[0]?.n ?? 0),
      histogram: histogram(bins.map((b) => new Dec(b.total as string))),
    };
  }

  /** Maker-checker on runs too; approving locks the run and writes one payout per person. */
  async approveRun(viewer: Viewer, runId: string, requestId?: string): Promise<IncentiveRun> {
    return this.db.transaction(async (tx) => {
      const r = await this.runRow(tx, viewer, runId, true);
      if (r.status !== 'COMPUTED')
        throw conflict(`This run is ${String(r.status)}: only a computed run is approved`);
      if (r.created_by === viewer.personId)
        throw forbidden('You started this run: another HR person must approve it (maker-checker)');
      const s = await this.schemeRow(tx, viewer, r.scheme_id as string);
      if (r.corrects_run_id)
        await tx.query(`UPDATE incentive_run SET status = 'SUPERSEDED' WHERE id = $1`, [r.corrects_run_id]);
      await tx.query(
        `UPDATE incentive_run SET status = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`,
        [runId, viewer.personId],
      );
      await tx.query(
        `DELETE FROM incentive_payout WHERE lineage_id = $1 AND period_start = $2
            AND person_id NOT IN (SELECT person_id FROM incentive_run_participant WHERE run_id = $3)`,
        [s.lineage_id, s.period_start, runId],
      );
      await tx.query(
        `INSERT INTO incentive_payout (organization_id, lineage_id, period_start, person_id, scheme_id, run_id, amount)
         SELECT $1, $2, $3, person_id, $4, $5, total FROM incentive_run_participant WHERE run_id = $5
         ON CONFLICT (lineage_id, period_start, person_id)
         DO UPDATE SET scheme_id = EXCLUDED.scheme_id, run_id = EXCLUDED.run_id, amount = EXCLUDED.amount, updated_at = now()`,
        [viewer.organizationId, s.lineage_id, s.period_start, s.id, runId],
      );
      await this.record(
        tx,
        viewer,
        'incentive.run.approve',
        'IncentiveRun',
        runId,
        { status: 'COMPUTED' },
        { status: 'APPROVED', total: r.total },
        requestId,
      );
      return this.toRun(await this.runRow(tx, viewer, runId));
    });
  }

  async discardRun(viewer: Viewer, runId: string, requestId?: string): Promise<IncentiveRun> {
    return this.db.transaction(async (tx) => {
      const r = await this.runRow(tx, viewer, runId, true);
      if (r.status !== 'COMPUTED')
        throw conflict(`This run is ${String(r.status)}: an approved run is locked`);
      await tx.query(`UPDATE incentive_run SET status = 'DISCARDED' WHERE id = $1`, [runId]);
      await this.record(
        tx,
        viewer,
        'incentive.run.discard',
        'IncentiveRun',
        runId,
        { status: 'COMPUTED' },
        { status: 'DISCARDED' },
        requestId,
      );
      return this.toRun(await this.runRow(tx, viewer, runId));
    });
  }

  // ------------------------------------------------------------------------------------------
  // Statements, team payouts, disputes

  /** May the viewer read this person's pay? Themself, their reporting line's managers, HR. */
  private async assertCanRead(viewer: Viewer, personId: string): Promise<void> {
    if (personId === viewer.personId || isHr(viewer)) return;
    if (
      viewer.roles.includes(Role.MANAGER) &&
      (await this.inLine(this.db.manager, viewer, [personId])).has(personId)
    )
      return;
    throw forbidden('You can read your own statement, or your reporting line’s as their manager');
  }

  /** A person's statements: one per approved run (the latest per scheme), newest period first. */
  async statements(viewer: Viewer, personId: string): Promise<IncentiveStatement[]> {
    await this.assertCanRead(viewer, personId);
    const runs: Row[] = await this.db.query(
      `SELECT r.id, r.scheme_id, r.status, r.scheme_snapshot, s.name, s.period_start::text AS period_start,
              s.period_end::text AS period_end, s.currency, s.fallback, pa.total::text AS total,
              pa.target_pay::text AS target_pay, pe.first_name || ' ' || pe.last_name AS person_name, t.name AS team_name
         FROM incentive_payout po JOIN incentive_run r ON r.id = po.run_id
         JOIN incentive_scheme s ON s.id = r.scheme_id
         JOIN incentive_run_participant pa ON pa.run_id = r.id AND pa.person_id = po.person_id
         JOIN person pe ON pe.id = po.person_id LEFT JOIN team t ON t.id = pa.team_id
        WHERE po.person_id = $1 AND po.organization_id = $2
        ORDER BY s.period_start DESC, s.name`,
      [personId, viewer.organizationId],
    );
    if (!runs.length) return [];
    const lines: Row[] = await this.db.query(
      `SELECT l.run_id, l.component_id, l.team_id, l.status, l.measure_value::text AS measure_value,
              l.payout_percent::text AS payout_percent, l.proration_factor::text AS proration_factor, l.eligible_days,
              l.target_amount::text AS target_amount, l.failed_gate_ids, l.pool_weight::text AS pool_weight,
              l.amount_before_cap::text AS amount_before_cap, l.amount::text AS amount
         FROM incentive_run_line l WHERE l.run_id = ANY($1::uuid[]) AND l.person_id = $2`,
      [runs.map((r) => r.id), personId],
    );
    const disputes = await this.disputeRows(viewer, { personId, runIds: runs.map((r) => r.id as string) });
    return runs.map((r) => {
      const snap = r.scheme_snapshot as {
        definition: SchemeDefinition;
        components: { id: string; measure: { type: string } }[];
      };
      const def = snap.definition;
      const periodDays = inclusiveDays(def.period);
      const mine = lines.filter((l) => l.run_id === r.id);
      const statementLines: StatementLine[] = def.components.map((c) => {
        const l = mine.find((x) => x.component_id === c.id);
        const line: SchemeLine = {
          participantId: personId,
          teamId: (l?.team_id as string | null) ?? null,
          componentId: c.id,
          status: (l?.status as SchemeLine['status']) ?? 'NO_DATA',
          measureValue: l?.measure_value ? new Dec(l.measure_value as string).toString() : null,
          payoutPercent: (l?.payout_percent as string) ?? '0',
          prorationFactor: (l?.proration_factor as string) ?? '0',
          eligibleDays: (l?.eligible_days as number) ?? 0,
          targetAmount: (l?.target_amount as string) ?? '0.00',
          failedGateIds: (l?.failed_gate_ids as string[]) ?? [],
          poolWeight: (l?.pool_weight as string | null) ?? null,
          amountBeforeCap: (l?.amount_before_cap as string) ?? '0.00',
          amount: (l?.amount as string) ?? '0.00',
        };
        const ctx = {
          line,
          component: c,
          gates: def.gates,
          currency: def.currency,
          periodDays,
          minimumEligibleDays: def.minimumEligibleDays,
        };
        return {
          componentId: c.id,
          label: c.label,
          kind: c.kind,
          measureType: snap.components.find((x) => x.id === c.id)?.measure.type ?? 'TEAM_METRIC',
          status: line.status,
          measureValue: line.measureValue,
          weightPercent: c.weightPercent,
          payoutPercent: line.payoutPercent,
          prorationFactor: line.prorationFactor,
          targetAmount: line.targetAmount,
          amount: line.amount,
          explanation: { en: explainSchemeLine(ctx, 'en'), fr: explainSchemeLine(ctx, 'fr') },
          whatWouldMoveIt: { en: whatWouldMoveIt(ctx, 'en'), fr: whatWouldMoveIt(ctx, 'fr') },
          curve: {
            threshold: {
              x: String(c.curve.threshold.x),
              payoutPercent: String(c.curve.threshold.payoutPercent),
            },
            target: String(c.curve.target),
            cap: { x: String(c.curve.cap.x), payoutPercent: String(c.curve.cap.payoutPercent) },
            intermediatePoints: (c.curve.intermediatePoints ?? []).map((p) => ({
              x: String(p.x),
              payoutPercent: String(p.payoutPercent),
            })),
          },
          dispute:
            disputes
              .filter((d) => d.runId === r.id && d.componentId === c.id)
              .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null,
        };
      });
      return {
        runId: r.id as string,
        schemeId: r.scheme_id as string,
        schemeName: r.name as string,
        periodStart: r.period_start as string,
        periodEnd: r.period_end as string,
        currency: r.currency as string,
        personId,
        personName: r.person_name as string,
        teamName: (r.team_name as string | null) ?? null,
        targetPay: (r.target_pay as string | null) ?? null,
        total: r.total as string,
        runStatus: r.status as string,
        fallbackNote:
          r.fallback === 'TARGET'
            ? 'A survey measure with fewer answers than the anonymity threshold is paid at target.'
            : 'A survey measure with fewer answers than the anonymity threshold pays nothing.',
        lines: statementLines,
      };
    });
  }

  /** Approved payouts of the viewer's reporting line (managers) or of everyone (HR). */
  async teamPayouts(viewer: Viewer, schemeId?: string | null): Promise<TeamPayout[]> {
    const rows: Row[] = await this.db.query(
      `WITH RECURSIVE line AS (
         SELECT id FROM person WHERE manager_id = $2 AND organization_id = $1
         UNION SELECT p.id FROM person p JOIN line l ON p.manager_id = l.id WHERE p.organization_id = $1
       )
       SELECT po.person_id, pe.first_name || ' ' || pe.last_name AS person_name, t.name AS team_name, po.run_id,
              po.scheme_id, s.name AS scheme_name, s.period_start::text AS period_start, s.currency,
              po.amount::text AS total, pa.target_pay::text AS target_pay
         FROM incentive_payout po JOIN incentive_scheme s ON s.id = po.scheme_id
         JOIN person pe ON pe.id = po.person_id LEFT JOIN team t ON t.id = pe.team_id
         JOIN incentive_run_participant pa ON pa.run_id = po.run_id AND pa.person_id = po.person_id
        WHERE po.organization_id = $1 AND ($3 OR po.person_id IN (SELECT id FROM line))
          AND ($4::uuid IS NULL OR po.scheme_id = $4)
        ORDER BY s.period_start DESC, t.name NULLS LAST, pe.last_name, pe.first_name
        LIMIT 2000`,
      [viewer.organizationId, viewer.personId, isHr(viewer), schemeId ?? null],
    );
    return rows.map((r) => ({
      personId: r.person_id as string,
      personName: r.person_name as string,
      teamName: (r.team_name as string | null) ?? null,
      runId: r.run_id as string,
      schemeId: r.scheme_id as string,
      schemeName: r.scheme_name as string,
      periodStart: r.period_start as string,
      currency: r.currency as string,
      total: r.total as string,
      targetPay: (r.target_pay as string | null) ?? null,
    }));
  }

  private async disputeRows(
    viewer: Viewer,
    filter: { personId?: string; runIds?: string[]; status?: string | null; id?: string },
    db: EntityManager = this.db.manager,
  ): Promise<IncentiveDispute[]> {
    const rows: Row[] = await db.query(
      `SELECT d.id, d.run_id, s.name AS scheme_name, d.person_id, p.first_name || ' ' || p.last_name AS person_name,
              d.component_id, d.reason, d.status, d.answer, d.correction_run_id, d.created_at, d.resolved_at,
              l.amount::text AS amount
         FROM incentive_dispute d JOIN incentive_run r ON r.id = d.run_id JOIN incentive_scheme s ON s.id = r.scheme_id
         JOIN person p ON p.id = d.person_id
         LEFT JOIN incentive_run_line l ON l.run_id = d.run_id AND l.person_id = d.person_id AND l.component_id = d.component_id
        WHERE d.organization_id = $1 AND ($2::uuid IS NULL OR d.person_id = $2)
          AND ($3::uuid[] IS NULL OR d.run_id = ANY($3::uuid[])) AND ($4::text IS NULL OR d.status = $4)
          AND ($5::uuid IS NULL OR d.id = $5)
        ORDER BY d.status = 'OPEN' DESC, d.created_at DESC LIMIT 500`,
      [
        viewer.organizationId,
        filter.personId ?? null,
        filter.runIds ?? null,
        filter.status ?? null,
        filter.id ?? null,
      ],
    );
    return rows.map((r) => ({
      id: r.id as string,
      runId: r.run_id as string,
      schemeName: r.scheme_name as string,
      personId: r.person_id as string,
      personName: r.person_name as string,
      componentId: r.component_id as string,
      reason: r.reason as string,
      status: r.status as string,
      answer: (r.answer as string | null) ?? null,
      correctionRunId: (r.correction_run_id as string | null) ?? null,
      amount: (r.amount as string | null) ?? null,
      createdAt: r.created_at as Date,
      resolvedAt: (r.resolved_at as Date | null) ?? null,
    }));
  }

  /** HR: every dispute (by status); others: their own. */
  async disputes(viewer: Viewer, status?: string | null): Promise<IncentiveDispute[]> {
    return this.disputeRows(viewer, { status, personId: isHr(viewer) ? undefined : viewer.personId });
  }

  /** An employee disputes one line of their own approved statement. */
  async dispute(viewer: Viewer, runId: string, componentId: string, reason: string, requestId?: string) {
    if (reason.trim().length < 5)
      throw badInput('reason', 'say what you think is wrong (at least 5 characters)');
    return this.db.transaction(async (tx) => {
      const lines: { status: string }[] = await tx.query(
        `SELECT r.status FROM incentive_run_line l JOIN incentive_run r ON r.id = l.run_id
          WHERE l.run_id = $1 AND l.person_id = $2 AND l.component_id = $3 AND r.organization_id = $4`,
        [runId, viewer.personId, componentId, viewer.organizationId],
      );
      if (!lines[0]) throw notFound('Statement line');
      if (lines[0].status !== 'APPROVED')
        throw conflict('Only a line of an approved statement can be disputed');
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO incentive_dispute (organization_id, run_id, person_id, component_id, reason)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [viewer.organizationId, runId, viewer.personId, componentId, reason.trim()],
      );
      if (!row) throw conflict('You already have an open dispute on this line');
      await this.record(
        tx,
        viewer,
        'incentive.dispute.open',
        'IncentiveDispute',
        row.id,
        null,
        { runId, componentId },
        requestId,
      );
      return (await this.disputeRows(viewer, { id: row.id }, tx))[0]!;
    });
  }

  /**
   * HR resolves a dispute: rejected with an answer, or accepted with an answer and a correction
   * run computed from the current inputs (which HR corrects first), awaiting another HR's approval.
   */
  async resolveDispute(viewer: Viewer, id: string, accept: boolean, answer: string, requestId?: string) {
    if (answer.trim().length < 2) throw badInput('answer', 'answer the employee');
    return this.db.transaction(async (tx) => {
      const [d]: Row[] = await tx.query(
        `SELECT d.*, r.scheme_id FROM incentive_dispute d JOIN incentive_run r ON r.id = d.run_id
          WHERE d.id = $1 AND d.organization_id = $2 FOR UPDATE OF d`,
        [id, viewer.organizationId],
      );
      if (!d) throw notFound('Dispute');
      if (d.status !== 'OPEN') throw conflict(`This dispute is already ${String(d.status)}`);
      if (d.person_id === viewer.personId) throw forbidden('You cannot resolve your own dispute');
      let correction: string | null = null;
      if (accept) {
        const [pending]: { id: string }[] = await tx.query(
          `SELECT id FROM incentive_run WHERE scheme_id = $1 AND status = 'COMPUTED'`,
          [d.scheme_id],
        );
        correction = pending?.id ?? (await this.startRun(viewer, d.scheme_id as string, requestId, tx)).id;
      }
      await tx.query(
        `UPDATE incentive_dispute SET status = $2, answer = $3, correction_run_id = $4, resolved_by = $5,
           resolved_at = now() WHERE id = $1`,
        [id, accept ? 'ACCEPTED' : 'REJECTED', answer.trim(), correction, viewer.personId],
      );
      await this.record(
        tx,
        viewer,
        'incentive.dispute.resolve',
        'IncentiveDispute',
        id,
        { status: 'OPEN' },
        { status: accept ? 'ACCEPTED' : 'REJECTED', correction },
        requestId,
      );
      return (await this.disputeRows(viewer, { id }, tx))[0]!;
    });
  }

  private record(
    tx: EntityManager,
    viewer: Pick<Viewer, 'organizationId' | 'personId'>,
    action: string,
    entityType: string,
    entityId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    requestId?: string,
  ) {
    return this.audit.record(tx, {
      organizationId: viewer.organizationId,
      actorPersonId: viewer.personId,
      requestId,
      action,
      entityType,
      entityId,
      before,
      after,
    });
  }
}
