import { randomUUID } from 'node:crypto';
import { rng as seededRandom } from './seed.generator';
import type { DataSource } from 'typeorm';
import { addBusinessMillis } from '@symmetry/domain';
import { schedule, type CommitmentRow } from '../modules/desk/desk-rules';
import { CALENDAR_COLUMNS, calendarOf } from '../modules/organization/public-holidays';
import { CommitmentUnit } from '../modules/desk/dto/desk.types';

const H = 3_600_000;
const DAY = 24 * H;

/** Categories per support service name: [name, first response (business hours), resolution (business days)]. */
const CATALOGUE: Record<string, [string, number, number][]> = {
  'IT Service Desk': [
    ['Laptop or phone problem', 2, 2],
    ['Access and passwords', 1, 1],
    ['Software request', 4, 5],
    ['Telephony / contact-centre tools', 1, 1],
  ],
  'Workplace & Facilities': [
    ['Desk, chair or headset', 4, 3],
    ['Building repair', 4, 5],
    ['Room or event set-up', 8, 5],
  ],
  'Payroll & Administration': [
    ['Payslip question', 8, 3],
    ['Expense claim', 8, 5],
    ['Certificate or attestation', 8, 2],
  ],
  'HR Services': [
    ['Contract or working-time change', 8, 10],
    ['Leave question', 4, 2],
    ['Mobility or career question', 8, 10],
  ],
  Training: [
    ['Enrol in a course', 8, 5],
    ['Training need', 8, 10],
  ],
};

const SUBJECTS: Record<string, string[]> = {
  'Laptop or phone problem': [
    'Laptop very slow since update',
    'Headset not recognised',
    'Phone battery drains fast',
    'Screen flickers',
  ],
  'Access and passwords': ['Locked out of CRM', 'Need access to claims archive', 'Password expired on VPN'],
  'Software request': ['Install PDF editor', 'Need Excel add-in for reports', 'Licence for screen recorder'],
  'Telephony / contact-centre tools': [
    'Calls drop after 10 minutes',
    'Queue dashboard not loading',
    'Cannot transfer calls',
  ],
  'Desk, chair or headset': ['Chair broken', 'Need a standing desk', 'Replacement headset'],
  'Building repair': ['Heating not working on floor 2', 'Door badge reader faulty', 'Leak in kitchen'],
  'Room or event set-up': ['Team meeting room for 20', 'Set-up for customer day'],
  'Payslip question': ['Overtime missing on payslip', 'Bonus amount unclear', 'Tax rate changed'],
  'Expense claim': ['Train tickets not reimbursed', 'Hotel expense rejected'],
  'Certificate or attestation': ['Employment certificate for bank', 'Salary attestation'],
  'Contract or working-time change': ['Switch to 80% part time', 'Change of working hours'],
  'Leave question': ['Remaining leave days', 'Parental leave dates'],
  'Mobility or career question': ['Internal job in claims', 'Moving to Lyon branch'],
  'Enrol in a course': ['Complaint handling course', 'Advanced claims training'],
  'Training need': ['Team needs training on new contracts', 'Refresher on CRM'],
};

/**
 * The demo catalogue (categories with commitments for every support service) and a year of
 * realistic requests: about 8 per person, resolved mostly on time, some late, a few renegotiated
 * or reopened, a few dozen still open (some at risk), and closure ratings for about half.
 * `count` overrides the number of requests (benchmarks), `openShare` the share left open.
 */
