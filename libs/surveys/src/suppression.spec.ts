import fc from 'fast-check';
import { linearAttack } from './suppression.attacker';
import {
  auditDisclosure,
  Cell,
  explainSuppression,
  Slice,
  suppress,
  SuppressionDecision,
} from './suppression';
import { expectCode } from './testing/expect-code';

function cellsOf(counts: Record<string, number>): Cell[] {
  return Object.entries(counts).map(([id, count]) => ({ id, count }));
}

function slice(id: string, ...cellIds: string[]): Slice {
  return { id, cellIds };
}

function decisionsOf(decisions: Map<string, SuppressionDecision>): Record<string, string> {
  return Object.fromEntries(
    [...decisions].map(([id, decision]) => [id, decision.shown ? `shown ${decision.n}` : decision.reason]),
  );
}

describe('suppress — threshold', () => {
  it('shows every slice when all have n ≥ k and no small group can be derived', () => {
    const cells = cellsOf({ a: 6, b: 7 });
    const result = suppress(cells, [slice('org', 'a', 'b'), slice('A', 'a'), slice('B', 'b')], 5);
    expect(decisionsOf(result)).toEqual({ org: 'shown 13', A: 'shown 6', B: 'shown 7' });
  });

  it('hides slices with 1..k-1 respondents and empty slices as BELOW_THRESHOLD', () => {
    const cells = cellsOf({ a: 4, b: 0, c: 9 });
    const result = suppress(cells, [slice('A', 'a'), slice('B', 'b'), slice('C', 'c'), slice('none')], 5);
    expect(decisionsOf(result)).toEqual({
      A: 'BELOW_THRESHOLD',
      B: 'BELOW_THRESHOLD',
      C: 'shown 9',
      none: 'BELOW_THRESHOLD',
    });
  });

  it('shows a slice of exactly k', () => {
    expect(suppress(cellsOf({ a: 5 }), [slice('A', 'a')], 5).get('A')).toEqual({ shown: true, n: 5 });
  });

  it('never exposes n (or anything else) for a hidden slice', () => {
    const result = suppress(cellsOf({ a: 2 }), [slice('A', 'a')], 5);
    expect(result.get('A')).toStrictEqual({ shown: false, reason: 'BELOW_THRESHOLD' });
  });

  it('uses the organisation threshold k', () => {
    const cells = cellsOf({ a: 7 });
    expect(suppress(cells, [slice('A', 'a')], 7).get('A')?.shown).toBe(true);
    expect(suppress(cells, [slice('A', 'a')], 8).get('A')?.shown).toBe(false);
  });

  it('returns one decision per slice, in the order given', () => {
    const cells = cellsOf({ a: 6, b: 7 });
    const result = suppress(cells, [slice('z', 'b'), slice('a', 'a'), slice('m', 'a', 'b')], 5);
    expect([...result.keys()]).toEqual(['z', 'a', 'm']);
  });

  it('counts a cell listed twice in a slice once', () => {
    expect(suppress(cellsOf({ a: 3 }), [slice('A', 'a', 'a')], 5).get('A')).toEqual({
      shown: false,
      reason: 'BELOW_THRESHOLD',
    });
  });

  it('accepts an empty list of slices', () => {
    expect(suppress(cellsOf({ a: 3 }), [], 5).size).toBe(0);
  });
});

