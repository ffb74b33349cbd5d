import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertTransition as assertRequestTransition,
  DomainRuleError,
  waitingPauses,
  wordNotification,
  type StateChange,
} from '@symmetry/domain';
import { REQUEST_CLOSURE_TEMPLATE, validateAnswerSet } from '@symmetry/surveys';
import {
  CommitmentStatus,
  DeskRole,
  RequestState,
  type AssignInput,
  type Commitment,
  type CreateCategoryInput,
  type DeskMetricRow,
  type DeskMetricsArgs,
  type DeskQueueArgs,
  type OpenRequestInput,
  type RateRequestInput,
  type RenegotiateInput,
  type ReplyInput,
  type RequestCategory,
  type RequestEvent,
  type RequesterContext,
  type ServiceRequest,
  type ServiceRequestPage,
  type SpawnTaskInput,
  type TransitionInput,
  type UpdateCommitmentInput,
} from './dto/desk.types';
import { nextStatusChange, schedule, statusOf, wording, type CommitmentRow } from './desk-rules';
import { CALENDAR_COLUMNS, calendarOf } from '../organization/public-holidays';
import { NotificationService } from '../notification/notification.service';
import { Person } from '../person/person.entity';
import { SupportService } from '../support-service/support-service.entity';
import { displayName } from '../person/person.service';
import { prefixedColumns, preparedQuery, rowMapper } from '../../platform/database/row-mapper';
import { preload } from '../../platform/graphql/preloaded';
import { JobsService } from '../../platform/jobs/jobs.service';
import { AuditService } from '../../platform/audit/audit.service';
import { Role } from '../organization/organization.enums';
import {
  AppError,
  badInput,
  conflict,
  ErrorCode,
  forbidden,
  notFound,
} from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

export const DESK_SWEEP = 'desk.sweep';
export const DESK_METRICS = 'desk.metrics';
const OPEN_STATES = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_REQUESTER'];
/** Warnings given per transaction by the at-risk sweep. */
const SWEEP_BATCH = 20000;
/** Connections the sweep uses at once when there is more than one batch to do. */
const SWEEP_WORKERS = 2;
const ACTIVE_STATES = `('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')`;

/**
 * One batch of the at-risk sweep ($1 now, $2 batch size, $3 e-mail link base or null, $4 and $5:
 * this batch's share of the requests, number of shares and which one), one statement:
 *
 * - `due`: the warnings due, at most $2, earliest first: a first response not given yet or a
 *   resolution, in an active state (WAITING_ON_REQUESTER is paused), whose warning moment has come
 *   and that was not warned yet (no `request_risk_warning` row). The two partial indexes on the
 *   warning moments serve it.
 * - `warned`: the warning rows inserted; a warning another sweeper inserted meanwhile (committed or
 *   not) is skipped, after waiting for it, by the primary key: each warning is given once, whoever
 *   sweeps. The request rows are neither locked nor changed: a request resolved at the very moment
 *   may still get its warning.
 * - `warning` has one row per warning with the notification's words (those of
 *   `wordNotification` for REQUEST_AT_RISK, written in SQL; the e2e test reads them back with
 *   `readNotification`), `recipient` one per warning and person (assignee, service manager,
 *   requester; each once).
 */
/**
 * Not warned yet of `kind`: a probe of request_risk_warning's primary key per candidate (a LATERAL
 * subquery with LIMIT stays a nested loop: as an anti-join the planner may hash every warning ever
 * given, once per batch).
 */
const warnedAlready = (kind: string) =>
  `NOT EXISTS (SELECT 1 FROM (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = '${kind}' LIMIT 1) x)`;

function sweepSql(notificationCtes: (source: string, linkBaseParam: string) => string): string {
  return `WITH due AS (
  SELECT d.* FROM (
    SELECT r.id, r.organization_id, 'first_response' AS kind, 'First response' AS label, r.first_response_risk_at AS risk_at,
           r.first_response_due_at AS due_at, r.number, r.subject, r.requester_id, r.assignee_id, r.support_service_id
      FROM service_request r
     WHERE r.state IN ${ACTIVE_STATES} AND r.first_responded_at IS NULL AND r.first_response_risk_at <= $1
       AND ${warnedAlready('first_response')}
    UNION ALL
    SELECT r.id, r.organization_id, 'resolution', 'Resolution', r.resolution_risk_at,
           r.resolution_due_at, r.number, r.subject, r.requester_id, r.assignee_id, r.support_service_id
      FROM service_request r
     WHERE r.state IN ${ACTIVE_STATES} AND r.resolution_risk_at <= $1
       AND ${warnedAlready('resolution')}
  ) d
   WHERE get_byte(uuid_send(d.id), 15) % $4::int = $5::int
   ORDER BY d.risk_at, d.id, d.kind
   LIMIT $2
), warned AS (
  INSERT INTO request_risk_warning (request_id, kind, organization_id)
  SELECT id, kind, organization_id FROM due
  ON CONFLICT DO NOTHING
  RETURNING request_id, kind
), warning AS (
  SELECT d.organization_id, d.id, d.kind, d.due_at, d.assignee_id, t.manager_id, d.requester_id,
         'REQ-' || d.number || ' at risk' AS title,
         d.label || ' due ' || to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC: ' || d.subject AS body,
         '/requests/' || d.id AS link
    FROM warned w
    JOIN due d ON d.id = w.request_id AND d.kind = w.kind
    JOIN support_service s ON s.id = d.support_service_id
    JOIN team t ON t.id = s.owner_team_id
), event AS (
  INSERT INTO request_event (organization_id, request_id, kind, internal, data)
  SELECT organization_id, id, 'AT_RISK', false,
         jsonb_build_object('commitment', kind, 'dueAt', date_trunc('milliseconds', due_at))
    FROM warning
), recipient AS (
  SELECT w.organization_id, x.person_id, 'REQUEST_AT_RISK' AS kind, w.title, w.body, w.link
    FROM warning w
    CROSS JOIN LATERAL (VALUES (w.assignee_id),
      (CASE WHEN w.manager_id IS DISTINCT FROM w.assignee_id THEN w.manager_id END),
      (CASE WHEN w.requester_id IS DISTINCT FROM w.assignee_id AND w.requester_id IS DISTINCT FROM w.manager_id
            THEN w.requester_id END)) AS x(person_id)
   WHERE x.person_id IS NOT NULL
), ${notificationCtes('recipient', '$3')}
SELECT (SELECT count(*)::int FROM due) AS due, (SELECT count(*)::int FROM warning) AS warned`;
}

/**
 * The viewer's relation to the support service `s` of owner team `t` (joined by the caller):
 * `is_member` (an agent: in the owner team), `is_manager` (manages it or a team above it).
 */
const serviceRoleFlags = (
  person: string,
) => `EXISTS (SELECT 1 FROM person p WHERE p.id = ${person} AND p.team_id = t.id) AS is_member,
  EXISTS (
    WITH RECURSIVE up AS (
      SELECT id, parent_id, manager_id FROM team WHERE id = t.id
      UNION SELECT x.id, x.parent_id, x.manager_id FROM team x JOIN up ON x.id = up.parent_id
    ) SELECT 1 FROM up WHERE manager_id = ${person}) AS is_manager`;

const REQUEST_COLUMNS = `r.id, r.organization_id, r.number, r.support_service_id, r.category_id, r.commitment_id,
  r.parent_request_id, r.requester_id, r.requester_team_id, r.assignee_id, r.subject, r.description, r.priority,
  r.state, r.created_at, r.updated_at, r.first_responded_at, r.resolved_at, r.closed_at, r.first_response_due_at,
  r.original_resolution_due_at, r.resolution_due_at, r.first_response_risk_at, r.resolution_risk_at,
  r.renegotiated_due_at, r.renegotiation_count, r.reopen_count, r.first_response_met, r.resolution_met,
  r.waiting_since, r.version`;

/** Queue pages kept per instance; each is checked against its versions before use. */
const QUEUE_CACHE_SIZE = 100;

/**
 * What a queue page depends on besides its service's requests (desk_queue_version, bumped at the
 * commit of any change to the service, its requests or its categories): the organisation's
 * directory version (bumped at the commit of any change to a person, team or position: requester
 * and assignee names, who is in the owner team or manages it). The directory's date part
 * (person.service.ts) is left out: the queue does not depend on who is current staff.
 */
const QUEUE_VERSIONS = `concat(
    coalesce((SELECT v.version FROM desk_queue_version v WHERE v.support_service_id = $1), 0), '/',
    coalesce((SELECT d.version FROM directory_version d WHERE d.organization_id = $2), 0))`;

