import { laggedCorrelation, TeamSeries } from './lagged-correlation';

const series = (teamId: string, internal: (number | null)[], customer: (number | null)[]): TeamSeries => ({
  teamId,
  observations: internal.map((v, i) => ({ period: i + 1, internal: v, customer: customer[i] ?? null })),
});

// Three teams over six periods; team C misses its internal value in period 4.
const TEAMS: TeamSeries[] = [
  series('A', [70, 72, 75, 73, 78, 80], [60, 61, 65, 68, 66, 72]),
  series('B', [55, 58, 54, 60, 62, 61], [50, 52, 55, 53, 58, 60]),
  series('C', [80, 82, 85, null, 86, 88], [75, 74, 79, 82, 80, 84]),
];

describe('laggedCorrelation', () => {
  it('pools (team, period) pairs per lag; values computed independently with scipy.stats', () => {
    const result = laggedCorrelation(TEAMS);
    expect(result.map((l) => [l.lag, l.n])).toEqual([
      [0, 17],
      [1, 14],
      [2, 11],
      [3, 9],
    ]);
    const expected = [
      [0.9546316869508106, 0.8758699888063031, 0.9838486116045202],
      [0.9740078437174458, 0.9176694477847468, 0.9919558658631025],
      [0.9466353628715326, 0.8024313353744869, 0.986381127654848],
      [0.9588666596410957, 0.8115317474357706, 0.9915592858243985],
    ];
    result.forEach((l, i) => {
      const [r, lower, upper] = expected[i] as [number, number, number];
      expect(l.r).toBeCloseTo(r, 12);
      expect(l.ci?.lower).toBeCloseTo(lower, 12);
      expect(l.ci?.upper).toBeCloseTo(upper, 12);
    });
  });

  it('supports Spearman (scipy.stats.spearmanr: lag 0 → 0.969325…, lag 3 → 0.916666…)', () => {
    const result = laggedCorrelation(TEAMS, { method: 'SPEARMAN' });
    expect(result[0]?.r).toBeCloseTo(0.9693251533742332, 12);
    expect(result[3]?.r).toBeCloseTo(0.9166666666666666, 12);
  });

  it('finds the lag at which internal values lead customer values', () => {
    // customer(t + 2) = 2 × internal(t) + 1 exactly; other lags are scrambled.
    const internal = [3, 9, 1, 7, 4, 8, 2, 6, 5, 10, 3, 7];
    const teams: TeamSeries[] = ['X', 'Y'].map((teamId, k) => ({
      teamId,
      observations: internal.map((v, t) => ({
        period: t,
        internal: v + k,
        customer: t >= 2 ? 2 * ((internal[t - 2] as number) + k) + 1 : 0,
      })),
    }));
    const result = laggedCorrelation(teams, { maxLag: 3 });
    expect(result[2]?.r).toBeCloseTo(1, 12);
    for (const lag of [0, 1, 3]) expect(Math.abs(result[lag]?.r as number)).toBeLessThan(0.9);
  });

  it('returns null r and CI when there are too few pairs or no variance', () => {
    const tiny = laggedCorrelation([series('A', [1, 2, 3], [1, 2, 3])], { maxLag: 2 });
    expect(tiny.map((l) => l.n)).toEqual([3, 2, 1]);
    expect(tiny[0]?.r).toBeCloseTo(1, 12);
    expect(tiny[0]?.ci).toBeNull(); // n = 3 < 4
    expect(tiny[1]?.r).toBeNull();
    const flat = laggedCorrelation([series('A', [5, 5, 5, 5, 5], [1, 2, 3, 4, 5])], { maxLag: 0 });
    expect(flat[0]).toEqual({ lag: 0, n: 5, r: null, ci: null });
  });

  it('handles teams with gaps in their periods (pairs by period index, not position)', () => {
    const gappy: TeamSeries = {
      teamId: 'G',
      observations: [
        { period: 1, internal: 1, customer: null },
        { period: 3, internal: 2, customer: 10 },
        { period: 4, internal: null, customer: 20 },
      ],
    };
    const result = laggedCorrelation([gappy], { maxLag: 3 });
    expect(result.map((l) => l.n)).toEqual([1, 1, 1, 1]);
  });

  it('rejects duplicate periods, non-integer periods and a negative maxLag', () => {
    const dup: TeamSeries = {
      teamId: 'D',
      observations: [
        { period: 1, internal: 1, customer: 1 },
        { period: 1, internal: 2, customer: 2 },
      ],
    };
    expect(() => laggedCorrelation([dup])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() =>
      laggedCorrelation([{ teamId: 'F', observations: [{ period: 1.5, internal: 1, customer: 1 }] }]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => laggedCorrelation(TEAMS, { maxLag: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
