import { localDateAsUtc } from '@symmetry/domain';
import { rng as seededRandom } from './seed.generator';
import { pastMonths, plannedLeavers } from './seed-leavers';
import type { DataSource } from 'typeorm';
import { MirrorService, periodStartOf } from '../modules/mirror/mirror.service';
import type { JobsService } from '../platform/jobs/jobs.service';
import { AuditService } from '../platform/audit/audit.service';

const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)) * 10) / 10;

/**
 * Demo mirror: the internal figures materialised from the seeded surveys and requests, and 24
 * months of customer figures per front-line team (as a CRM would send them), built so that a
 * team's customer CSAT follows its front line's internal CSAT a month later, with noise, and its
 * customer retention is lower where the team loses more people (seed-leavers' departures: the
 * team's departures per year, and those of the three months before).
 */
export async function seedMirror(ds: DataSource, organizationId: string): Promise<number> {
  const mirror = new MirrorService(
    ds,
    { define: () => undefined } as unknown as JobsService,
    new AuditService(),
  );
  await mirror.ensureCatalog(ds, organizationId);
  await mirror.refreshPlatform(organizationId);
  const r = seededRandom(777).next;
  const teams: { id: string; name: string; headcount: number }[] = await ds.query(
    `SELECT t.id, t.name, count(p.id)::int AS headcount
       FROM team t LEFT JOIN person p ON p.team_id = t.id AND p.left_on IS NULL
      WHERE t.organization_id = $1 AND t.kind = 'FRONT_LINE' GROUP BY t.id ORDER BY t.name`,
    [organizationId],
  );
  const internal: { team_id: string; period: string; value: string }[] = await ds.query(
    `SELECT v.team_id, to_char(v.period_start, 'YYYY-MM-DD') AS period, v.value FROM metric_value v
       JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'internal_csat'
      WHERE v.organization_id = $1 AND v.period_kind = 'MONTH' AND v.source = 'platform'`,
    [organizationId],
  );
  const internalOf = new Map(internal.map((x) => [`${x.team_id}|${x.period}`, Number(x.value)]));
  // The organisation's date (its months, as the mirror counts them), not UTC's.
  const [{ time_zone: timeZone }] = await ds.query(`SELECT time_zone FROM organization WHERE id = $1`, [
    organizationId,
  ]);
  const now = localDateAsUtc(new Date(), timeZone);
  const months = Array.from({ length: 24 }, (_, i) =>
    periodStartOf('MONTH', new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 23 + i, 1))),
  );
  const rows: Record<string, unknown>[] = [];
  for (const t of teams) {
    // The departures seed-leavers adds to this team: customers follow the people they know, so a
    // team that loses more people keeps fewer customers, and a departure weighs for three months.
    const departures = plannedLeavers(t.name, t.headcount, pastMonths(now));
    const perYear = [...departures.values()].reduce((s, d) => s + d.length, 0) / 2;
    const recent = (i: number) =>
      months.slice(Math.max(0, i - 3), i).reduce((s, m) => s + (departures.get(m)?.length ?? 0), 0);
    const base = (r() - 0.5) * 12;
    for (const [i, month] of months.entries()) {
      const prev = i > 0 ? internalOf.get(`${t.id}|${months[i - 1]}`) : undefined;
      const lead = prev === undefined ? 0 : (prev - 75) * 0.45;
      const csat = clamp(78 + base + lead + (r() - 0.5) * 6, 0, 100);
      const n = 120 + Math.floor(r() * 300);
      const push = (metric: string, value: number) =>
        rows.push({
          team: t.id,
          metric,
          periodKind: 'MONTH',
          periodStart: month,
          value: String(value),
          sampleSize: n,
        });
      push('customer_csat', csat);
      push('customer_nps', clamp((csat - 70) * 2.2 + (r() - 0.5) * 10, -100, 100));
      push('customer_effort', clamp(4.8 + (csat - 78) / 15 + (r() - 0.5) * 0.6, 1, 7));
      push('customer_commitments_kept', clamp(85 + (csat - 78) * 0.6 + (r() - 0.5) * 6, 0, 100));
      push('complaints_per_100', clamp(4 - (csat - 78) / 6 + r() * 1.5, 0, 100));
      push(
        'customer_retention',
        clamp(90 + (csat - 78) / 5 - 1.2 * (perYear - 1.7) - 1.0 * recent(i) + (r() - 0.5) * 3, 0, 100),
      );
      push('first_contact_resolution', clamp(68 + base / 2 + (r() - 0.5) * 8, 0, 100));
    }
  }
  const result = await mirror.intake(organizationId, 'crm-demo', rows as never, true, 1, { personId: null });
  return result.inserted;
}
