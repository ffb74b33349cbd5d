import { categoryRows, lastMonths, monthlySeries, type MetricRow } from './metrics';

const row = (month: string, categoryId: string | null, opened: number): MetricRow => ({
  month,
  supportServiceId: 's',
  categoryId,
  opened,
  resolved: 0,
  backlog: 0,
  firstResponseConformity: null,
  resolutionConformity: null,
  medianResponseHours: null,
  p90ResponseHours: null,
  medianResolveHours: null,
  p90ResolveHours: null,
  reopenRate: null,
  renegotiationRate: null,
  ratings: null,
  csat: null,
  effort: null,
});

describe('desk metrics', () => {
  it('lists the last months, oldest first, across a year end', () => {
    expect(lastMonths(3, new Date(2026, 0, 15))).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('fills months without requests and keeps the service totals only', () => {
    const rows = [row('2025-12', null, 4), row('2025-12', 'c1', 4), row('2026-01', null, 2)];
    const series = monthlySeries(rows, ['2025-11', '2025-12', '2026-01']);
    expect(series.map((entry) => entry?.opened ?? null)).toEqual([null, 4, 2]);
  });

  it('picks one month’s categories, busiest first', () => {
    const rows = [
      row('2026-01', 'a', 1),
      row('2026-01', 'b', 5),
      row('2025-12', 'c', 9),
      row('2026-01', null, 6),
    ];
    expect(categoryRows(rows, '2026-01').map((entry) => entry.categoryId)).toEqual(['b', 'a']);
  });
});