/** The viewer's ($3) relation to service $1 of organisation $2 (as serviceRole), and the queue's versions. */
const QUEUE_ACCESS = `SELECT ${serviceRoleFlags('$3')}, ${QUEUE_VERSIONS} AS versions
  FROM support_service s JOIN team t ON t.id = s.owner_team_id
 WHERE s.id = $1 AND s.organization_id = $2`;

const QUEUE_FORBIDDEN = 'Only the service’s agents, its manager and HR see its queue';

interface QueueAccess {
  is_member: boolean;
  is_manager: boolean;
  versions: string;
}

interface CachedQueuePage {
  versions: string;
  /** Served only before this moment (ms): the first at which an item's status changes with time. */
  validUntil: number;
  /** Frozen with its items: shared by every request that reads it. */
  page: ServiceRequestPage;
}

/**
 * Monthly figures of the months [cur - $4 + 1, cur] (cur: the current month in the time zone $3),
 * one statement and one pass over the requests of organisation $1's services $2: each request falls
 * in the month it was opened (width_bucket over the month boundaries), its rating with it; the
 * backlog at each month end is a running sum of opened minus resolved. Conformity, median and p90
 * hours, reopen and renegotiation rates, CSAT and ease ($5 by category, $6 by requesting team).
 * Mirrored in bench/scenarios/desk-metrics.mjs.
 */
export const METRICS_SQL = `WITH b AS (
  SELECT array_agg(((date_trunc('month', (now() AT TIME ZONE $3)) - make_interval(months => $4 - 1 - i)) AT TIME ZONE $3) ORDER BY i) AS bounds
    FROM generate_series(0, $4) AS i
), scope AS (
  SELECT r.id, r.support_service_id, r.created_at, r.first_responded_at, r.resolved_at, r.first_response_met, r.resolution_met,
         r.reopen_count, r.renegotiation_count,
         width_bucket(r.created_at, b.bounds) AS mb,
         CASE WHEN r.resolved_at IS NOT NULL THEN width_bucket(r.resolved_at, b.bounds) END AS rb,
         CASE WHEN $5 THEN r.category_id END AS cat, CASE WHEN $6 THEN r.requester_team_id END AS team
    FROM service_request r, b
   WHERE r.organization_id = $1 AND r.support_service_id = ANY($2::uuid[])
     -- requests opened and resolved before the first month add +1 and -1 to every backlog: left out
     -- (the first bound written out, not b.bounds[1]: the indexes on created_at and resolved_at serve)
     AND (r.created_at >= (date_trunc('month', (now() AT TIME ZONE $3)) - make_interval(months => $4 - 1)) AT TIME ZONE $3
          OR r.resolved_at IS NULL
          OR r.resolved_at >= (date_trunc('month', (now() AT TIME ZONE $3)) - make_interval(months => $4 - 1)) AT TIME ZONE $3)
), agg AS (
  SELECT q.mb, q.support_service_id, q.cat, q.team, count(*)::int AS opened,
         count(*) FILTER (WHERE q.resolved_at IS NOT NULL)::int AS resolved,
         100.0 * avg(q.first_response_met::int) FILTER (WHERE q.first_response_met IS NOT NULL) AS fr_conf,
         100.0 * avg(q.resolution_met::int) FILTER (WHERE q.resolution_met IS NOT NULL) AS res_conf,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.first_responded_at - q.created_at)) / 3600 AS med_resp,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM q.first_responded_at - q.created_at)) / 3600 AS p90_resp,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.resolved_at - q.created_at)) / 3600 AS med_res,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM q.resolved_at - q.created_at)) / 3600 AS p90_res,
         100.0 * count(*) FILTER (WHERE q.reopen_count > 0) / nullif(count(*) FILTER (WHERE q.resolved_at IS NOT NULL), 0) AS reopen_rate,
         100.0 * count(*) FILTER (WHERE q.renegotiation_count > 0) / count(*) AS reneg_rate,
         count(g.request_id)::int AS n, 100.0 * avg((g.csat >= 4)::int) AS csat, avg(g.effort) AS effort
    FROM scope q LEFT JOIN request_rating g ON g.request_id = q.id AND g.status = 'RATED'
   WHERE q.mb >= 1
   GROUP BY 1, 2, 3, 4
), flows AS (
  SELECT support_service_id, cat, team, mb AS k, count(*) AS d FROM scope GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT support_service_id, cat, team, rb, -count(*) FROM scope WHERE rb IS NOT NULL GROUP BY 1, 2, 3, 4
), backlog AS (
  SELECT m.k, f.support_service_id, f.cat, f.team, sum(f.d)::int AS open_at_end
    FROM generate_series(1, $4) AS m(k) JOIN flows f ON f.k <= m.k GROUP BY 1, 2, 3, 4
)
SELECT to_char((SELECT bounds[a.mb] FROM b) AT TIME ZONE $3, 'YYYY-MM') AS month, a.support_service_id, a.cat, a.team, a.opened, a.resolved,
       coalesce(bl.open_at_end, 0) AS backlog, a.fr_conf, a.res_conf, a.med_resp, a.p90_resp, a.med_res, a.p90_res,
       a.reopen_rate, a.reneg_rate, CASE WHEN a.n > 0 THEN a.n END AS ratings, a.csat, a.effort
  FROM agg a
  LEFT JOIN backlog bl ON bl.k = a.mb AND bl.support_service_id = a.support_service_id
       AND bl.cat IS NOT DISTINCT FROM a.cat AND bl.team IS NOT DISTINCT FROM a.team
 ORDER BY a.mb, a.support_service_id, a.cat NULLS FIRST, a.team NULLS FIRST`;

