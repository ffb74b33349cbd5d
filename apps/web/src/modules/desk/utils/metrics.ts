import type { DeskMetricsQuery } from '../../../gql/graphql';

export type MetricRow = DeskMetricsQuery['deskMetrics'][number];

/** The last `count` months, oldest first, as `YYYY-MM` (in the browser's time zone). */
export function lastMonths(count: number, now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const date = new Date(now.getFullYear(), now.getMonth() - back, 1);
    months.push(`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** One row per month (months without any request get empty figures), from the service totals. */
export function monthlySeries(rows: readonly MetricRow[], months: readonly string[]): (MetricRow | null)[] {
  const byMonth = new Map(
    rows.filter((row) => row.categoryId === null).map((row) => [row.month.slice(0, 7), row]),
  );
  return months.map((month) => byMonth.get(month) ?? null);
}

/** Category rows of one month, busiest first. */
export function categoryRows(rows: readonly MetricRow[], month: string): MetricRow[] {
  return rows
    .filter((row) => row.categoryId !== null && row.month.slice(0, 7) === month)
    .sort((a, b) => b.opened - a.opened);
}
