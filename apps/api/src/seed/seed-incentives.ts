import { wallClockAt } from '@symmetry/domain';
import type { DataSource } from 'typeorm';
import { rng as seededRandom } from './seed.generator';
import { AuditService } from '../platform/audit/audit.service';
import { IncentiveService } from '../modules/incentive/incentive.service';
import type { IncentiveSchemeInput } from '../modules/incentive/dto/incentive.types';
import type { Viewer } from '../platform/auth/viewer';
import { Role } from '../modules/organization/organization.enums';

/** The last complete quarter before `now` in `timeZone` (its first day). */
export function lastQuarterStart(now: Date, timeZone: string): string {
  const { year, month } = wallClockAt(now.getTime(), timeZone);
  const q = Math.floor((month - 1) / 3);
  return new Date(Date.UTC(year, (q - 1) * 3, 1)).toISOString().slice(0, 10);
}

const curve = (threshold: string, target: string, cap: string, capPercent = '150') => ({
  threshold: { x: threshold, payoutPercent: '0' },
  target,
  cap: { x: cap, payoutPercent: capPercent },
  intermediatePoints: [],
});

/**
 * Demo incentive schemes, through the service itself (the real rules, audit included): the
 * front line's variable pay for the last complete quarter — team customer CSAT, a team pool on
 * customer NPS split by FTE, individual objectives entered for everyone — designed by HR, approved
 * by the admin (maker-checker), run by HR and the run approved by the admin, so every front-line
 * employee has a statement; then a draft v2 adding a gate, to compare in the simulator.
 */
export async function seedIncentives(ds: DataSource, organizationId: string): Promise<void> {
  const service = new IncentiveService(ds, new AuditService());
  const [{ time_zone: timeZone }] = await ds.query(`SELECT time_zone FROM organization WHERE id = $1`, [
    organizationId,
  ]);
  const accounts: { person_id: string; email: string; roles: string[] }[] = await ds.query(
    `SELECT person_id, email, roles::text[] AS roles FROM user_account
      WHERE organization_id = $1 AND email IN ('hr@meridian.example', 'admin@meridian.example')`,
    [organizationId],
  );
  const viewer = (local: string): Viewer => {
    const a = accounts.find((x) => x.email.startsWith(`${local}@`));
    if (!a) throw new Error(`seed: no ${local}@ account`);
    return { accountId: a.person_id, personId: a.person_id, organizationId, roles: a.roles as Role[] };
  };
  const hr = viewer('hr');
  const admin = viewer('admin');
  const teams: { id: string }[] = await ds.query(
    `SELECT id FROM team WHERE organization_id = $1 AND kind = 'FRONT_LINE' ORDER BY name`,
    [organizationId],
  );
  const input: IncentiveSchemeInput = {
    name: 'Front-line variable pay',
    description:
      'Quarterly bonus of the front line: how our customers rate the team, the team’s NPS as a shared pool, and each person’s objectives.',
    periodKind: 'QUARTER' as IncentiveSchemeInput['periodKind'],
    periodStart: lastQuarterStart(new Date(), timeZone),
    currency: 'EUR',
    population: { teamIds: teams.map((t) => t.id), positionIds: [], personIds: [] },
    minimumEligibleDays: 30,
    prorateByFte: true,
    targetBonus: { mode: 'PERCENT_OF_BASE' as never, value: '3', byPosition: [] },
    budget: null,
    fallback: 'TARGET' as IncentiveSchemeInput['fallback'],
    minimumAnswers: 0,
    components: [
      {
        id: 'customer-csat',
        labelEn: 'Customer satisfaction (team)',
        labelFr: 'Satisfaction client (équipe)',
        kind: 'COLLECTIVE' as never,
        split: 'TEAM' as never,
        weightPercent: '40',
        measure: { type: 'TEAM_METRIC' as never, metricKey: 'customer_csat' },
        curve: curve('70', '80', '92'),
      },
      {
        id: 'customer-nps',
        labelEn: 'Customer NPS (team pool)',
        labelFr: 'NPS client (cagnotte d’équipe)',
        kind: 'COLLECTIVE' as never,
        split: 'POOL_FTE' as never,
        weightPercent: '20',
        measure: { type: 'TEAM_METRIC' as never, metricKey: 'customer_nps' },
        curve: curve('-10', '20', '50'),
      },
      {
        id: 'objectives',
        labelEn: 'Individual objectives',
        labelFr: 'Objectifs individuels',
        kind: 'INDIVIDUAL' as never,
        split: null,
        weightPercent: '40',
        measure: { type: 'OBJECTIVE' as never },
        curve: curve('50', '100', '140', '160'),
      },
    ],
    gates: [],
  };
  const scheme = await service.createScheme(hr, input);
  const people: { person_id: string }[] = await service
    .inputValues(hr, scheme.id, 'objective')
    .then((rows) => rows.map((r) => ({ person_id: r.personId })));
  const r = seededRandom(2026);
  await service.setInputs(
    hr,
    scheme.id,
    'objective',
    people.map((p) => ({ personId: p.person_id, value: String(Math.round(60 + r.next() * 70)) })),
  );
  await service.submitScheme(hr, scheme.id);
  await service.approveScheme(admin, scheme.id);
  const run = await service.startRun(hr, scheme.id);
  await service.approveRun(admin, run.id);
  const v2 = await service.newVersion(hr, scheme.id);
  await service.updateScheme(hr, v2.id, v2.rowVersion, {
    ...input,
    description: `${input.description} Version 2: no NPS pool for a team whose customer CSAT is under 75.`,
    gates: [
      {
        id: 'csat-floor',
        labelEn: 'Team customer CSAT of at least 75',
        labelFr: 'CSAT client de l’équipe d’au moins 75',
        measure: { type: 'TEAM_METRIC' as never, metricKey: 'customer_csat' },
        operator: 'GTE' as never,
        threshold: '75',
        componentId: 'customer-nps',
      },
    ],
  });
}
