import {
  fitSegment,
  gapDirection,
  gapTone,
  heatmapGrid,
  intakeCurlExample,
  intakeTemplateCsv,
  isPeriodStart,
  pickablePeriods,
  periodStartOf,
  shiftPeriod,
  teamsWithFigures,
} from './mirror';
import { localDateIn } from '../../../platform/time/local-date';

describe('mirror periods', () => {
  it('starts periods as the API does (UTC; weeks on Mondays)', () => {
    const date = new Date('2026-05-14T23:30:00Z'); // a Thursday
    expect(periodStartOf('MONTH', date)).toBe('2026-05-01');
    expect(periodStartOf('QUARTER', date)).toBe('2026-04-01');
    expect(periodStartOf('WEEK', date)).toBe('2026-05-11');
    expect(periodStartOf('WEEK', new Date('2026-05-10T12:00:00Z'))).toBe('2026-05-04');
  });

  it('counts the current period in the organisation’s time zone', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Paris, still 31 December in Montreal.
    const eve = new Date('2026-12-31T23:30:00Z');
    expect(pickablePeriods('MONTH', localDateIn(eve, 'Europe/Paris'), 1)).toEqual(['2027-01-01']);
    expect(pickablePeriods('MONTH', localDateIn(eve, 'America/Montreal'), 1)).toEqual(['2026-12-01']);
    expect(localDateIn(new Date('2028-02-29T23:30:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2028-03-01T00:00:00.000Z',
    );
  });

  it('shifts periods across years', () => {
    expect(shiftPeriod('MONTH', '2026-01-01', -1)).toBe('2025-12-01');
    expect(shiftPeriod('QUARTER', '2026-01-01', -1)).toBe('2025-10-01');
    expect(shiftPeriod('WEEK', '2026-01-05', -1)).toBe('2025-12-29');
  });

  it('offers the latest periods newest first, and checks a period start', () => {
    expect(pickablePeriods('MONTH', new Date('2026-02-10T00:00:00Z'), 3)).toEqual([
      '2026-02-01',
      '2026-01-01',
      '2025-12-01',
    ]);
    expect(isPeriodStart('MONTH', '2026-02-01')).toBe(true);
    expect(isPeriodStart('MONTH', '2026-02-02')).toBe(false);
    expect(isPeriodStart('WEEK', '2026-05-11')).toBe(true);
    expect(isPeriodStart('QUARTER', '2026-05-01')).toBe(false);
    expect(isPeriodStart('MONTH', null)).toBe(false);
    expect(isPeriodStart('MONTH', 'soon')).toBe(false);
  });
});

describe('mirror gaps and heatmap', () => {
  it('colours a gap on a diverging scale', () => {
    expect(gapTone(-30)).toBe('orange.4');
    expect(gapTone(-8)).toBe('orange.2');
    expect(gapTone(0)).toBe('gray.1');
    expect(gapTone(5)).toBe('gray.1');
    expect(gapTone(12)).toBe('blue.2');
    expect(gapTone(40)).toBe('blue.4');
    expect(gapDirection(12)).toBe('employeesAhead');
    expect(gapDirection(-12)).toBe('customersAhead');
    expect(gapDirection(2)).toBe('balanced');
  });

  it('lays the cells out by team and pair', () => {
    const cell = (teamId: string, pairKey: string, customer: number | null) => ({
      teamId,
      teamName: `Team ${teamId}`,
      pairKey,
      customer,
      employee: null,
      gap: null,
    });
    const cells = [cell('a', 'csat', 70), cell('a', 'nps', null), cell('b', 'csat', null)];
    const grid = heatmapGrid(cells);
    expect(grid.teams).toEqual([
      { id: 'a', name: 'Team a' },
      { id: 'b', name: 'Team b' },
    ]);
    expect(grid.cell('a', 'csat')?.customer).toBe(70);
    expect(grid.cell('b', 'nps')).toBeNull();
    expect([...teamsWithFigures(cells)]).toEqual(['a']);
  });
});

describe('mirror correlation', () => {
  it('draws the fitted line over the points, within 0-100', () => {
    expect(fitSegment({ slope: 2, intercept: -50 }, [{ internal: 40 }, { internal: 80 }])).toEqual([
      { x: 40, y: 30 },
      { x: 80, y: 100 },
    ]);
    expect(fitSegment(null, [{ internal: 40 }, { internal: 80 }])).toBeNull();
    expect(fitSegment({ slope: 1, intercept: 0 }, [{ internal: 40 }, { internal: 40 }])).toBeNull();
  });
});

describe('mirror intake', () => {
  it('offers a template with the expected columns', () => {
    const lines = intakeTemplateCsv('Customer Service — Lyon', '2026-05-01').trim().split('\r\n');
    expect(lines[0]).toBe('team,metric,period_kind,period_start,value,sample_size');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe('Customer Service — Lyon,customer_nps,MONTH,2026-05-01,32,250');
    expect(intakeTemplateCsv('A, "B"', '2026-05-01')).toContain('"A, ""B""",customer_csat');
  });

  it('writes a curl call with the key and JSON rows', () => {
    const curl = intakeCurlExample('https://symmetry.example', 'sym_abc_123', "O'Brien", '2026-05-01');
    expect(curl).toContain("curl -X POST 'https://symmetry.example/api/intake/customer-metrics'");
    expect(curl).toContain("Authorization: Bearer sym_abc_123'");
    expect(curl).toContain('"metric":"customer_csat"');
    expect(curl).toContain(`"team":"O'\\''Brien"`);
  });
});