describe('suppress — differencing protection', () => {
  it('nested difference: org minus a shown team would reveal the other team, so the team is hidden too', () => {
    // org = 12, team A = 10 → org − A = team B = 2.
    const { decisions, steps } = explainSuppression(
      cellsOf({ a: 10, b: 2 }),
      [slice('org', 'a', 'b'), slice('A', 'a'), slice('B', 'b')],
      5,
    );
    expect(decisionsOf(decisions)).toEqual({ org: 'shown 12', A: 'COMPLEMENTARY', B: 'BELOW_THRESHOLD' });
    expect(steps).toEqual([{ kind: 'HIDE', sliceId: 'A', protectedCellIds: ['b'], protectedTotal: 2 }]);
  });

  it('nested difference: protects a hidden group even when the viewer did not ask for it', () => {
    const result = suppress(cellsOf({ a: 10, b: 2 }), [slice('org', 'a', 'b'), slice('A', 'a')], 5);
    expect(decisionsOf(result)).toEqual({ org: 'shown 12', A: 'COMPLEMENTARY' });
  });

  it('nested difference of 0 is fine (nobody is isolated)', () => {
    const result = suppress(cellsOf({ a: 10, b: 0 }), [slice('org', 'a', 'b'), slice('A', 'a')], 5);
    expect(decisionsOf(result)).toEqual({ org: 'shown 10', A: 'shown 10' });
  });

  it('nested difference of at least k is fine', () => {
    const result = suppress(
      cellsOf({ a: 10, b: 5 }),
      [slice('org', 'a', 'b'), slice('A', 'a'), slice('B', 'b')],
      5,
    );
    expect(decisionsOf(result)).toEqual({ org: 'shown 15', A: 'shown 10', B: 'shown 5' });
  });

  it('partition: parent and all children but one reveal the last one, so the smallest other child is hidden', () => {
    const cells = cellsOf({ a: 6, b: 7, c: 2 });
    const result = suppress(
      cells,
      [slice('P', 'a', 'b', 'c'), slice('A', 'a'), slice('B', 'b'), slice('C', 'c')],
      5,
    );
    // P − A − B = C = 2. Hiding A (the smallest involved) leaves P − B = A + C = 8 ≥ 5.
    expect(decisionsOf(result)).toEqual({
      P: 'shown 15',
      A: 'COMPLEMENTARY',
      B: 'shown 7',
      C: 'BELOW_THRESHOLD',
    });
  });

  it('partition: two small siblings hide each other, no extra suppression needed', () => {
    const cells = cellsOf({ a: 6, b: 3, c: 3 });
    const result = suppress(
      cells,
      [slice('P', 'a', 'b', 'c'), slice('A', 'a'), slice('B', 'b'), slice('C', 'c')],
      5,
    );
    expect(decisionsOf(result)).toEqual({
      P: 'shown 12',
      A: 'shown 6',
      B: 'BELOW_THRESHOLD',
      C: 'BELOW_THRESHOLD',
    });
  });

  it('multi-level tree: a grandparent minus shown descendants is protected too', () => {
    // org ⊃ dept ⊃ team; org − dept = other = 6; dept − team = rest = 3 → team or dept must go.
    const cells = cellsOf({ team: 8, rest: 3, other: 6 });
    const result = suppress(
      cells,
      [slice('org', 'team', 'rest', 'other'), slice('dept', 'team', 'rest'), slice('team', 'team')],
      5,
    );
    expect(decisionsOf(result)).toEqual({ org: 'shown 17', dept: 'shown 11', team: 'COMPLEMENTARY' });
  });

  it('inclusion–exclusion: A + B − (A ∪ B) reveals A ∩ B; ties are broken by slice id', () => {
    // Overlapping filters, e.g. "Paris" and "IT department": x = Paris only, y = both, z = IT only.
    const cells = cellsOf({ x: 6, y: 2, z: 6 });
    const result = suppress(
      cells,
      [slice('B', 'y', 'z'), slice('A', 'x', 'y'), slice('AorB', 'x', 'y', 'z')],
      5,
    );
    expect(decisionsOf(result)).toEqual({ B: 'shown 8', A: 'COMPLEMENTARY', AorB: 'shown 14' });
  });

  it('rational combinations: (S1 − S2 + S3) / 2 isolates a cell, and is caught', () => {
    const cells = cellsOf({ a: 2, b: 5, c: 5 });
    const slices = [slice('S1', 'a', 'b'), slice('S2', 'b', 'c'), slice('S3', 'a', 'c')];
    const audit = auditDisclosure(cells, slices, 5);
    expect(audit).toEqual({
      status: 'DISCLOSED',
      cellIds: ['a'],
      total: 2,
      combination: [
        { sliceId: 'S1', coefficient: 0.5 },
        { sliceId: 'S2', coefficient: -0.5 },
        { sliceId: 'S3', coefficient: 0.5 },
      ],
    });
    expect(decisionsOf(suppress(cells, slices, 5))).toEqual({
      S1: 'COMPLEMENTARY',
      S2: 'shown 10',
      S3: 'shown 7',
    });
  });

  it('protects against an attacker who knows which cells are empty', () => {
    // z is empty. Knowing it: S2 = w = 5, S3 − S2 = y = 5, S1 − y = u = 2.
    const cells = cellsOf({ u: 2, z: 0, y: 5, w: 5 });
    const slices = [slice('S1', 'u', 'z', 'y'), slice('S2', 'z', 'w'), slice('S3', 'y', 'w')];
    expect(linearAttack(cells, slices, 5, false)).toEqual([]);
    expect(linearAttack(cells, slices, 5, true)).toEqual([
      { cellIds: ['u'], total: 2 },
      { cellIds: ['u', 'z'], total: 2 },
    ]);
    expect(auditDisclosure(cells, slices, 5)).toMatchObject({
      status: 'DISCLOSED',
      cellIds: ['u'],
      total: 2,
    });
    expect(decisionsOf(suppress(cells, slices, 5))).toEqual({
      S1: 'shown 7',
      S2: 'COMPLEMENTARY',
      S3: 'shown 10',
    });
  });

  it('cascades: hiding one slice can leave another derivation; a clean-up pass re-shows what became unnecessary', () => {
    // a = AB − B = P − Q = P − B − C = AB + C − Q.
    const cells = cellsOf({ a: 3, b: 5, c: 5 });
    const slices = [
      slice('P', 'a', 'b', 'c'),
      slice('Q', 'b', 'c'),
      slice('B', 'b'),
      slice('C', 'c'),
      slice('AB', 'a', 'b'),
    ];
    const { decisions, steps } = explainSuppression(cells, slices, 5);
    expect(steps).toEqual([
      { kind: 'HIDE', sliceId: 'B', protectedCellIds: ['a'], protectedTotal: 3 },
      { kind: 'HIDE', sliceId: 'C', protectedCellIds: ['a'], protectedTotal: 3 },
      { kind: 'HIDE', sliceId: 'Q', protectedCellIds: ['a'], protectedTotal: 3 },
      { kind: 'RESHOW', sliceId: 'C' },
    ]);
    expect(decisionsOf(decisions)).toEqual({
      P: 'shown 13',
      Q: 'COMPLEMENTARY',
      B: 'COMPLEMENTARY',
      C: 'shown 5',
      AB: 'shown 8',
    });
    expect(
      linearAttack(
        cells,
        slices.filter((s) => decisions.get(s.id)?.shown),
        5,
        true,
      ),
    ).toEqual([]);
  });

  it('team × tenure cross-filters: every shown combination is safe and the org total stays visible', () => {
    // Team A: a1 (< 2 years) = 6, a2 (≥ 2 years) = 3; team B: b1 = 4, b2 = 8.
    const cells = cellsOf({ a1: 6, a2: 3, b1: 4, b2: 8 });
    const slices = [
      slice('org', 'a1', 'a2', 'b1', 'b2'),
      slice('A', 'a1', 'a2'),
      slice('B', 'b1', 'b2'),
      slice('T1', 'a1', 'b1'),
      slice('T2', 'a2', 'b2'),
      slice('A-T1', 'a1'),
      slice('A-T2', 'a2'),
      slice('B-T1', 'b1'),
      slice('B-T2', 'b2'),
    ];
    const decisions = suppress(cells, slices, 5);
    expect(decisions.get('A-T2')).toEqual({ shown: false, reason: 'BELOW_THRESHOLD' });
    expect(decisions.get('B-T1')).toEqual({ shown: false, reason: 'BELOW_THRESHOLD' });
    expect(decisions.get('org')).toEqual({ shown: true, n: 21 });
    const shown = slices.filter((s) => decisions.get(s.id)?.shown);
    expect(linearAttack(cells, shown, 5, true)).toEqual([]);
    expect(auditDisclosure(cells, shown, 5)).toEqual({ status: 'SAFE' });
    expect(decisionsOf(decisions)).toEqual({
      org: 'shown 21',
      A: 'shown 9',
      B: 'shown 12',
      T1: 'shown 10',
      T2: 'shown 11',
      'A-T1': 'COMPLEMENTARY',
      'A-T2': 'BELOW_THRESHOLD',
      'B-T1': 'BELOW_THRESHOLD',
      'B-T2': 'COMPLEMENTARY',
    });
  });

  it('identical slices under two names are fine', () => {
    const result = suppress(cellsOf({ a: 6 }), [slice('X', 'a'), slice('Y', 'a')], 5);
    expect(decisionsOf(result)).toEqual({ X: 'shown 6', Y: 'shown 6' });
  });

  it('cells outside every shown slice cannot be isolated', () => {
    const result = suppress(cellsOf({ a: 6, b: 1 }), [slice('A', 'a')], 5);
    expect(decisionsOf(result)).toEqual({ A: 'shown 6' });
  });

  it('fails closed when the search budget runs out: hides more, never less', () => {
    // S1 − S2 = x − y is in the span but is not a group: safe, yet only an exhaustive search can tell.
    const cells = cellsOf({ x: 2, y: 3, big: 9 });
    const slices = [slice('S1', 'x', 'big'), slice('S2', 'y', 'big')];
    expect(decisionsOf(suppress(cells, slices, 5))).toEqual({ S1: 'shown 11', S2: 'shown 12' });
    expect(auditDisclosure(cells, slices, 5, { searchBudget: 1 })).toEqual({ status: 'UNDECIDED' });
    expect(decisionsOf(suppress(cells, slices, 5, { searchBudget: 1 }))).toEqual({
      S1: 'COMPLEMENTARY',
      S2: 'shown 12',
    });
  });

  it('gives the same decisions with BigInt arithmetic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.subarray(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'], { minLength: 1 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (counts, members) => {
          const cells = counts.map((count, i) => ({ id: `c${i}`, count }));
          const slices = members.map((cellIds, i) => ({ id: `s${i}`, cellIds }));
          expect(suppress(cells, slices, 3, { arithmetic: 'bigint' })).toEqual(suppress(cells, slices, 3));
        },
      ),
      { numRuns: 60, seed: 1 },
    );
  });
});

