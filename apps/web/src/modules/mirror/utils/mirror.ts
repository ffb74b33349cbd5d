import type { MirrorViewQuery, PeriodKind } from '../../../gql/graphql';

export type MirrorView = MirrorViewQuery['mirrorView'];
export type MirrorPair = MirrorView['pairs'][number];
export type MirrorPoint = MirrorPair['current'];
export type MirrorHeatCell = MirrorView['heatmap'][number];
export type MirrorLag = MirrorPair['correlation']['pearson'][number];

export const PERIOD_KINDS = ['MONTH', 'WEEK', 'QUARTER'] as const satisfies readonly PeriodKind[];

/** Periods of trend shown for each kind (the API takes up to 24). */
export const TREND_LENGTH: Record<PeriodKind, number> = { MONTH: 12, WEEK: 12, QUARTER: 8 };

/** Latest periods one can pick, newest first. */
export const PICKABLE_PERIODS = 24;

/** The customer metrics a CSV or a CRM may send (the internal ones are computed by the platform). */
export const CUSTOMER_METRIC_KEYS = [
  'customer_nps',
  'customer_csat',
  'customer_effort',
  'customer_commitments_kept',
  'complaints_per_100',
  'customer_retention',
  'first_contact_resolution',
] as const;

export const CSV_COLUMNS = ['team', 'metric', 'period_kind', 'period_start', 'value', 'sample_size'] as const;

export function isPeriodKind(value: string | null): value is PeriodKind {
  return value !== null && (PERIOD_KINDS as readonly string[]).includes(value);
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The first day (UTC, `YYYY-MM-DD`) of the period of that kind containing `date`: as the API counts. */
export function periodStartOf(kind: PeriodKind, date: Date): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (kind === 'MONTH') return iso(new Date(Date.UTC(year, month, 1)));
  if (kind === 'QUARTER') return iso(new Date(Date.UTC(year, month - (month % 3), 1)));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return iso(new Date(Date.UTC(year, month, date.getUTCDate() - sinceMonday)));
}

/** The period `n` periods after (or before, when negative) the one starting on `start`. */
export function shiftPeriod(kind: PeriodKind, start: string, n: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (kind === 'WEEK') return iso(new Date(date.getTime() + n * 7 * 864e5));
  const months = kind === 'MONTH' ? n : 3 * n;
  return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** The periods one may choose as the latest, newest first. */
export function pickablePeriods(kind: PeriodKind, now: Date, count = PICKABLE_PERIODS): string[] {
  const current = periodStartOf(kind, now);
  return Array.from({ length: count }, (_, index) => shiftPeriod(kind, current, -index));
}

/** Whether `value` is the first day of a period of that kind. */
export function isPeriodStart(kind: PeriodKind, value: string | null): value is string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && periodStartOf(kind, date) === value;
}

/** Diverging shades for a gap (employee score − customer score), from "employees worse off" to "better off". */
export const GAP_TONES = ['orange.4', 'orange.2', 'gray.1', 'blue.2', 'blue.4'] as const;
export type GapTone = (typeof GAP_TONES)[number];

export function gapTone(gap: number): GapTone {
  if (gap < -15) return 'orange.4';
  if (gap < -5) return 'orange.2';
  if (gap <= 5) return 'gray.1';
  if (gap <= 15) return 'blue.2';
  return 'blue.4';
}

/** Where a gap stands: employees better served than customers, about the same, or worse. */
export function gapDirection(gap: number): 'employeesAhead' | 'balanced' | 'customersAhead' {
  if (gap > 5) return 'employeesAhead';
  if (gap < -5) return 'customersAhead';
  return 'balanced';
}

/** Heatmap cells by `teamId|pairKey`, and its teams in the API's order (by name). */
export function heatmapGrid(cells: readonly MirrorHeatCell[]) {
  const byKey = new Map(cells.map((cell) => [`${cell.teamId}|${cell.pairKey}`, cell]));
  const teams: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    if (seen.has(cell.teamId)) continue;
    seen.add(cell.teamId);
    teams.push({ id: cell.teamId, name: cell.teamName });
  }
  return { teams, cell: (teamId: string, pairKey: string) => byKey.get(`${teamId}|${pairKey}`) ?? null };
}

/** Teams without a single figure on either side add nothing to the heatmap. */
export function teamsWithFigures(cells: readonly MirrorHeatCell[]): Set<string> {
  return new Set(
    cells.filter((cell) => cell.customer !== null || cell.employee !== null).map((cell) => cell.teamId),
  );
}

/** The fitted line across the points' internal range, kept within the 0-100 chart. */
export function fitSegment(
  fit: { slope: number; intercept: number } | null,
  points: readonly { internal: number }[],
): [{ x: number; y: number }, { x: number; y: number }] | null {
  if (!fit || points.length < 2) return null;
  const xs = points.map((point) => point.internal);
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  if (!(high > low)) return null;
  const at = (x: number) => Math.min(100, Math.max(0, fit.intercept + fit.slope * x));
  return [
    { x: low, y: at(low) },
    { x: high, y: at(high) },
  ];
}

/** The lag the API found most telling, or the same-period one. */
export function highlightedLag(lags: readonly MirrorLag[], bestLag: number | null): number {
  return bestLag ?? lags[0]?.lag ?? 0;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The expected columns and one example row per customer metric, for a team and a month. */
export function intakeTemplateCsv(teamName: string, periodStart: string): string {
  const examples: Record<(typeof CUSTOMER_METRIC_KEYS)[number], number> = {
    customer_nps: 32,
    customer_csat: 84.5,
    customer_effort: 5.6,
    customer_commitments_kept: 91,
    complaints_per_100: 2.4,
    customer_retention: 93.1,
    first_contact_resolution: 71,
  };
  const rows = CUSTOMER_METRIC_KEYS.map((metric) =>
    [teamName, metric, 'MONTH', periodStart, examples[metric], 250].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The CRM call, ready to paste: JSON rows to `POST /api/intake/customer-metrics`. */
export function intakeCurlExample(
  origin: string,
  key: string,
  teamName: string,
  periodStart: string,
): string {
  const body = JSON.stringify({
    rows: [
      {
        team: teamName,
        metric: 'customer_csat',
        periodKind: 'MONTH',
        periodStart,
        value: 84.5,
        sampleSize: 250,
      },
    ],
  });
  return [
    `curl -X POST '${origin}/api/intake/customer-metrics' \\`,
    `  -H 'Authorization: Bearer ${key}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body.replace(/'/g, "'\\''")}'`,
  ].join('\n');
}