/** 'YYYY-MM' → months since year 0, and back to the month's first day. */
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthDate = (i: number) =>
  `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;

// Raw SQL rows: columns are read by name and mapped by toRequest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export function toRequest(r: Row, now = new Date()): ServiceRequest {
  return {
    id: r.id,
    organizationId: r.organization_id,
    number: Number(r.number),
    reference: `REQ-${r.number}`,
    supportServiceId: r.support_service_id,
    categoryId: r.category_id,
    commitmentId: r.commitment_id,
    parentRequestId: r.parent_request_id,
    requesterId: r.requester_id,
    requesterTeamId: r.requester_team_id,
    assigneeId: r.assignee_id,
    subject: r.subject,
    description: r.description,
    priority: r.priority,
    state: r.state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    firstRespondedAt: r.first_responded_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    firstResponseDueAt: r.first_response_due_at,
    resolutionDueAt: r.resolution_due_at,
    originalResolutionDueAt: r.original_resolution_due_at,
    resolutionRiskAt: r.resolution_risk_at,
    renegotiatedDueAt: r.renegotiated_due_at,
    renegotiationCount: r.renegotiation_count,
    reopenCount: r.reopen_count,
    firstResponseMet: r.first_response_met,
    resolutionMet: r.resolution_met,
    status: statusOf(r as never, now),
    version: r.version,
  };
}

export function toCommitment(c: CommitmentRow): Commitment {
  return {
    id: c.id,
    version: c.version,
    firstResponseUnit: c.first_response_unit,
    firstResponseAmount: c.first_response_amount,
    resolutionUnit: c.resolution_unit,
    resolutionAmount: c.resolution_amount,
    validFrom: c.valid_from,
    wording: wording(c),
  };
}

/** Domain rule violations (an illegal move, a reopen too late) are bad input on the given field. */
function domain<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainRuleError) throw badInput(field, e.message);
    throw e;
  }
}

/**
 * The internal service desk: catalogue and versioned commitments, requests and their timeline,
 * agents' queues, commitment conformity against the original promise, at-risk warnings (a pg-boss
 * sweep each minute, exactly once per request across instances), closure ratings and monthly
 * metrics. Every mutation is one transaction; concurrent edits of a request are refused by its
 * version (CONFLICT).
 */
@Injectable()
export class DeskService implements OnModuleInit {
  private readonly logger = new Logger('Desk');
  private sweepSql?: string;
  private queueCols?: {
    requester: ReturnType<typeof prefixedColumns<Person>>;
    assignee: ReturnType<typeof prefixedColumns<Person>>;
    service: ReturnType<typeof prefixedColumns<SupportService>>;
  };
  private readonly queuePages = new Map<string, CachedQueuePage>();
  private readonly queueAccessReads = new Map<string, Promise<QueueAccess | undefined>>();

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: DESK_SWEEP, cron: '* * * * *', handler: () => this.sweep() });
    this.jobs.define({ name: DESK_METRICS, cron: '7 * * * *', handler: () => this.storeMonthlyMetrics() });
  }

  // ------------------------------------------------------------------------------------------
  // Access

  /** The viewer's relation to a support service: HR/ADMIN, its manager (line), its agent (owner team). */
  async serviceRole(
    viewer: Viewer,
    serviceId: string,
    m: EntityManager | DataSource = this.db,
  ): Promise<DeskRole | null> {
    const [s] = await m.query(
      `SELECT s.id, t.id AS team_id, t.manager_id,
              ${serviceRoleFlags('$2')}
         FROM support_service s JOIN team t ON t.id = s.owner_team_id
        WHERE s.id = $1 AND s.organization_id = $3`,
      [serviceId, viewer.personId, viewer.organizationId],
    );
    if (!s) throw notFound('Support service');
    if (viewer.roles.includes(Role.HR) || viewer.roles.includes(Role.ADMIN)) return DeskRole.ADMIN;
    if (s.is_manager) return DeskRole.MANAGER;
    if (s.is_member) return DeskRole.AGENT;
    return null;
  }

  /** The viewer's role for every service of the organisation, in one query (services with none are left out). */
  async serviceRoles(viewer: Viewer): Promise<Map<string, DeskRole>> {
    const admin = viewer.roles.includes(Role.HR) || viewer.roles.includes(Role.ADMIN);
    const rows: { id: string; is_member: boolean; is_manager: boolean }[] = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT s.id AS service_id, t.id AS team_id, t.parent_id, t.manager_id
           FROM support_service s JOIN team t ON t.id = s.owner_team_id WHERE s.organization_id = $2
         UNION SELECT up.service_id, x.id, x.parent_id, x.manager_id FROM team x JOIN up ON x.id = up.parent_id
       )
       SELECT s.id,
              EXISTS (SELECT 1 FROM person p WHERE p.id = $1 AND p.team_id = s.owner_team_id) AS is_member,
              EXISTS (SELECT 1 FROM up WHERE up.service_id = s.id AND up.manager_id = $1) AS is_manager
         FROM support_service s WHERE s.organization_id = $2`,
      [viewer.personId, viewer.organizationId],
    );
    const out = new Map<string, DeskRole>();
    for (const r of rows) {
      const role = admin
        ? DeskRole.ADMIN
        : r.is_manager
          ? DeskRole.MANAGER
          : r.is_member
            ? DeskRole.AGENT
            : null;
      if (role) out.set(r.id, role);
    }
    return out;
  }

  private async requestRole(
    viewer: Viewer,
    r: Row,
    m: EntityManager | DataSource = this.db,
  ): Promise<DeskRole | null> {
    const service = await this.serviceRole(viewer, r.support_service_id, m);
    if (service) return service;
    if (r.requester_id === viewer.personId) return DeskRole.REQUESTER;
    return null;
  }

  private async load(m: EntityManager | DataSource, viewer: Viewer, id: string, lock = false): Promise<Row> {
    const [r] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM service_request r WHERE r.id = $1 AND r.organization_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, viewer.organizationId],
    );
    if (!r) throw notFound('Request');
    return r;
  }

  private async calendar(m: EntityManager | DataSource, organizationId: string) {
    const [org] = await m.query(`SELECT ${CALENDAR_COLUMNS} FROM organization WHERE id = $1`, [
      organizationId,
    ]);
    return calendarOf(org);
  }

  // ------------------------------------------------------------------------------------------
  // Catalogue

  async categories(viewer: Viewer, serviceId?: string, includeInactive = false): Promise<RequestCategory[]> {
    const rows: Row[] = await this.db.query(
      `SELECT c.id, c.support_service_id, c.name, c.description, c.active,
              v.id AS commitment_id, v.version, v.first_response_unit, v.first_response_amount, v.resolution_unit,
              v.resolution_amount, v.valid_from
         FROM request_category c
         JOIN LATERAL (SELECT * FROM category_commitment v WHERE v.category_id = c.id ORDER BY version DESC LIMIT 1) v ON true
        WHERE c.organization_id = $1 AND ($2::uuid IS NULL OR c.support_service_id = $2) AND ($3 OR c.active)
        ORDER BY c.name, c.id`,
      [viewer.organizationId, serviceId ?? null, includeInactive],
    );
    return rows.map((r) => ({
      id: r.id,
      supportServiceId: r.support_service_id,
      name: r.name,
      description: r.description,
      active: r.active,
      commitment: toCommitment({ ...r, id: r.commitment_id } as CommitmentRow),
    }));
  }

  private async requireServiceManager(viewer: Viewer, serviceId: string, m: EntityManager) {
    const role = await this.serviceRole(viewer, serviceId, m);
    if (role !== DeskRole.ADMIN && role !== DeskRole.MANAGER)
      throw forbidden('Only the service’s manager or HR can change its catalogue');
  }

  async createCategory(
    viewer: Viewer,
    input: CreateCategoryInput,
    requestId: string,
  ): Promise<RequestCategory> {
    const id = await this.db.transaction(async (m) => {
      await this.requireServiceManager(viewer, input.supportServiceId, m);
      const [{ id }] = await m
        .query(
          `INSERT INTO request_category (organization_id, support_service_id, name, description) VALUES ($1,$2,$3,$4)
         ON CONFLICT (support_service_id, name) DO NOTHING RETURNING id`,
          [viewer.organizationId, input.supportServiceId, input.name.trim(), input.description],
        )
        .then((rows: Row[]) => {
          if (!rows.length) throw conflict(`The service already has a category "${input.name.trim()}"`);
          return rows;
        });
      await this.insertCommitment(m, viewer, id, 1, input.firstResponse, input.resolution);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'desk.category.create',
        entityType: 'request_category',
        entityId: id,
        after: {
          name: input.name,
          firstResponse: input.firstResponse,
          resolution: input.resolution,
        } as never,
      });
      return id as string;
    });
    return (await this.categories(viewer, input.supportServiceId, true)).find((c) => c.id === id)!;
  }

  /** A new commitment version; requests keep the version they were opened under. */
  async updateCommitment(
    viewer: Viewer,
    input: UpdateCommitmentInput,
    requestId: string,
  ): Promise<RequestCategory> {
    const serviceId = await this.db.transaction(async (m) => {
      const [c] = await m.query(
        `SELECT id, support_service_id FROM request_category WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [input.categoryId, viewer.organizationId],
      );
      if (!c) throw notFound('Category');
      await this.requireServiceManager(viewer, c.support_service_id, m);
      const [{ v }] = await m.query(
        `SELECT max(version)::int AS v FROM category_commitment WHERE category_id = $1`,
        [c.id],
      );
      await this.insertCommitment(m, viewer, c.id, v + 1, input.firstResponse, input.resolution);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'desk.commitment.update',
        entityType: 'request_category',
        entityId: c.id,
        after: { version: v + 1, firstResponse: input.firstResponse, resolution: input.resolution } as never,
      });
      return c.support_service_id as string;
    });
    return (await this.categories(viewer, serviceId, true)).find((c) => c.id === input.categoryId)!;
  }

  private async insertCommitment(
    m: EntityManager,
    viewer: Viewer,
    categoryId: string,
    version: number,
    fr: { unit: string; amount: number },
    res: { unit: string; amount: number },
  ) {
    await m.query(
      `INSERT INTO category_commitment (organization_id, category_id, version, first_response_unit, first_response_amount,
         resolution_unit, resolution_amount, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [viewer.organizationId, categoryId, version, fr.unit, fr.amount, res.unit, res.amount, viewer.personId],
    );
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  async open(
    viewer: Viewer,
    input: OpenRequestInput | SpawnTaskInput,
    requestId: string,
  ): Promise<ServiceRequest> {
    return this.db.transaction(async (m) => {
      const parentId = 'parentRequestId' in input ? input.parentRequestId : null;
      let requesterId = viewer.personId;
      if (parentId) {
        const parent = await this.load(m, viewer, parentId, true);
        const role = await this.requestRole(viewer, parent, m);
        if (!role) throw notFound('Request');
        if (role === DeskRole.REQUESTER && parent.requester_id !== viewer.personId) throw forbidden();
        requesterId = parent.requester_id;
      }
      const [cat] = await m.query(
        `SELECT c.id, c.support_service_id, c.active, v.id AS commitment_id, v.version, v.first_response_unit,
                v.first_response_amount, v.resolution_unit, v.resolution_amount, v.valid_from
           FROM request_category c
           JOIN LATERAL (SELECT * FROM category_commitment v WHERE v.category_id = c.id ORDER BY version DESC LIMIT 1) v ON true
          WHERE c.id = $1 AND c.organization_id = $2`,
        [input.categoryId, viewer.organizationId],
      );
      if (!cat || cat.support_service_id !== input.supportServiceId)
        throw badInput('input.categoryId', 'This category does not belong to that service');
      if (!cat.active) throw badInput('input.categoryId', 'This category is no longer offered');
      const now = new Date((await m.query(`SELECT clock_timestamp() AS t`))[0].t);
      const cal = await this.calendar(m, viewer.organizationId);
      const due = schedule({ ...cat, id: cat.commitment_id }, now, cal);
      const [{ team_id }] = await m.query(`SELECT team_id FROM person WHERE id = $1`, [requesterId]);
      const [row] = await m.query(
        `INSERT INTO service_request (organization_id, support_service_id, category_id, commitment_id, parent_request_id,
           requester_id, requester_team_id, subject, description, priority, created_at, updated_at,
           first_response_due_at, original_resolution_due_at, resolution_due_at, first_response_risk_at, resolution_risk_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11,$12,$13,$13,$14,$15)
         RETURNING ${REQUEST_COLUMNS.replace(/r\./g, '')}`,
        [
          viewer.organizationId,
          input.supportServiceId,
          cat.id,
          cat.commitment_id,
          parentId,
          requesterId,
          team_id,
          input.subject.trim(),
          input.description,
          'priority' in input ? input.priority : 'NORMAL',
          now,
          due.firstResponseDueAt,
          due.resolutionDueAt,
          due.firstResponseRiskAt,
          due.resolutionRiskAt,
        ],
      );
      await this.event(m, row, viewer.personId, 'CREATED', { data: { commitmentVersion: cat.version } });
      if (parentId) {
        const parent = await this.load(m, viewer, parentId);
        await this.event(m, parent, viewer.personId, 'LINKED', {
          body: input.subject,
          data: {
            childId: row.id,
            childReference: `REQ-${row.number}`,
            supportServiceId: input.supportServiceId,
          },
        });
      }
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: parentId ? 'desk.request.spawn' : 'desk.request.open',
        entityType: 'service_request',
        entityId: row.id,
      });
      return toRequest(row, now);
    });
  }

  async get(viewer: Viewer, id: string): Promise<ServiceRequest & { viewerRole: DeskRole }> {
    const r = await this.load(this.db, viewer, id);
    const role = await this.requestRole(viewer, r);
    if (!role) throw notFound('Request');
    return { ...toRequest(r), viewerRole: role };
  }

  async timeline(viewer: Viewer, request: ServiceRequest, role: DeskRole): Promise<RequestEvent[]> {
    const rows: Row[] = await this.db.query(
      `SELECT id, at, kind, actor_id, internal, from_state, to_state, body, data FROM request_event
        WHERE request_id = $1 AND organization_id = $2 AND ($3 OR NOT internal) ORDER BY at, id`,
      [request.id, viewer.organizationId, role !== DeskRole.REQUESTER],
    );
    return rows.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actorId: e.actor_id,
      internal: e.internal,
      fromState: e.from_state,
      toState: e.to_state,
      body: e.body,
      data: e.data,
    }));
  }

  async children(viewer: Viewer, id: string): Promise<ServiceRequest[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${REQUEST_COLUMNS} FROM service_request r WHERE r.parent_request_id = $1 AND r.organization_id = $2 ORDER BY r.created_at`,
      [id, viewer.organizationId],
    );
    return rows.map((r) => toRequest(r));
  }

  async myRequests(
    viewer: Viewer,
    offset: number,
    limit: number,
    open?: boolean,
  ): Promise<ServiceRequestPage> {
    const rows: Row[] = await this.db.query(
      `SELECT ${REQUEST_COLUMNS}, count(*) OVER () AS total FROM service_request r
        WHERE r.requester_id = $1 AND r.organization_id = $2
          AND ($5::boolean IS NULL OR (r.state::text = ANY($6::text[])) = $5)
        ORDER BY (r.state::text = ANY($6::text[])) DESC, r.created_at DESC, r.id LIMIT $3 OFFSET $4`,
      [viewer.personId, viewer.organizationId, limit, offset, open ?? null, OPEN_STATES],
    );
    const totalCount = rows.length
      ? Number(rows[0].total)
      : offset > 0
        ? Number(
            (
              await this.db.query(`SELECT count(*)::int AS n FROM service_request WHERE requester_id = $1`, [
                viewer.personId,
              ])
            )[0].n,
          )
        : 0;
    return { items: rows.map((r) => toRequest(r)), totalCount, offset, limit };
  }

  /**
   * A service's queue page (its agents, its manager, HR and admins), by due moment.
   *
   * Pages are cached per instance (LRU, QUEUE_CACHE_SIZE) with the versions they were read at
   * (QUEUE_VERSIONS: the service's queue version and the organisation's directory version, bumped
   * by triggers at the commit of any change a page shows) and the moment until which their items'
   * statuses hold (nextStatusChange). A request first runs one cheap statement (QUEUE_ACCESS: the
   * viewer's role for the service and the versions, by primary keys), so authorization is decided
   * per request as before (NOT_FOUND, FORBIDDEN); the cached page is served only if the versions
   * are unchanged and its moment has not come, so every instance answers as the database is now.
   * Otherwise one statement reads the role, the versions, the page and the total in one snapshot
   * (loadQueue), and the page is kept with those versions: a change committed after that snapshot
   * changes a version, so it is never hidden. The dueSoon and breached filters select by now():
   * their pages are not cached.
   *
   * Items are frozen, with their requester, assignee, category and service preloaded (fields any
   * member may read), so the plan executor keeps their results for as long as the page is served.
   */
  async queue(viewer: Viewer, a: DeskQueueArgs): Promise<ServiceRequestPage> {
    const admin = viewer.roles.includes(Role.HR) || viewer.roles.includes(Role.ADMIN);
    if (a.dueSoon || a.breached) return (await this.loadQueue(viewer, a, admin)).page;
    const key = [
      viewer.organizationId,
      a.supportServiceId,
      [...new Set(a.states ?? [])].sort().join(','),
      a.categoryId ?? '',
      a.assigneeId ?? '',
      a.unassigned === true,
      a.offset,
      a.limit,
    ].join('\u0001');
    let cached = this.queuePages.get(key);
    if (cached) {
      const access = await this.queueAccess(viewer, a.supportServiceId);
      if (!access) throw notFound('Support service');
      if (!admin && !access.is_member && !access.is_manager) throw forbidden(QUEUE_FORBIDDEN);
      this.queuePages.delete(key);
      if (access.versions !== cached.versions || Date.now() >= cached.validUntil) cached = undefined;
    }
    cached ??= await this.loadQueue(viewer, a, admin);
    this.queuePages.set(key, cached);
    if (this.queuePages.size > QUEUE_CACHE_SIZE) this.queuePages.delete(this.queuePages.keys().next().value!);
    return cached.page;
  }

  /**
   * The viewer's role for a service and its queue's versions, as committed now. Requests of the
   * same viewer for the same service share one read: it is sent at the end of the event loop's
   * current turn (setImmediate), and only requests that asked before it was sent wait for it, so
   * each sees every change committed before it asked.
   */
  private queueAccess(viewer: Viewer, serviceId: string): Promise<QueueAccess | undefined> {
    const key = [viewer.organizationId, serviceId, viewer.personId].join('\u0001');
    let read = this.queueAccessReads.get(key);
    if (!read) {
      read = new Promise<QueueAccess | undefined>((resolve, reject) => {
        setImmediate(() => {
          this.queueAccessReads.delete(key); // whoever asks from now on waits for a later read
          preparedQuery<QueueAccess>(this.db, 'desk-queue-access', QUEUE_ACCESS, [
            serviceId,
            viewer.organizationId,
            viewer.personId,
          ]).then((rows) => resolve(rows[0]), reject);
        });
      });
      this.queueAccessReads.set(key, read);
    }
    return read;
  }

  /**
   * A queue page in one prepared statement (one per combination of filters): the viewer's role for
   * the service (as serviceRole) and the queue's versions, and only if they may see the queue, the
   * page's ids by due moment from the partial queue index, the requests with their requester,
   * assignee and category joined in (preloaded: the page's fields need no further query), and the
   * total counted from the same index (index-only: it carries organization_id).
   */
  private async loadQueue(viewer: Viewer, a: DeskQueueArgs, admin: boolean): Promise<CachedQueuePage> {
    const states = a.states?.length ? [...new Set(a.states)] : OPEN_STATES;
    const values: unknown[] = [a.supportServiceId, viewer.organizationId, viewer.personId, admin];
    const filters = ['r.support_service_id = $1', 'r.organization_id = $2'];
    const name = ['desk-queue'];
    const param = (v: unknown) => `$${values.push(v)}`;
    // A literal "open" condition lets the planner use the partial queue index (ordered by due);
    // with every open state asked for, it is the whole state condition.
    const openOnly = states.every((x) => OPEN_STATES.includes(x));
    if (openOnly) filters.push(`r.state NOT IN ('RESOLVED', 'CLOSED')`);
    else name.push('any');
    if (!openOnly || states.length < OPEN_STATES.length) {
      filters.push(`r.state = ANY(${param(states)}::request_state[])`);
      name.push('states');
    }
    if (a.categoryId) {
      filters.push(`r.category_id = ${param(a.categoryId)}`);
      name.push('category');
    }
    if (a.assigneeId) {
      filters.push(`r.assignee_id = ${param(a.assigneeId)}`);
      name.push('assignee');
    }
    if (a.unassigned) {
      filters.push('r.assignee_id IS NULL');
      name.push('unassigned');
    }
    if (a.dueSoon) {
      filters.push(`(r.resolution_risk_at <= now() OR r.resolution_due_at <= now() + interval '24 hours'
               OR (r.first_responded_at IS NULL AND r.first_response_risk_at <= now()))`);
      name.push('due-soon');
    }
    if (a.breached) {
      filters.push(`(r.state <> 'WAITING_ON_REQUESTER' AND (r.resolution_due_at <= now()
               OR (r.first_responded_at IS NULL AND r.first_response_due_at <= now())))`);
      name.push('breached');
    }
    // Nothing of the service's requests is read unless the viewer may see its queue.
    const where = `${filters.join(' AND ')} AND EXISTS (SELECT 1 FROM allowed)`;
    const c = this.queueColumns();
    const limit = param(a.limit);
    const offset = param(a.offset);
    const rows = await preparedQuery<Row>(
      this.db,
      name.join('-'),
      `WITH svc AS (
         SELECT ${c.service.select}, ${serviceRoleFlags('$3')}, ${QUEUE_VERSIONS} AS versions
           FROM support_service s JOIN team t ON t.id = s.owner_team_id
          WHERE s.id = $1 AND s.organization_id = $2
       ), allowed AS (SELECT 1 FROM svc WHERE $4 OR svc.is_member OR svc.is_manager)
       SELECT svc.*, (SELECT count(*)::int FROM service_request r WHERE ${where}) AS total, q.*
         FROM svc LEFT JOIN LATERAL (
           SELECT ${REQUEST_COLUMNS}, ${c.requester.select}, ${c.assignee.select}, c.name AS category_name
             FROM (SELECT r.id FROM service_request r WHERE ${where}
                    ORDER BY r.resolution_due_at, r.id LIMIT ${limit} OFFSET ${offset}) page
             JOIN service_request r ON r.id = page.id
             LEFT JOIN person rq ON rq.id = r.requester_id AND rq.organization_id = r.organization_id
             LEFT JOIN person a ON a.id = r.assignee_id AND a.organization_id = r.organization_id
             LEFT JOIN request_category c ON c.id = r.category_id AND c.organization_id = r.organization_id
         ) q ON true
        ORDER BY q.resolution_due_at, q.id`,
      values,
    );
    if (!rows.length) throw notFound('Support service');
    if (!admin && !rows[0].is_member && !rows[0].is_manager) throw forbidden(QUEUE_FORBIDDEN);
    const now = new Date();
    // Shared by every request that reads this page: frozen, each relation once.
    const service = Object.freeze(c.service.hydrate(rows[0]));
    const people = new Map<string, Person>();
    const person = (p: Person | null) => {
      if (!p) return null;
      if (!people.has(p.id)) people.set(p.id, Object.freeze(preload(p, { displayName: displayName(p) })));
      return people.get(p.id)!;
    };
    const categories = new Map<string, Readonly<{ id: string; name: string }>>();
    const category = (id: string, name: string | null) => {
      if (name === null) return null;
      if (!categories.has(id)) categories.set(id, Object.freeze({ id, name }));
      return categories.get(id)!;
    };
    let validUntil = Infinity;
    const items = rows
      .filter((r) => r.id !== null)
      .map((r) => {
        validUntil = Math.min(validUntil, nextStatusChange(r as never, now));
        return Object.freeze(
          preload(toRequest(r, now), {
            requester: person(c.requester.hydrate(r)),
            assignee: person(c.assignee.hydrate(r)),
            category: category(r.category_id, r.category_name),
            supportService: service,
          }),
        );
      });
    const page: ServiceRequestPage = Object.freeze({
      items: Object.freeze(items) as ServiceRequest[],
      totalCount: Number(rows[0].total),
      offset: a.offset,
      limit: a.limit,
    });
    return { versions: String(rows[0].versions), validUntil, page };
  }

  private queueColumns() {
    this.queueCols ??= {
      requester: prefixedColumns(this.db, Person, 'rq', 'rq'),
      assignee: prefixedColumns(this.db, Person, 'a', 'a'),
      service: prefixedColumns(this.db, SupportService, 's', 'svc'),
    };
    return this.queueCols;
  }

  async transition(viewer: Viewer, input: TransitionInput, requestId: string): Promise<ServiceRequest> {
    return this.db.transaction(async (m) => {
      const r = await this.load(m, viewer, input.requestId, true);
      const role = await this.requestRole(viewer, r, m);
      if (!role) throw notFound('Request');
      if (r.version !== input.version)
        throw conflict('This request was changed by someone else: reload it, your change was not applied');
      const from = r.state as RequestState;
      const to = input.to;
      const reopen =
        (from === RequestState.RESOLVED || from === RequestState.CLOSED) && to === RequestState.IN_PROGRESS;
      if (role === DeskRole.REQUESTER) {
        const allowed =
          reopen ||
          (from === RequestState.RESOLVED && to === RequestState.CLOSED) ||
          (from === RequestState.WAITING_ON_REQUESTER && to === RequestState.IN_PROGRESS);
        if (!allowed) throw forbidden('The service moves this request; you may reply, close or reopen it');
      }
      const now = new Date((await m.query(`SELECT clock_timestamp() AS t`))[0].t);
      const [svc] = await m.query(`SELECT reopen_window_days FROM support_service WHERE id = $1`, [
        r.support_service_id,
      ]);
      domain('input.to', () =>
        assertRequestTransition(
          from as never,
          to as never,
          reopen && r.resolved_at
            ? { resolvedAt: r.resolved_at, now, reopenWindowDays: svc.reopen_window_days }
            : undefined,
        ),
      );
      const set: Record<string, unknown> = { state: to };
      if (to === RequestState.ACKNOWLEDGED && !r.first_responded_at) {
        set.first_responded_at = now;
        set.first_response_met = now.getTime() <= r.first_response_due_at.getTime();
      }
      if (to === RequestState.WAITING_ON_REQUESTER) set.waiting_since = now;
      if (from === RequestState.WAITING_ON_REQUESTER) {
        // The pause ends: the original resolution due moment moves later by the business time waited.
        const history = await this.stateHistory(m, r, now, to);
        const cal = await this.calendar(m, viewer.organizationId);
        const [c] = await m.query(`SELECT * FROM category_commitment WHERE id = $1`, [r.commitment_id]);
        const due = schedule(c, r.created_at, cal, waitingPauses(history, now));
        set.resolution_due_at = due.resolutionDueAt;
        set.resolution_risk_at = due.resolutionRiskAt;
        set.waiting_since = null;
        set.paused_ms = Math.max(0, due.resolutionDueAt.getTime() - r.original_resolution_due_at.getTime());
      }
      if (to === RequestState.RESOLVED) {
        set.resolved_at = now;
        set.resolution_met = now.getTime() <= new Date(r.resolution_due_at).getTime();
        if (!r.first_responded_at) {
          set.first_responded_at = now;
          set.first_response_met = now.getTime() <= r.first_response_due_at.getTime();
        }
      }
      if (to === RequestState.CLOSED) set.closed_at = now;
      if (reopen) {
        set.reopen_count = r.reopen_count + 1;
        set.resolution_met = null;
        set.closed_at = null;
      }
      const row = await this.update(m, r.id, set);
      await this.event(m, row, viewer.personId, 'STATE', { from, to, body: input.comment ?? null });
      if (to === RequestState.RESOLVED) await this.inviteRating(m, row);
      if (reopen)
        await m.query(
          `UPDATE request_rating SET status = 'WITHDRAWN', csat = NULL, effort = NULL, comment = NULL, rated_at = NULL
            WHERE request_id = $1`,
          [r.id],
        );
      if (role !== DeskRole.REQUESTER)
        await this.notifications.notify(m, {
          organizationId: viewer.organizationId,
          personIds: [r.requester_id],
          ...wordNotification(
            to === RequestState.RESOLVED
              ? { kind: 'REQUEST_RESOLVED', number: Number(r.number), subject: r.subject }
              : { kind: 'REQUEST_UPDATED', number: Number(r.number), state: to, subject: r.subject },
          ),
          link: `/requests/${r.id}`,
          dedupeKey: `request-state:${r.id}:${row.version}`,
        });
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'desk.request.transition',
        entityType: 'service_request',
        entityId: r.id,
        before: { state: from },
        after: { state: to },
      });
      return toRequest(row, now);
    });
  }

  /** The request's state changes as the domain's history, with the pending move appended. */
  private async stateHistory(
    m: EntityManager,
    r: Row,
    now: Date,
    next: RequestState,
  ): Promise<StateChange[]> {
    const rows: Row[] = await m.query(
      `SELECT at, to_state FROM request_event WHERE request_id = $1 AND kind IN ('CREATED', 'STATE') ORDER BY at, id`,
      [r.id],
    );
    const history: StateChange[] = rows.map((e) => ({
      state: (e.to_state ?? 'NEW') as never,
      at: new Date(e.at),
    }));
    history.push({ state: next as never, at: now });
    return history;
  }

  private async inviteRating(m: EntityManager, row: Row) {
    // Agents do not rate their own service's work.
    const [own] = await m.query(
      `SELECT 1 FROM person p JOIN support_service s ON s.owner_team_id = p.team_id WHERE p.id = $1 AND s.id = $2`,
      [row.requester_id, row.support_service_id],
    );
    if (own) return;
    await m.query(
      `INSERT INTO request_rating (request_id, organization_id, support_service_id, category_id, status)
       VALUES ($1, $2, $3, $4, 'PENDING')
       ON CONFLICT (request_id) DO UPDATE SET status = 'PENDING', invited_at = now(), csat = NULL, effort = NULL,
         comment = NULL, rated_at = NULL`,
      [row.id, row.organization_id, row.support_service_id, row.category_id],
    );
  }

  async assign(viewer: Viewer, input: AssignInput, requestId: string): Promise<ServiceRequest> {
    return this.db.transaction(async (m) => {
      const r = await this.load(m, viewer, input.requestId, true);
      const role = await this.requestRole(viewer, r, m);
      if (!role) throw notFound('Request');
      if (role === DeskRole.REQUESTER) throw forbidden('Only the service assigns requests');
      if (r.version !== input.version)
        throw conflict('This request was changed by someone else: reload it, your change was not applied');
      const assignee = input.assigneeId ?? null;
      if (assignee) {
        // A current agent of the service: former staff (leaving date reached) are not assignable.
        const [ok] = await m.query(
          `SELECT 1 FROM person p JOIN support_service s ON s.owner_team_id = p.team_id
            JOIN organization o ON o.id = p.organization_id
            WHERE p.id = $1 AND s.id = $2 AND (p.left_on IS NULL OR p.left_on > (now() AT TIME ZONE o.time_zone)::date)`,
          [assignee, r.support_service_id],
        );
        if (!ok) throw badInput('input.assigneeId', 'The assignee must be a current agent of the service');
      }
      const row = await this.update(m, r.id, { assignee_id: assignee });
      await this.event(m, row, viewer.personId, 'ASSIGNED', { data: { from: r.assignee_id, to: assignee } });
      if (assignee && assignee !== viewer.personId)
        await this.notifications.notify(m, {
          organizationId: viewer.organizationId,
          personIds: [assignee],
          ...wordNotification({ kind: 'REQUEST_ASSIGNED', number: Number(r.number), subject: r.subject }),
          link: `/desk/requests/${r.id}`,
          dedupeKey: `request-assigned:${r.id}:${row.version}`,
        });
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'desk.request.assign',
        entityType: 'service_request',
        entityId: r.id,
        before: { assigneeId: r.assignee_id },
        after: { assigneeId: assignee },
      });
      return toRequest(row);
    });
  }

  /** A public reply or an internal note. Replies add to the timeline; they never conflict. */
  async reply(viewer: Viewer, input: ReplyInput): Promise<RequestEvent> {
    return this.db.transaction(async (m) => {
      const r = await this.load(m, viewer, input.requestId, true);
      const role = await this.requestRole(viewer, r, m);
      if (!role) throw notFound('Request');
      if (input.internal && role === DeskRole.REQUESTER)
        throw forbidden('Internal notes are for the service');
      const now = new Date((await m.query(`SELECT clock_timestamp() AS t`))[0].t);
      let row = r;
      if (role !== DeskRole.REQUESTER && !input.internal && !r.first_responded_at) {
        row = await this.update(
          m,
          r.id,
          {
            first_responded_at: now,
            first_response_met: now.getTime() <= r.first_response_due_at.getTime(),
          },
          false,
        );
      }
      const ev = await this.event(m, row, viewer.personId, input.internal ? 'NOTE' : 'REPLY', {
        body: input.body,
        internal: input.internal,
      });
      if (role === DeskRole.REQUESTER && r.state === RequestState.WAITING_ON_REQUESTER) {
        // The requester answered: the clock runs again.
        const history = await this.stateHistory(m, r, now, RequestState.IN_PROGRESS);
        const cal = await this.calendar(m, viewer.organizationId);
        const [c] = await m.query(`SELECT * FROM category_commitment WHERE id = $1`, [r.commitment_id]);
        const due = schedule(c, r.created_at, cal, waitingPauses(history, now));
        row = await this.update(m, r.id, {
          state: RequestState.IN_PROGRESS,
          waiting_since: null,
          resolution_due_at: due.resolutionDueAt,
          resolution_risk_at: due.resolutionRiskAt,
        });
        await this.event(m, row, viewer.personId, 'STATE', {
          from: RequestState.WAITING_ON_REQUESTER,
          to: RequestState.IN_PROGRESS,
        });
      }
      if (!input.internal) {
        const notify = role === DeskRole.REQUESTER ? [r.assignee_id].filter(Boolean) : [r.requester_id];
        await this.notifications.notify(m, {
          organizationId: viewer.organizationId,
          personIds: notify as string[],
          ...wordNotification({ kind: 'REQUEST_REPLY', number: Number(r.number), text: input.body }),
          link: role === DeskRole.REQUESTER ? `/desk/requests/${r.id}` : `/requests/${r.id}`,
          dedupeKey: `request-reply:${ev.id}`,
        });
      }
      return ev;
    });
  }

  async renegotiate(viewer: Viewer, input: RenegotiateInput, requestId: string): Promise<ServiceRequest> {
    return this.db.transaction(async (m) => {
      const r = await this.load(m, viewer, input.requestId, true);
      const role = await this.requestRole(viewer, r, m);
      if (!role) throw notFound('Request');
      if (role === DeskRole.REQUESTER) throw forbidden('The service proposes a new date');
      if (r.version !== input.version)
        throw conflict('This request was changed by someone else: reload it, your change was not applied');
      if (!OPEN_STATES.includes(r.state)) throw badInput('input.requestId', 'The request is no longer open');
      if (input.newDueAt.getTime() <= Date.now())
        throw badInput('input.newDueAt', 'The new date must be in the future');
      const row = await this.update(m, r.id, {
        renegotiated_due_at: input.newDueAt,
        renegotiation_count: r.renegotiation_count + 1,
      });
      await this.event(m, row, viewer.personId, 'DUE_CHANGED', {
        body: input.reason,
        data: {
          newDueAt: input.newDueAt.toISOString(),
          previousDueAt: (r.renegotiated_due_at ?? r.resolution_due_at).toISOString(),
          originalDueAt: r.resolution_due_at.toISOString(),
        },
      });
      await this.notifications.notify(m, {
        organizationId: viewer.organizationId,
        personIds: [r.requester_id],
        ...wordNotification({ kind: 'REQUEST_DUE_CHANGED', number: Number(r.number), reason: input.reason }),
        link: `/requests/${r.id}`,
        dedupeKey: `request-due:${r.id}:${row.version}`,
      });
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'desk.request.renegotiate',
        entityType: 'service_request',
        entityId: r.id,
        after: { newDueAt: input.newDueAt.toISOString(), reason: input.reason },
      });
      return toRequest(row);
    });
  }

  async rate(viewer: Viewer, input: RateRequestInput): Promise<boolean> {
    const answers = [
      { questionId: 'request_csat', value: input.csat },
      { questionId: 'request_effort', value: input.effort },
      ...(input.comment?.trim() ? [{ questionId: 'request_comment', value: input.comment }] : []),
    ];
    const checked = validateAnswerSet(REQUEST_CLOSURE_TEMPLATE.questions, answers);
    if (!checked.ok) {
      const e = checked.errors[0];
      const field =
        { request_csat: 'csat', request_effort: 'effort', request_comment: 'comment' }[e.questionId] ??
        'answers';
      throw new AppError(ErrorCode.BAD_USER_INPUT, e.message, `input.${field}`);
    }
    return this.db.transaction(async (m) => {
      const r = await this.load(m, viewer, input.requestId, true);
      if (r.requester_id !== viewer.personId) {
        if (await this.requestRole(viewer, r, m)) throw forbidden('Only the requester rates a request');
        throw notFound('Request');
      }
      const [rating] = await m.query(`SELECT status FROM request_rating WHERE request_id = $1 FOR UPDATE`, [
        r.id,
      ]);
      if (!rating)
        throw forbidden('This request has no rating to give (agents do not rate their own service)');
      if (rating.status === 'RATED') throw conflict('You have already rated this request');
      if (rating.status !== 'PENDING')
        throw badInput('input.requestId', 'The request was reopened: rate it once resolved again');
      const comment = checked.answers.find((a) => a.questionId === 'request_comment');
      await m.query(
        `UPDATE request_rating SET status = 'RATED', rated_at = now(), csat = $2, effort = $3, comment = $4 WHERE request_id = $1`,
        [r.id, input.csat, input.effort, comment && comment.type === 'FREE_TEXT' ? comment.text : null],
      );
      await this.event(m, r, viewer.personId, 'RATED', {});
      return true;
    });
  }

  async rating(viewer: Viewer, request: ServiceRequest, role: DeskRole) {
    const [r] = await this.db.query(
      `SELECT status, csat, effort, comment, rated_at FROM request_rating WHERE request_id = $1`,
      [request.id],
    );
    if (!r) return null;
    // The requester sees their own rating; the service only whether it was given.
    const own = role === DeskRole.REQUESTER;
    return {
      status: r.status,
      csat: own ? r.csat : null,
      effort: own ? r.effort : null,
      comment: own ? r.comment : null,
      ratedAt: r.rated_at,
    };
  }

  async context(viewer: Viewer, requestId: string): Promise<RequesterContext> {
    const r = await this.load(this.db, viewer, requestId);
    const role = await this.requestRole(viewer, r);
    if (!role || role === DeskRole.REQUESTER) throw forbidden('The requester’s context is for the service');
    const [person, requests, ratings, similar] = await Promise.all([
      this.db.query(`SELECT * FROM person WHERE id = $1`, [r.requester_id]),
      this.db.query(
        `SELECT ${REQUEST_COLUMNS} FROM service_request r WHERE r.requester_id = $1 AND r.id <> $2
          ORDER BY (r.state::text = ANY($3::text[])) DESC, r.created_at DESC LIMIT 20`,
        [r.requester_id, r.id, OPEN_STATES],
      ),
      this.db.query(
        `SELECT g.request_id, s.number, g.csat, g.effort, g.rated_at FROM request_rating g JOIN service_request s ON s.id = g.request_id
          WHERE s.requester_id = $1 AND g.status = 'RATED' AND g.support_service_id = $2 ORDER BY g.rated_at DESC LIMIT 5`,
        [r.requester_id, r.support_service_id],
      ),
      this.db.query(
        `SELECT ${REQUEST_COLUMNS} FROM service_request r
          WHERE r.support_service_id = $1 AND r.id <> $2 AND r.state::text = ANY($3::text[])
            AND (r.search @@ plainto_tsquery('simple', $4) OR (r.category_id = $5 AND r.requester_team_id IS NOT DISTINCT FROM $6))
          ORDER BY ts_rank(r.search, plainto_tsquery('simple', $4)) DESC, r.created_at DESC LIMIT 5`,
        [r.support_service_id, r.id, OPEN_STATES, r.subject, r.category_id, r.requester_team_id],
      ),
    ]);
    const hydrate = rowMapper(this.db, Person).hydrate;
    const now = new Date();
    const all = (requests as Row[]).map((x) => toRequest(x, now));
    return {
      person: hydrate(person[0]),
      openRequests: all.filter((x) => OPEN_STATES.includes(x.state)),
      recentRequests: all.filter((x) => !OPEN_STATES.includes(x.state)).slice(0, 10),
      recentRatings: (ratings as Row[]).map((g) => ({
        requestId: g.request_id,
        reference: `REQ-${g.number}`,
        csat: g.csat,
        effort: g.effort,
        ratedAt: g.rated_at,
      })),
      similarOpen: (similar as Row[]).map((x) => toRequest(x, now)),
    };
  }

  // ------------------------------------------------------------------------------------------
  // Clock: at-risk warnings

  /**
   * Warns about requests that reached 75% of their allowed business time (first response or
   * resolution): the assignee, the service's manager and the requester, once. Set-based: each
   * batch is one statement (so one transaction) that inserts up to SWEEP_BATCH due warnings into
   * `request_risk_warning` and writes the AT_RISK events, the notifications and their e-mail
   * copies from the rows it inserted. Its primary key (request, kind) lets only one transaction
   * insert a warning, so two instances (or two batches) never warn twice.
   */
  async sweep(now = new Date(), batch = SWEEP_BATCH, workers = SWEEP_WORKERS): Promise<{ warned: number }> {
    const sql = (this.sweepSql ??= sweepSql((a, b) => this.notifications.notificationCtes(a, b)));
    const linkBase = this.notifications.emailLinkBase();
    const once = (shares: number, share: number) =>
      this.db.transaction(async (m) => {
        // The statement's intermediate rows (due warnings, the rows each reference check reads)
        // stay in memory: at the default 4 MB a large batch spills them to temporary files.
        await m.query(`SET LOCAL work_mem = '64MB'`);
        const [r]: { due: number; warned: number }[] = await m.query(sql, [
          now,
          batch,
          linkBase,
          shares,
          share,
        ]);
        return r;
      });
    // `workers` connections at once, each on its own share of the requests (by id), each in
    // batches until it finds less than a full one (usually at once: a minute brings few warnings).
    let warned = 0;
    const loop = async (share: number) => {
      for (;;) {
        const r = await once(workers, share);
        warned += r.warned;
        if (r.due < batch) return;
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, share) => loop(share)));
    if (warned) this.logger.log(`at-risk warnings: ${warned}`);
    return { warned };
  }

  // ------------------------------------------------------------------------------------------
  // Metrics

  /** Services the viewer may see metrics of: all for HR; the ones they manage or work in. */
  private async visibleServices(viewer: Viewer, serviceId?: string): Promise<string[]> {
    if (serviceId) {
      const role = await this.serviceRole(viewer, serviceId);
      if (!role) throw forbidden('Only the service, its manager and HR see its figures');
      return [serviceId];
    }
    const out = [...(await this.serviceRoles(viewer)).keys()];
    if (!out.length) throw forbidden('Only support services, their managers and HR see desk figures');
    return out;
  }

  /**
   * Monthly figures: the months stored in desk_metric_figure that are still valid (see the
   * DeskMetricStore migration: triggers lower the mark's upper bound to the earliest month any
   * change touches), the others computed live by METRICS_SQL and then stored. The current month is
   * stored like the others: its figures depend on the data only, and any change to it invalidates it.
   * Read in one snapshot (REPEATABLE READ); stored only if no change committed since (the version).
   */
  async metrics(viewer: Viewer, a: DeskMetricsArgs): Promise<DeskMetricRow[]> {
    const services = await this.visibleServices(viewer, a.supportServiceId);
    const variant = 1 + (a.byCategory ? 1 : 0) + (a.byTeam ? 2 : 0);
    const read = await this.db.transaction('REPEATABLE READ', async (m) => {
      const [o] = await m.query(
        `SELECT o.time_zone, o.anonymity_threshold, to_char(now() AT TIME ZONE o.time_zone, 'YYYY-MM') AS cur,
                k.version, k.time_zone AS stored_tz, to_char(k.lo[$2], 'YYYY-MM') AS lo, to_char(k.hi[$2], 'YYYY-MM') AS hi,
                (SELECT array_agg(id) FROM support_service WHERE organization_id = o.id) AS all_services
           FROM organization o LEFT JOIN desk_metric_mark k ON k.organization_id = o.id WHERE o.id = $1`,
        [viewer.organizationId, variant],
      );
      const cur = monthIndex(o.cur);
      const first = cur - a.months + 1;
      const valid = o.stored_tz === o.time_zone && o.lo && o.hi && monthIndex(o.lo) < monthIndex(o.hi);
      const lo = valid ? monthIndex(o.lo) : null;
      const hi = valid ? monthIndex(o.hi) : null;
      // Stored: [first, live); live: [live, cur]. The stored range after this read: [from, cur + 1).
      const contiguous = lo !== null && hi !== null && lo <= first && hi >= first;
      const live = contiguous ? Math.max(first, hi) : first;
      const from = contiguous ? lo : first;
      const stored: Row[] =
        live > first
          ? await m.query(
              `SELECT to_char(month, 'YYYY-MM') AS month, support_service_id, category_id AS cat, requester_team_id AS team,
                      opened, resolved, backlog, fr_conf, res_conf, med_resp, p90_resp, med_res, p90_res, reopen_rate,
                      reneg_rate, ratings, csat, effort
                 FROM desk_metric_figure
                WHERE organization_id = $1 AND variant = $2 AND month >= $3::date AND month < $4::date
                  AND support_service_id = ANY($5::uuid[])
                ORDER BY month, support_service_id, category_id NULLS FIRST, requester_team_id NULLS FIRST`,
              [viewer.organizationId, variant, monthDate(first), monthDate(live), services],
            )
          : [];
      // Live months for every service of the organisation (what is stored serves every viewer).
      const computed: Row[] =
        live <= cur
          ? await m.query(METRICS_SQL, [
              viewer.organizationId,
              o.all_services ?? [],
              o.time_zone,
              cur - live + 1,
              a.byCategory,
              a.byTeam,
            ])
          : [];
      return { o, cur, live, from, stored, computed };
    });
    const { o, cur, live, from, stored, computed } = read;
    // (the answer stands without its store: the next read recomputes what could not be stored)
    if (live <= cur)
      await this.storeFigures(viewer.organizationId, variant, o, from, live, cur, computed).catch((e) =>
        this.logger.warn(`desk metrics not stored: ${(e as Error).message}`),
      );
    const visible = new Set(services);
    const rows = [...stored, ...computed.filter((r) => visible.has(r.support_service_id))];
    const k: number = o.anonymity_threshold;
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => {
      const enough = r.ratings !== null && r.ratings >= k;
      return {
        month: r.month,
        supportServiceId: r.support_service_id,
        categoryId: r.cat,
        requesterTeamId: r.team,
        opened: r.opened,
        resolved: r.resolved,
        backlog: r.backlog,
        firstResponseConformity: num(r.fr_conf),
        resolutionConformity: num(r.res_conf),
        medianResponseHours: num(r.med_resp),
        p90ResponseHours: num(r.p90_resp),
        medianResolveHours: num(r.med_res),
        p90ResolveHours: num(r.p90_res),
        reopenRate: num(r.reopen_rate),
        renegotiationRate: num(r.reneg_rate),
        ratings: enough ? r.ratings : null,
        csat: enough ? num(r.csat) : null,
        effort: enough ? num(r.effort) : null,
      };
    });
  }

  /**
   * Stores the months [live, cur] just computed and marks [from, cur + 1) valid, unless a change
   * committed since the read's snapshot (the version moved: what was computed may be stale, the
   * next read recomputes). The mark row is locked first, so two instances storing at once take
   * turns, and a writer committing meanwhile lowers the bound after this store.
   */
  private async storeFigures(
    organizationId: string,
    variant: number,
    o: Row,
    from: number,
    live: number,
    cur: number,
    rows: Row[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO desk_metric_mark (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId],
    );
    await this.db.transaction(async (m) => {
      const [, n] = (await m.query(
        `UPDATE desk_metric_mark k SET time_zone = $3::text,
                lo = (SELECT array_agg(CASE WHEN i = $4 THEN $5::date WHEN k.time_zone = $3::text THEN k.lo[i] END ORDER BY i) FROM generate_series(1, 4) i),
                hi = (SELECT array_agg(CASE WHEN i = $4 THEN $6::date WHEN k.time_zone = $3::text THEN k.hi[i] END ORDER BY i) FROM generate_series(1, 4) i)
          WHERE k.organization_id = $1 AND k.version = $2::bigint`,
        [organizationId, o.version ?? 0, o.time_zone, variant, monthDate(from), monthDate(cur + 1)],
      )) as [unknown, number];
      if (!n) return;
      await m.query(
        // (another time zone: every month of every variant is stale)
        `DELETE FROM desk_metric_figure WHERE organization_id = $1 AND (variant = $2 AND month >= $3::date OR NOT $4)`,
        [organizationId, variant, monthDate(live), o.stored_tz === o.time_zone],
      );
      await m.query(
        `INSERT INTO desk_metric_figure (organization_id, variant, month, support_service_id, category_id, requester_team_id,
           opened, resolved, backlog, fr_conf, res_conf, med_resp, p90_resp, med_res, p90_res, reopen_rate, reneg_rate,
           ratings, csat, effort)
         SELECT $1, $2, to_date(x.month, 'YYYY-MM'), x.support_service_id, x.cat, x.team, x.opened, x.resolved, x.backlog,
                x.fr_conf, x.res_conf, x.med_resp, x.p90_resp, x.med_res, x.p90_res, x.reopen_rate, x.reneg_rate, x.ratings,
                x.csat, x.effort
           FROM json_to_recordset($3::json) AS x(month text, support_service_id uuid, cat uuid, team uuid, opened int,
                resolved int, backlog int, fr_conf numeric, res_conf numeric, med_resp float8, p90_resp float8,
                med_res float8, p90_res float8, reopen_rate numeric, reneg_rate numeric, ratings int, csat numeric,
                effort numeric)`,
        [organizationId, variant, JSON.stringify(rows)],
      );
    });
  }

  /** Stores this month's and last month's figures per service × category × requesting team (the mirror reads them). */
  async storeMonthlyMetrics(): Promise<{ rows: number }> {
    const [, n] = await this.db
      .query(
        `WITH src AS (
         SELECT r.organization_id, date_trunc('month', r.created_at AT TIME ZONE o.time_zone)::date AS month,
                r.support_service_id, r.category_id, coalesce(r.requester_team_id, '00000000-0000-0000-0000-000000000000') AS team,
                r.resolved_at, r.first_response_met, r.resolution_met, r.reopen_count, r.renegotiation_count,
                g.status AS rating_status, g.csat, g.effort
           FROM service_request r JOIN organization o ON o.id = r.organization_id
           LEFT JOIN request_rating g ON g.request_id = r.id
          WHERE r.created_at >= date_trunc('month', now()) - interval '1 month'
       )
       INSERT INTO desk_metric_monthly AS d (organization_id, month, support_service_id, category_id, requester_team_id, opened, resolved,
         first_response_met, first_response_total, resolution_met, resolution_total, reopened, renegotiated, ratings,
         csat_favourable, effort_sum)
       SELECT organization_id, month, support_service_id, category_id, team, count(*), count(resolved_at),
              count(*) FILTER (WHERE first_response_met), count(first_response_met),
              count(*) FILTER (WHERE resolution_met), count(resolution_met),
              count(*) FILTER (WHERE reopen_count > 0), count(*) FILTER (WHERE renegotiation_count > 0),
              count(*) FILTER (WHERE rating_status = 'RATED'), count(*) FILTER (WHERE rating_status = 'RATED' AND csat >= 4),
              coalesce(sum(effort) FILTER (WHERE rating_status = 'RATED'), 0)
         FROM src GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (organization_id, month, support_service_id, category_id, requester_team_id) DO UPDATE SET
         opened = EXCLUDED.opened, resolved = EXCLUDED.resolved, first_response_met = EXCLUDED.first_response_met,
         first_response_total = EXCLUDED.first_response_total, resolution_met = EXCLUDED.resolution_met,
         resolution_total = EXCLUDED.resolution_total, reopened = EXCLUDED.reopened, renegotiated = EXCLUDED.renegotiated,
         ratings = EXCLUDED.ratings, csat_favourable = EXCLUDED.csat_favourable, effort_sum = EXCLUDED.effort_sum,
         computed_at = now()
       RETURNING 1`,
      )
      .then((r: unknown[]) => [null, r.length]);
    return { rows: n as number };
  }

  // ------------------------------------------------------------------------------------------

  private async update(
    m: EntityManager,
    id: string,
    set: Record<string, unknown>,
    bump = true,
  ): Promise<Row> {
    const cols = Object.keys(set);
    const [rows] = (await m.query(
      `UPDATE service_request SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now()${
        bump ? ', version = version + 1' : ''
      } WHERE id = $1 RETURNING ${REQUEST_COLUMNS.replace(/r\./g, '')}`,
      [id, ...cols.map((c) => set[c])],
    )) as [Row[], number];
    return rows[0];
  }

  private async event(
    m: EntityManager,
    r: Row,
    actorId: string | null,
    kind: string,
    e: {
      from?: string;
      to?: string;
      body?: string | null;
      data?: Record<string, unknown>;
      internal?: boolean;
    },
  ): Promise<RequestEvent> {
    const [row] = await m.query(
      `INSERT INTO request_event (organization_id, request_id, actor_id, kind, internal, from_state, to_state, body, data)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id, at, kind, actor_id, internal, from_state, to_state, body, data`,
      [
        r.organization_id,
        r.id,
        actorId,
        kind,
        e.internal ?? false,
        e.from ?? null,
        e.to ?? (kind === 'CREATED' ? 'NEW' : null),
        e.body ?? null,
        e.data ? JSON.stringify(e.data) : null,
      ],
    );
    return {
      id: row.id,
      at: row.at,
      kind: row.kind,
      actorId: row.actor_id,
      internal: row.internal,
      fromState: row.from_state,
      toState: row.to_state,
      body: row.body,
      data: row.data,
    };
  }
}

export { CommitmentStatus };
