import fc from 'fast-check';
import { linearAttack, setAlgebraAttack } from './suppression.attacker';
import { auditDisclosure, Cell, explainSuppression, Slice, suppress } from './suppression';

/**
 * Property tests: random organisations (random team trees × tenure buckets, counts biased towards tiny numbers),
 * random sets of slices requested by one viewer, then independent attackers try to derive a group of 1..k-1
 * respondents from what is shown.
 */

interface Organisation {
  readonly cells: Cell[];
  readonly slices: Slice[];
  readonly k: number;
}

const countArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 4, arbitrary: fc.integer({ min: 5, max: 14 }) },
);

function organisationArb(maxTeams: number, maxBuckets: number): fc.Arbitrary<Organisation> {
  return fc
    .record({
      parents: fc.array(fc.nat(), { minLength: 0, maxLength: maxTeams - 1 }),
      buckets: fc.integer({ min: 1, max: maxBuckets }),
      k: fc.integer({ min: 3, max: 6 }),
    })
    .chain(({ parents, buckets, k }) => {
      const teamCount = parents.length + 1;
      // Team 0 is the root; team t > 0 reports to a team created before it.
      const parentOf = [-1, ...parents.map((p, i) => p % (i + 1))];
      const descendants = (team: number): number[] => [
        team,
        ...parentOf.flatMap((parent, child) => (parent === team && child !== team ? descendants(child) : [])),
      ];
      const cellId = (team: number, bucket: number): string => `t${team}b${bucket}`;
      const allCellIds: string[] = [];
      for (let t = 0; t < teamCount; t++) for (let b = 0; b < buckets; b++) allCellIds.push(cellId(t, b));
      const candidates: Slice[] = [{ id: 'org', cellIds: allCellIds }];
      for (let t = 0; t < teamCount; t++) {
        const tree = descendants(t);
        candidates.push({
          id: `team${t}`,
          cellIds: tree.flatMap((m) => Array.from({ length: buckets }, (_, b) => cellId(m, b))),
        });
        candidates.push({
          id: `team${t}-direct`,
          cellIds: Array.from({ length: buckets }, (_, b) => cellId(t, b)),
        });
        for (let b = 0; b < buckets; b++)
          candidates.push({ id: `team${t}-tenure${b}`, cellIds: tree.map((m) => cellId(m, b)) });
      }
      for (let b = 0; b < buckets; b++) {
        candidates.push({
          id: `tenure${b}`,
          cellIds: Array.from({ length: teamCount }, (_, t) => cellId(t, b)),
        });
      }
      return fc.record({
        counts: fc.array(countArb, { minLength: allCellIds.length, maxLength: allCellIds.length }),
        requested: fc.subarray(candidates, { minLength: 1 }),
        // Free-form filters: arbitrary unions of cells (e.g. "Paris or Lyon, hired after 2020").
        adHoc: fc.array(fc.subarray(allCellIds, { minLength: 1 }), { maxLength: 3 }),
        k: fc.constant(k),
        cellIds: fc.constant(allCellIds),
      });
    })
    .map(({ counts, requested, adHoc, k, cellIds }) => ({
      cells: cellIds.map((id, i) => ({ id, count: counts[i] })),
      slices: [...requested, ...adHoc.map((members, index) => ({ id: `filter${index}`, cellIds: members }))],
      k,
    }));
}

function shownSlices(org: Organisation, decisions: Map<string, { shown: boolean }>): Slice[] {
  return org.slices.filter((slice) => decisions.get(slice.id)?.shown === true);
}

function total(org: Organisation, slice: Slice): number {
  const counts = new Map(org.cells.map((cell) => [cell.id, cell.count]));
  return [...new Set(slice.cellIds)].reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
}