export async function seedDesk(
  ds: DataSource,
  organizationId: string,
  opts: { count?: number; openShare?: number; now?: Date } = {},
): Promise<{ requests: number; open: number }> {
  const r = seededRandom(4242).next;
  const now = opts.now ?? new Date();
  const [org] = await ds.query(`SELECT ${CALENDAR_COLUMNS} FROM organization WHERE id = $1`, [
    organizationId,
  ]);
  const cal = calendarOf(org);
  const services: { id: string; name: string; owner_team_id: string }[] = await ds.query(
    `SELECT id, name, owner_team_id FROM support_service WHERE organization_id = $1 ORDER BY name`,
    [organizationId],
  );
  const categories: { id: string; serviceId: string; name: string; commitment: CommitmentRow }[] = [];
  for (const s of services) {
    for (const [name, frHours, resDays] of CATALOGUE[s.name] ?? [
      ['General request', 8, 5] as [string, number, number],
    ]) {
      const id = randomUUID();
      const commitmentId = randomUUID();
      await ds.query(
        `INSERT INTO request_category (id, organization_id, support_service_id, name, created_at) VALUES ($1,$2,$3,$4, now() - interval '400 days')`,
        [id, organizationId, s.id, name],
      );
      await ds.query(
        `INSERT INTO category_commitment (id, organization_id, category_id, version, first_response_unit, first_response_amount,
           resolution_unit, resolution_amount, valid_from) VALUES ($1,$2,$3,1,'BUSINESS_HOURS',$4,'BUSINESS_DAYS',$5, now() - interval '400 days')`,
        [commitmentId, organizationId, id, frHours, resDays],
      );
      categories.push({
        id,
        serviceId: s.id,
        name,
        commitment: {
          id: commitmentId,
          version: 1,
          first_response_unit: CommitmentUnit.BUSINESS_HOURS,
          first_response_amount: frHours,
          resolution_unit: CommitmentUnit.BUSINESS_DAYS,
          resolution_amount: resDays,
          valid_from: now,
        },
      });
    }
  }
  const people: { id: string; team_id: string | null }[] = await ds.query(
    `SELECT id, team_id FROM person WHERE organization_id = $1 ORDER BY id`,
    [organizationId],
  );
  const agentsByService = new Map<string, string[]>();
  for (const s of services)
    agentsByService.set(
      s.id,
      people.filter((p) => p.team_id === s.owner_team_id).map((p) => p.id),
    );
  const teamOfService = new Map(services.map((s) => [s.owner_team_id, s.id]));
  const count = opts.count ?? people.length * 8;
  const openShare = opts.openShare ?? 0.015;
  const rows: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const ratings: Record<string, unknown>[] = [];
  let open = 0;
  for (let i = 0; i < count; i++) {
    const cat = categories[Math.floor(r() * categories.length)];
    const requester = people[Math.floor(r() * people.length)];
    const isOpen = r() < openShare;
    // Open ones are recent; the others spread over the past year.
    const created = new Date(now.getTime() - (isOpen ? r() * 6 * DAY : 8 * DAY + r() * 357 * DAY));
    const due = schedule(cat.commitment, created, cal);
    const agents = agentsByService.get(cat.serviceId) ?? [];
    const assignee = agents.length ? agents[Math.floor(r() * agents.length)] : null;
    const frAllowed = due.firstResponseDueAt.getTime() - created.getTime();
    const responded = addBusinessMillis(
      created,
      Math.round(r() * r() * 1.4 * Math.max(frAllowed, H) * 0.3),
      cal,
    );
    const resAllowed = Math.max(H, due.resolutionDueAt.getTime() - created.getTime());
    const late = r() < 0.14;
    const resolved = new Date(
      created.getTime() + (late ? resAllowed * (1.05 + r() * 0.8) : resAllowed * (0.1 + r() * 0.85)),
    );
    const reopened = !isOpen && r() < 0.04;
    const renegotiated = late && r() < 0.45;
    const id = randomUUID();
    let state = 'CLOSED';
    if (isOpen) {
      open++;
      state = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'IN_PROGRESS', 'WAITING_ON_REQUESTER'][
        Math.floor(r() * 5)
      ];
    } else if (resolved.getTime() > now.getTime() - 3 * DAY) state = 'RESOLVED';
    const isResolved = state === 'RESOLVED' || state === 'CLOSED';
    const firstResponded = state === 'NEW' ? null : responded.getTime() < now.getTime() ? responded : null;
    rows.push({
      id,
      service: cat.serviceId,
      category: cat.id,
      commitment: cat.commitment.id,
      requester: requester.id,
      team: requester.team_id,
      assignee: state === 'NEW' ? null : assignee,
      subject: SUBJECTS[cat.name]?.[Math.floor(r() * SUBJECTS[cat.name].length)] ?? cat.name,
      priority: r() < 0.1 ? 'HIGH' : r() < 0.05 ? 'URGENT' : 'NORMAL',
      state,
      created,
      responded: firstResponded,
      resolved: isResolved ? resolved : null,
      closed: state === 'CLOSED' ? new Date(resolved.getTime() + 2 * DAY) : null,
      frDue: due.firstResponseDueAt,
      resDue: due.resolutionDueAt,
      frRisk: due.firstResponseRiskAt,
      resRisk: due.resolutionRiskAt,
      frNotified: isResolved || now.getTime() >= due.firstResponseRiskAt.getTime(),
      resNotified: isResolved || now.getTime() >= due.resolutionRiskAt.getTime(),
      waiting: state === 'WAITING_ON_REQUESTER' ? new Date(now.getTime() - r() * DAY) : null,
      reneg: renegotiated ? new Date(due.resolutionDueAt.getTime() + 2 * DAY) : null,
      renegCount: renegotiated ? 1 : 0,
      reopenCount: reopened ? 1 : 0,
      frMet: firstResponded ? firstResponded.getTime() <= due.firstResponseDueAt.getTime() : null,
      resMet: isResolved ? resolved.getTime() <= due.resolutionDueAt.getTime() : null,
      description: '',
    });
    events.push({ request: id, at: created, actor: requester.id, kind: 'CREATED', to: 'NEW', body: null });
    if (firstResponded)
      events.push({
        request: id,
        at: firstResponded,
        actor: assignee,
        kind: 'STATE',
        from: 'NEW',
        to: 'ACKNOWLEDGED',
        body: null,
      });
    if (renegotiated)
      events.push({
        request: id,
        at: new Date(created.getTime() + resAllowed * 0.8),
        actor: assignee,
        kind: 'DUE_CHANGED',
        body: 'Waiting for a part from the supplier',
      });
    if (isResolved) {
      events.push({
        request: id,
        at: resolved,
        actor: assignee,
        kind: 'STATE',
        from: 'IN_PROGRESS',
        to: 'RESOLVED',
        body: 'Done — tell us if anything is still wrong.',
      });
      const ownService = requester.team_id !== null && teamOfService.get(requester.team_id) === cat.serviceId;
      if (!ownService && r() < 0.55) {
        const good = late ? r() < 0.45 : r() < 0.85;
        ratings.push({
          request: id,
          service: cat.serviceId,
          category: cat.id,
          at: new Date(resolved.getTime() + r() * DAY),
          csat: good ? 4 + Math.floor(r() * 2) : 1 + Math.floor(r() * 3),
          effort: good ? 5 + Math.floor(r() * 3) : 2 + Math.floor(r() * 3),
        });
      }
    }
  }
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK)
    await ds.query(
      `INSERT INTO service_request (id, organization_id, support_service_id, category_id, commitment_id, requester_id, requester_team_id,
         assignee_id, subject, description, priority, state, created_at, updated_at, first_responded_at, resolved_at, closed_at,
         first_response_due_at, original_resolution_due_at, resolution_due_at, first_response_risk_at, resolution_risk_at,
         waiting_since, renegotiated_due_at, renegotiation_count, reopen_count, first_response_met, resolution_met)
       SELECT v.id, $2, v.service, v.category, v.commitment, v.requester, v.team, v.assignee, v.subject, v.description,
              v.priority::request_priority, v.state::request_state, v.created, coalesce(v.closed, v.resolved, v.created), v.responded,
              v.resolved, v.closed, v."frDue", v."resDue", v."resDue", v."frRisk", v."resRisk",
              v.waiting, v.reneg, v."renegCount", v."reopenCount", v."frMet", v."resMet"
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, service uuid, category uuid, commitment uuid, requester uuid, team uuid,
              assignee uuid, subject text, description text, priority text, state text, created timestamptz, responded timestamptz,
              resolved timestamptz, closed timestamptz, "frDue" timestamptz, "resDue" timestamptz, "frRisk" timestamptz,
              "resRisk" timestamptz, waiting timestamptz, reneg timestamptz,
              "renegCount" int, "reopenCount" int, "frMet" boolean, "resMet" boolean)
        ORDER BY v.created`,
      [JSON.stringify(rows.slice(i, i + CHUNK)), organizationId],
    );
  // The at-risk warnings already given (the sweep gives the others on its first minute).
  for (let i = 0; i < rows.length; i += CHUNK)
    await ds.query(
      `INSERT INTO request_risk_warning (request_id, kind, organization_id)
       SELECT v.id, k.kind, $2 FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "frNotified" boolean, "resNotified" boolean)
        CROSS JOIN LATERAL (VALUES ('first_response', v."frNotified"), ('resolution', v."resNotified")) AS k(kind, given)
        WHERE k.given`,
      [JSON.stringify(rows.slice(i, i + CHUNK)), organizationId],
    );
  for (let i = 0; i < events.length; i += CHUNK)
    await ds.query(
      `INSERT INTO request_event (organization_id, request_id, at, actor_id, kind, from_state, to_state, body)
       SELECT $2, v.request, v.at, v.actor, v.kind, v."from"::request_state, v."to"::request_state, v.body
         FROM jsonb_to_recordset($1::jsonb) AS v(request uuid, at timestamptz, actor uuid, kind text, "from" text, "to" text, body text)`,
      [JSON.stringify(events.slice(i, i + CHUNK)), organizationId],
    );
  for (let i = 0; i < ratings.length; i += CHUNK)
    await ds.query(
      `INSERT INTO request_rating (request_id, organization_id, support_service_id, category_id, status, invited_at, rated_at, csat, effort)
       SELECT v.request, $2, v.service, v.category, 'RATED', v.at, v.at, v.csat, v.effort
         FROM jsonb_to_recordset($1::jsonb) AS v(request uuid, service uuid, category uuid, at timestamptz, csat int, effort int)`,
      [JSON.stringify(ratings.slice(i, i + CHUNK)), organizationId],
    );
  return { requests: rows.length, open };
}