describe('auditDisclosure', () => {
  it('is SAFE for a safe set of shown slices', () => {
    expect(auditDisclosure(cellsOf({ a: 6, b: 7 }), [slice('org', 'a', 'b'), slice('A', 'a')], 5)).toEqual({
      status: 'SAFE',
    });
  });

  it('reports a shown slice below k as disclosed by itself', () => {
    expect(auditDisclosure(cellsOf({ a: 2 }), [slice('A', 'a')], 5)).toEqual({
      status: 'DISCLOSED',
      cellIds: ['a'],
      total: 2,
      combination: [{ sliceId: 'A', coefficient: 1 }],
    });
  });

  it('explains a nested difference', () => {
    expect(auditDisclosure(cellsOf({ a: 10, b: 2 }), [slice('org', 'a', 'b'), slice('A', 'a')], 5)).toEqual({
      status: 'DISCLOSED',
      cellIds: ['b'],
      total: 2,
      combination: [
        { sliceId: 'A', coefficient: -1 },
        { sliceId: 'org', coefficient: 1 },
      ],
    });
  });
});

describe('suppress — input validation', () => {
  const cells = cellsOf({ a: 6 });

  it('refuses k below 3 or not an integer', () => {
    expectCode(() => suppress(cells, [], 2), 'INVALID_THRESHOLD');
    expectCode(() => suppress(cells, [], 4.5), 'INVALID_THRESHOLD');
    expectCode(() => suppress(cells, [], Number.NaN), 'INVALID_THRESHOLD');
    expectCode(() => auditDisclosure(cells, [], 1), 'INVALID_THRESHOLD');
  });

  it('refuses duplicate, empty or negative cells', () => {
    expectCode(() => suppress([...cells, { id: 'a', count: 1 }], [], 5), 'INVALID_CELL');
    expectCode(() => suppress([{ id: '', count: 1 }], [], 5), 'INVALID_CELL');
    expectCode(() => suppress([{ id: 'a', count: -1 }], [], 5), 'INVALID_CELL');
    expectCode(() => suppress([{ id: 'a', count: 1.5 }], [], 5), 'INVALID_CELL');
  });

  it('refuses duplicate slice ids and unknown cells', () => {
    expectCode(() => suppress(cells, [slice('A', 'a'), slice('A', 'a')], 5), 'INVALID_SLICE');
    expectCode(() => suppress(cells, [slice('A', 'nope')], 5), 'INVALID_SLICE');
    expectCode(() => suppress(cells, [slice('', 'a')], 5), 'INVALID_SLICE');
  });

  it('refuses a bad search budget or arithmetic mode', () => {
    expectCode(() => suppress(cells, [], 5, { searchBudget: 0 }), 'INVALID_ARGUMENT');
    expectCode(() => suppress(cells, [], 5, { arithmetic: 'float' as 'auto' }), 'INVALID_ARGUMENT');
  });
});