describe('suppress — property tests against independent attackers', () => {
  it('never leaves a group of 1..k-1 respondents derivable by linear algebra, even knowing which cells are empty', () => {
    const seen = { leakyBeforeSuppression: 0, complementary: 0, onlyZeroAwareLeak: 0 };
    fc.assert(
      fc.property(organisationArb(4, 3), (org) => {
        const decisions = suppress(org.cells, org.slices, org.k);
        const atLeastK = org.slices.filter((slice) => total(org, slice) >= org.k);
        const naive = linearAttack(org.cells, atLeastK, org.k, true);
        if (naive.length > 0) seen.leakyBeforeSuppression += 1;
        if (naive.length > 0 && linearAttack(org.cells, atLeastK, org.k, false).length === 0)
          seen.onlyZeroAwareLeak += 1;
        if ([...decisions.values()].some((d) => d.reason === 'COMPLEMENTARY')) seen.complementary += 1;
        const shown = shownSlices(org, decisions);
        for (const slice of shown) expect(total(org, slice)).toBeGreaterThanOrEqual(org.k);
        expect(linearAttack(org.cells, shown, org.k, true)).toEqual([]);
        expect(linearAttack(org.cells, shown, org.k, false)).toEqual([]);
      }),
      { numRuns: 250, seed: 20240601 },
    );
    // The generator must actually produce the dangerous situations (hiding only n < k would leak).
    expect(seen.leakyBeforeSuppression).toBeGreaterThan(50);
    expect(seen.complementary).toBeGreaterThan(50);
    expect(seen.onlyZeroAwareLeak).toBeGreaterThan(0);
  });

  it('defeats the spreadsheet attacker (nested differences, disjoint sums, inclusion–exclusion)', () => {
    fc.assert(
      fc.property(organisationArb(3, 3), (org) => {
        fc.pre(org.cells.length <= 9);
        const decisions = suppress(org.cells, org.slices, org.k);
        expect(setAlgebraAttack(org.cells, shownSlices(org, decisions), org.k)).toEqual([]);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('hides exactly the slices below k as BELOW_THRESHOLD, and every hidden slice of n ≥ k as COMPLEMENTARY', () => {
    fc.assert(
      fc.property(organisationArb(4, 3), (org) => {
        const decisions = suppress(org.cells, org.slices, org.k);
        expect([...decisions.keys()]).toEqual(org.slices.map((slice) => slice.id));
        for (const slice of org.slices) {
          const decision = decisions.get(slice.id);
          const n = total(org, slice);
          if (n < org.k) expect(decision).toEqual({ shown: false, reason: 'BELOW_THRESHOLD' });
          else if (decision?.shown) expect(decision.n).toBe(n);
          else expect(decision).toEqual({ shown: false, reason: 'COMPLEMENTARY' });
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('audits exactly: auditDisclosure finds a leak iff the brute-force attacker does, and its witness is real', () => {
    fc.assert(
      fc.property(organisationArb(4, 3), (org) => {
        const audit = auditDisclosure(org.cells, org.slices, org.k);
        const leaks = linearAttack(org.cells, org.slices, org.k, true);
        expect(audit.status).not.toBe('UNDECIDED');
        expect(audit.status === 'DISCLOSED').toBe(leaks.length > 0);
        if (audit.status !== 'DISCLOSED') return;
        expect(audit.total).toBeGreaterThanOrEqual(1);
        expect(audit.total).toBeLessThan(org.k);
        // The combination of shown totals reproduces the group on every non-empty cell.
        const group = new Set(audit.cellIds);
        for (const cell of org.cells) {
          if (cell.count === 0) continue;
          const coefficient = audit.combination.reduce((sum, term) => {
            const slice = org.slices.find((s) => s.id === term.sliceId);
            return slice?.cellIds.includes(cell.id) ? sum + term.coefficient : sum;
          }, 0);
          expect(coefficient).toBeCloseTo(group.has(cell.id) ? 1 : 0, 9);
        }
        const value = audit.combination.reduce((sum, term) => {
          const slice = org.slices.find((s) => s.id === term.sliceId);
          return sum + term.coefficient * (slice === undefined ? NaN : total(org, slice));
        }, 0);
        expect(value).toBeCloseTo(audit.total, 9);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('only hides a slice of n ≥ k when a small group was really derivable, and re-shows only when still safe', () => {
    fc.assert(
      fc.property(organisationArb(4, 3), (org) => {
        const { decisions, steps } = explainSuppression(org.cells, org.slices, org.k);
        const hidden = new Set(
          org.slices.filter((slice) => total(org, slice) < org.k).map((slice) => slice.id),
        );
        const visible = (): Slice[] => org.slices.filter((slice) => !hidden.has(slice.id));
        for (const step of steps) {
          if (step.kind === 'HIDE') {
            const leaks = linearAttack(org.cells, visible(), org.k, true).map((leak) =>
              leak.cellIds.join('+'),
            );
            expect(step.protectedTotal).not.toBeNull();
            expect(leaks).toContain(step.protectedCellIds.join('+'));
            hidden.add(step.sliceId);
          } else {
            expect(hidden.has(step.sliceId)).toBe(true);
            hidden.delete(step.sliceId);
            expect(linearAttack(org.cells, visible(), org.k, true)).toEqual([]);
          }
        }
        expect(visible().map((slice) => slice.id)).toEqual(
          shownSlices(org, decisions).map((slice) => slice.id),
        );
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it('is deterministic and independent of the order of cells and slices', () => {
    fc.assert(
      fc.property(
        organisationArb(4, 3).chain((org) =>
          fc.record({
            org: fc.constant(org),
            cellOrder: fc.shuffledSubarray(org.cells, { minLength: org.cells.length }),
            sliceOrder: fc.shuffledSubarray(org.slices, { minLength: org.slices.length }),
          }),
        ),
        ({ org, cellOrder, sliceOrder }) => {
          const reference = suppress(org.cells, org.slices, org.k);
          const shuffled = suppress(cellOrder, sliceOrder, org.k);
          for (const slice of org.slices) expect(shuffled.get(slice.id)).toEqual(reference.get(slice.id));
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });

  it('stays safe when the exact search gives up early (fail closed)', () => {
    fc.assert(
      fc.property(organisationArb(4, 3), (org) => {
        const decisions = suppress(org.cells, org.slices, org.k, { searchBudget: 2 });
        expect(linearAttack(org.cells, shownSlices(org, decisions), org.k, true)).toEqual([]);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});