describe('suppress — scale', () => {
  it('handles a 60-team organisation × 4 tenure buckets (305 slices) quickly and safely', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const teams = 60;
    const parent = [-1, ...Array.from({ length: teams - 1 }, (_, i) => Math.floor(random() * (i + 1)))];
    const subtree = (team: number): number[] => [
      team,
      ...parent.flatMap((p, child) => (p === team && child !== team ? subtree(child) : [])),
    ];
    const cells: Cell[] = [];
    for (let t = 0; t < teams; t++)
      for (let b = 0; b < 4; b++)
        cells.push({ id: `t${t}b${b}`, count: Math.floor(random() * random() * 12) });
    const slices: Slice[] = [{ id: 'org', cellIds: cells.map((cell) => cell.id) }];
    for (let t = 0; t < teams; t++) {
      const members = subtree(t);
      slices.push({ id: `team${t}`, cellIds: members.flatMap((m) => [0, 1, 2, 3].map((b) => `t${m}b${b}`)) });
      for (let b = 0; b < 4; b++)
        slices.push({ id: `team${t}-tenure${b}`, cellIds: members.map((m) => `t${m}b${b}`) });
    }
    const started = Date.now();
    const decisions = suppress(cells, slices, 5);
    expect(Date.now() - started).toBeLessThan(5000);
    const shown = slices.filter((s) => decisions.get(s.id)?.shown);
    expect(shown.length).toBeGreaterThan(50);
    expect(decisions.get('org')?.shown).toBe(true);
    expect(auditDisclosure(cells, shown, 5)).toEqual({ status: 'SAFE' });
  });
});
