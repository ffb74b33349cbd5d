import { assertReportingThreshold } from './confidentiality';
import { SurveyRuleError } from './errors';

/**
 * Small-cell suppression with protection against differencing.
 *
 * Model: the respondents one viewer can see are partitioned into disjoint atomic cells (e.g. team × tenure bucket),
 * each with a count. Every slice the viewer may look at is a union of cells. A slice is shown only if its count is at
 * least k AND no non-empty group of 1..k-1 respondents can be computed exactly from the shown counts by any linear
 * combination (sums, differences, inclusion–exclusion, rational coefficients) — even by an attacker who also knows which
 * cells are empty. See libs/surveys/README.md for the exact guarantee.
 */

/** An atomic, disjoint group of respondents and how many there are. */
export interface Cell {
  readonly id: string;
  readonly count: number;
}

/** Something a viewer may look at (org, team, team × tenure…): a union of cells. */
export interface Slice {
  readonly id: string;
  readonly cellIds: readonly string[];
}

export type SuppressionReason = 'BELOW_THRESHOLD' | 'COMPLEMENTARY';

/** Decision for one slice. A hidden slice must expose neither its n nor any statistic. */
export type SuppressionDecision =
  | { readonly shown: true; readonly n: number; readonly reason?: undefined }
  | { readonly shown: false; readonly reason: SuppressionReason };

export interface SuppressionOptions {
  /**
   * Nodes the exact disclosure search may visit per audit before giving up; when it gives up, a slice is hidden anyway
   * (fail closed), so the guarantee holds but more may be hidden than strictly needed. Default 200 000.
   */
  readonly searchBudget?: number;
  /**
   * 'auto' (default): exact integer arithmetic on doubles, redone with BigInt if a value leaves the safe-integer range.
   * 'bigint': BigInt throughout (slower; same results).
   */
  readonly arithmetic?: 'auto' | 'bigint';
}

/** A group of respondents an attacker can count exactly, and how (coefficients of shown slices). */
export interface Disclosure {
  readonly cellIds: readonly string[];
  readonly total: number;
  readonly combination: ReadonlyArray<{ readonly sliceId: string; readonly coefficient: number }>;
}

export type DisclosureAudit =
  | { readonly status: 'SAFE' }
  | ({ readonly status: 'DISCLOSED' } & Disclosure)
  | { readonly status: 'UNDECIDED' };

const DEFAULT_SEARCH_BUDGET = 200_000;

// ---------------------------------------------------------------------------------------------------------------
// Exact integer arithmetic: fast path on doubles (every result checked to be a safe integer), exact BigInt fallback.

class ArithmeticOverflow extends Error {}
class SearchBudgetExceeded extends Error {}

interface IntegerOps<T> {
  readonly zero: T;
  of(value: number): T;
  isZero(a: T): boolean;
  isNegative(a: T): boolean;
  equals(a: T, b: T): boolean;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** Exact division (b divides a). */
  div(a: T, b: T): T;
  /** Non-negative gcd. */
  gcd(a: T, b: T): T;
  lessOrEqual(a: T, b: T): boolean;
  isOne(a: T): boolean;
  toNumber(a: T): number;
}

function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new ArithmeticOverflow();
  return value === 0 ? 0 : value;
}

const numberOps: IntegerOps<number> = {
  zero: 0,
  of: (value) => value,
  isZero: (a) => a === 0,
  isNegative: (a) => a < 0,
  equals: (a, b) => a === b,
  add: (a, b) => safe(a + b),
  sub: (a, b) => safe(a - b),
  mul: (a, b) => safe(a * b),
  neg: (a) => safe(-a),
  div: (a, b) => safe(a / b),
  gcd: (a, b) => {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  },
  lessOrEqual: (a, b) => a <= b,
  isOne: (a) => a === 1,
  toNumber: (a) => a,
};

const bigintOps: IntegerOps<bigint> = {
  zero: 0n,
  of: (value) => BigInt(value),
  isZero: (a) => a === 0n,
  isNegative: (a) => a < 0n,
  equals: (a, b) => a === b,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  neg: (a) => -a,
  div: (a, b) => a / b,
  gcd: (a, b) => {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  },
  lessOrEqual: (a, b) => a <= b,
  isOne: (a) => a === 1n,
  toNumber: (a) => Number(a),
};

// ---------------------------------------------------------------------------------------------------------------
// Validated, canonically ordered problem.

interface PreparedCell {
  readonly id: string;
  readonly count: number;
}

interface PreparedSlice {
  readonly id: string;
  /** Indexes into the prepared (id-sorted) cell list, ascending, de-duplicated. */
  readonly cells: readonly number[];
  readonly n: number;
}

interface Prepared {
  readonly cells: readonly PreparedCell[];
  /** Sorted by id, so decisions do not depend on input order. */
  readonly slices: readonly PreparedSlice[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function prepare(cells: readonly Cell[], slices: readonly Slice[]): Prepared {
  const sortedCells = [...cells].sort((a, b) => compareIds(a.id, b.id));
  const cellIndex = new Map<string, number>();
  sortedCells.forEach((cell, index) => {
    if (typeof cell.id !== 'string' || cell.id.length === 0) {
      throw new SurveyRuleError('INVALID_CELL', 'Cell ids must be non-empty strings');
    }
    if (cellIndex.has(cell.id))
      throw new SurveyRuleError('INVALID_CELL', `Cell "${cell.id}" is listed twice`);
    if (!Number.isSafeInteger(cell.count) || cell.count < 0) {
      throw new SurveyRuleError('INVALID_CELL', `Cell "${cell.id}" count must be a non-negative integer`, {
        cellId: cell.id,
        count: cell.count,
      });
    }
    cellIndex.set(cell.id, index);
  });
  const seen = new Set<string>();
  const prepared = [...slices]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((slice): PreparedSlice => {
      if (typeof slice.id !== 'string' || slice.id.length === 0) {
        throw new SurveyRuleError('INVALID_SLICE', 'Slice ids must be non-empty strings');
      }
      if (seen.has(slice.id))
        throw new SurveyRuleError('INVALID_SLICE', `Slice "${slice.id}" is listed twice`);
      seen.add(slice.id);
      const members = new Set<number>();
      for (const cellId of slice.cellIds) {
        const index = cellIndex.get(cellId);
        if (index === undefined) {
          throw new SurveyRuleError(
            'INVALID_SLICE',
            `Slice "${slice.id}" refers to unknown cell "${cellId}"`,
            {
              sliceId: slice.id,
              cellId,
            },
          );
        }
        members.add(index);
      }
      const memberList = [...members].sort((a, b) => a - b);
      const n = memberList.reduce((sum, index) => sum + sortedCells[index].count, 0);
      if (!Number.isSafeInteger(n))
        throw new SurveyRuleError('INVALID_SLICE', `Slice "${slice.id}" total is too large`);
      return { id: slice.id, cells: memberList, n };
    });
  return { cells: sortedCells, slices: prepared };
}

// ---------------------------------------------------------------------------------------------------------------
// Audit: is there a non-empty group of non-empty cells with total in [1, k-1] whose indicator vector lies in the span
// of the shown slices (projected onto non-empty cells)?

type AuditOutcome =
  | { readonly kind: 'SAFE' }
  | {
      readonly kind: 'DISCLOSED';
      readonly cells: readonly number[];
      readonly total: number;
      /** Coefficient of each shown slice (by position in `shown`), as numerator / denominator. */
      readonly numerators: readonly number[];
      readonly denominator: number;
    }
  | { readonly kind: 'UNDECIDED'; readonly involved: readonly number[] };

interface Atom {
  readonly cells: number[];
  count: number;
  readonly signature: readonly number[];
}

interface Engine {
  /** Looks for a derivable group of 1..k-1 respondents among the slices still shown. */
  audit(budget: number): AuditOutcome;
  /** Stops showing the slice at `position` (in the initial `shown` list). */
  remove(position: number): void;
  /** Shows again a slice previously removed. */
  restore(position: number): void;
}

/**
 * Keeps the shown slices as a matrix (rows = slices, columns = atoms) in reduced row echelon form, each row tracked as
 * a combination of the original slices, so that hiding a slice is a cheap down-date rather than a new elimination.
 */
function createEngine<T>(
  ops: IntegerOps<T>,
  cells: readonly PreparedCell[],
  shown: readonly PreparedSlice[],
  k: number,
): Engine {
  // 1. Atoms: non-empty cells grouped by which shown slices contain them. Empty cells are dropped: that is the same as
  //    assuming the attacker knows they are empty, which can only make the attacker stronger. Cells no shown slice
  //    covers can never be isolated and are dropped too.
  const signatures = new Map<number, number[]>();
  shown.forEach((slice, position) => {
    for (const cell of slice.cells) {
      if (cells[cell].count === 0) continue;
      const signature = signatures.get(cell);
      if (signature === undefined) signatures.set(cell, [position]);
      else signature.push(position);
    }
  });
  const atomsByKey = new Map<string, Atom>();
  for (const cell of [...signatures.keys()].sort((a, b) => a - b)) {
    const signature = signatures.get(cell) ?? [];
    const key = signature.join(',');
    const atom = atomsByKey.get(key);
    if (atom === undefined) atomsByKey.set(key, { cells: [cell], count: cells[cell].count, signature });
    else {
      atom.cells.push(cell);
      atom.count += cells[cell].count;
    }
  }
  const allAtoms = [...atomsByKey.values()];
  // Atoms with ≥ k respondents can never be part of a group of fewer than k. Their columns go first, so the rows whose
  // pivot lies among the small atoms span exactly the combinations that avoid every big atom.
  const big = allAtoms.filter((atom) => atom.count >= k);
  const small = allAtoms.filter((atom) => atom.count < k);
  if (small.length === 0)
    return { audit: () => ({ kind: 'SAFE' }), remove: () => undefined, restore: () => undefined };
  const firstSmall = big.length;
  const width = allAtoms.length;
  const sliceCount = shown.length;
  const one = ops.of(1);

  let rows: T[][] = Array.from({ length: sliceCount }, () => new Array<T>(width).fill(ops.zero));
  let combos: T[][] = Array.from({ length: sliceCount }, (_, r) => {
    const combo = new Array<T>(sliceCount).fill(ops.zero);
    combo[r] = one;
    return combo;
  });
  [...big, ...small].forEach((atom, column) => {
    for (const position of atom.signature) rows[position][column] = one;
  });
  let pivotColumns: number[] = [];

  const normalize = (r: number): void => {
    let g = ops.zero;
    for (const value of rows[r]) if (!ops.isZero(value)) g = ops.gcd(g, value);
    for (const value of combos[r]) if (!ops.isZero(value)) g = ops.gcd(g, value);
    if (ops.isZero(g) || ops.isOne(g)) return;
    rows[r] = rows[r].map((value) => ops.div(value, g));
    combos[r] = combos[r].map((value) => ops.div(value, g));
  };
  // row_r ← a·row_r − b·row_s (same on the combination), then reduce by the gcd when a ≠ 1 may have scaled it.
  const combine = (r: number, a: T, b: T, s: number): void => {
    const row = rows[r];
    const combo = combos[r];
    const other = rows[s];
    const otherCombo = combos[s];
    const scaled = !ops.isOne(a);
    for (let c = 0; c < width; c++) {
      row[c] = scaled
        ? ops.sub(ops.mul(row[c], a), ops.mul(other[c], b))
        : ops.sub(row[c], ops.mul(other[c], b));
    }
    for (let c = 0; c < sliceCount; c++) {
      combo[c] = scaled
        ? ops.sub(ops.mul(combo[c], a), ops.mul(otherCombo[c], b))
        : ops.sub(combo[c], ops.mul(otherCombo[c], b));
    }
    if (scaled) normalize(r);
  };

  // 2. Gauss–Jordan elimination, fraction-free. Cheap on a matrix that is already nearly reduced.
  //    Columns before `startColumn` must already be reduced, with pivots in rows 0..startRank-1.
  const reduce = (startColumn: number, startRank: number): void => {
    pivotColumns = pivotColumns.slice(0, startRank);
    let rank = startRank;
    for (let column = startColumn; column < width && rank < rows.length; column++) {
      let found = -1;
      for (let r = rank; r < rows.length; r++) {
        if (!ops.isZero(rows[r][column])) {
          found = r;
          break;
        }
      }
      if (found < 0) continue;
      if (found !== rank) {
        [rows[rank], rows[found]] = [rows[found], rows[rank]];
        [combos[rank], combos[found]] = [combos[found], combos[rank]];
      }
      if (ops.isNegative(rows[rank][column])) {
        rows[rank] = rows[rank].map((value) => ops.neg(value));
        combos[rank] = combos[rank].map((value) => ops.neg(value));
      }
      const pivot = rows[rank][column];
      for (let r = 0; r < rows.length; r++) {
        if (r === rank || ops.isZero(rows[r][column])) continue;
        combine(r, pivot, rows[r][column], rank);
      }
      pivotColumns.push(column);
      rank++;
    }
  };
  reduce(0, 0);

  const remove = (position: number): void => {
    // Keep only combinations with a zero coefficient on the removed slice: eliminate that coefficient with one row r0
    // and drop r0. Scanning from the bottom prefers a zero row (a dependency between slices: the span does not change),
    // else the row with the last pivot (least disruption to the echelon form).
    let r0 = -1;
    for (let r = rows.length - 1; r >= 0 && r0 < 0; r--) if (!ops.isZero(combos[r][position])) r0 = r;
    if (r0 < 0) return;
    if (ops.isNegative(combos[r0][position])) {
      rows[r0] = rows[r0].map((value) => ops.neg(value));
      combos[r0] = combos[r0].map((value) => ops.neg(value));
    }
    const a = combos[r0][position];
    for (let r = 0; r < rows.length; r++) {
      if (r === r0 || ops.isZero(combos[r][position])) continue;
      combine(r, a, combos[r][position], r0);
    }
    rows = rows.filter((_, r) => r !== r0);
    combos = combos.filter((_, r) => r !== r0);
    // A zero row only scaled the others: still reduced. Otherwise rows before r0 and columns before its pivot are
    // untouched (r0 was zero there), so elimination resumes at r0's pivot column.
    if (r0 < pivotColumns.length) reduce(pivotColumns[r0], r0);
  };

  const audit = (budget: number): AuditOutcome => {
    // 3. W = span of the rows whose pivot is a small atom: every combination avoiding big atoms. Scale them to a common
    //    pivot value L so that a 0/1 vector in W is (1/L)·(sum of a subset of rows) with every entry in {0, L}.
    const basis: number[] = [];
    pivotColumns.forEach((column, r) => column >= firstSmall && basis.push(r));
    if (basis.length === 0) return { kind: 'SAFE' };
    let lcm = one;
    for (const r of basis) {
      const pivot = rows[r][pivotColumns[r]];
      lcm = ops.mul(lcm, ops.div(pivot, ops.gcd(lcm, pivot)));
    }
    const factors = basis.map((r) => ops.div(lcm, rows[r][pivotColumns[r]]));
    const smallWidth = small.length;
    const sparse = basis.map((r, i) => {
      const columns: number[] = [];
      const values: T[] = [];
      const row = rows[r];
      for (let j = 0; j < smallWidth; j++) {
        const value = row[firstSmall + j];
        if (ops.isZero(value)) continue;
        columns.push(j);
        values.push(ops.mul(value, factors[i]));
      }
      return { columns, values };
    });
    const scaledCombo = (i: number): T[] => combos[basis[i]].map((value) => ops.mul(value, factors[i]));

    // 4. Split the basis into components of rows linked by shared columns. A smallest derivable group only uses rows
    //    of one component: the rows of any other component touch other columns and could be dropped.
    const parent = basis.map((_, i) => i);
    const find = (i: number): number => {
      let root = i;
      while (parent[root] !== root) root = parent[root];
      while (parent[i] !== root) {
        const next = parent[i];
        parent[i] = root;
        i = next;
      }
      return root;
    };
    const firstRowOfColumn = new Array<number>(smallWidth).fill(-1);
    sparse.forEach((row, i) => {
      for (const j of row.columns) {
        if (firstRowOfColumn[j] < 0) firstRowOfColumn[j] = i;
        else parent[find(i)] = find(firstRowOfColumn[j]);
      }
    });
    const components = new Map<number, number[]>();
    basis.forEach((_, i) => {
      const root = find(i);
      const members = components.get(root);
      if (members === undefined) components.set(root, [i]);
      else members.push(i);
    });

    // 5. Depth-first search, per component, for a subset of rows whose sum is a 0/L vector of weight 1..k-1. Including
    //    a row adds its pivot atom (weight ≥ 1), so a branch includes at most k-1 rows. A branch is cut as soon as some
    //    column can no longer end at 0 or L given the signs of the entries still to come. The budget bounds the rest.
    const accumulator = new Array<T>(smallWidth).fill(ops.zero);
    const chosen: number[] = [];
    let nodes = 0;
    const searchComponent = (members: readonly number[]): boolean => {
      // For row p of the component and each of its columns: the least and greatest amount rows after p can still add.
      const restMin: T[][] = members.map((i) => sparse[i].columns.map(() => ops.zero));
      const restMax: T[][] = members.map((i) => sparse[i].columns.map(() => ops.zero));
      const runningMin = new Map<number, T>();
      const runningMax = new Map<number, T>();
      for (let p = members.length - 1; p >= 0; p--) {
        const row = sparse[members[p]];
        row.columns.forEach((j, index) => {
          restMin[p][index] = runningMin.get(j) ?? ops.zero;
          restMax[p][index] = runningMax.get(j) ?? ops.zero;
        });
        row.columns.forEach((j, index) => {
          const value = row.values[index];
          if (ops.isNegative(value)) runningMin.set(j, ops.add(runningMin.get(j) ?? ops.zero, value));
          else runningMax.set(j, ops.add(runningMax.get(j) ?? ops.zero, value));
        });
      }
      const search = (p: number, weight: number): boolean => {
        nodes += 1;
        if (nodes > budget) throw new SearchBudgetExceeded();
        if (p === members.length) return chosen.length > 0;
        const row = sparse[members[p]];
        for (const include of [true, false]) {
          if (include) {
            row.columns.forEach((j, index) => (accumulator[j] = ops.add(accumulator[j], row.values[index])));
            chosen.push(members[p]);
          }
          let nextWeight = weight;
          let feasible = true;
          for (let index = 0; index < row.columns.length && feasible; index++) {
            const j = row.columns[index];
            const value = accumulator[j];
            const low = restMin[p][index];
            const high = restMax[p][index];
            if (ops.isZero(low) && ops.isZero(high)) {
              // Final column: it must be 0 or L.
              if (ops.equals(value, lcm)) nextWeight += small[j].count;
              else if (!ops.isZero(value)) feasible = false;
            } else {
              const min = ops.add(value, low);
              const max = ops.add(value, high);
              const canReachZero = ops.lessOrEqual(min, ops.zero) && ops.lessOrEqual(ops.zero, max);
              const canReachL = ops.lessOrEqual(min, lcm) && ops.lessOrEqual(lcm, max);
              feasible = canReachZero || canReachL;
            }
          }
          if (feasible && nextWeight <= k - 1 && search(p + 1, nextWeight)) return true;
          if (include) {
            row.columns.forEach((j, index) => (accumulator[j] = ops.sub(accumulator[j], row.values[index])));
            chosen.pop();
          }
        }
        return false;
      };
      return search(0, 0);
    };

    let found = false;
    for (const members of components.values()) {
      try {
        found = searchComponent(members);
      } catch (error) {
        if (!(error instanceof SearchBudgetExceeded)) throw error;
        const involved = new Set<number>();
        for (const i of members)
          scaledCombo(i).forEach((value, position) => !ops.isZero(value) && involved.add(position));
        return { kind: 'UNDECIDED', involved: [...involved].sort((a, b) => a - b) };
      }
      if (found) break;
    }
    if (!found) return { kind: 'SAFE' };

    const disclosedCells: number[] = [];
    let total = 0;
    for (let j = 0; j < smallWidth; j++) {
      if (ops.equals(accumulator[j], lcm)) {
        disclosedCells.push(...small[j].cells);
        total += small[j].count;
      }
    }
    const numerators = new Array<T>(sliceCount).fill(ops.zero);
    for (const i of chosen) {
      scaledCombo(i).forEach(
        (value, position) => (numerators[position] = ops.add(numerators[position], value)),
      );
    }
    return {
      kind: 'DISCLOSED',
      cells: disclosedCells.sort((a, b) => a - b),
      total,
      numerators: numerators.map((value) => ops.toNumber(value)),
      denominator: ops.toNumber(lcm),
    };
  };

  const restore = (position: number): void => {
    const row = new Array<T>(width).fill(ops.zero);
    [...big, ...small].forEach((atom, column) => {
      if (atom.signature.includes(position)) row[column] = one;
    });
    const combo = new Array<T>(sliceCount).fill(ops.zero);
    combo[position] = one;
    rows.push(row);
    combos.push(combo);
    // The new row is zero before its first non-zero column, so elimination can resume there.
    const first = row.findIndex((value) => !ops.isZero(value));
    if (first < 0) return;
    const rank = pivotColumns.filter((column) => column < first).length;
    reduce(first, rank);
  };

  return { audit, remove, restore };
}

/** Runs `body` with fast double arithmetic, and again with BigInt if an intermediate value left the safe range. */
function withExactArithmetic<R>(mode: 'auto' | 'bigint', body: <T>(ops: IntegerOps<T>) => R): R {
  if (mode === 'bigint') return body(bigintOps);
  try {
    return body(numberOps);
  } catch (error) {
    if (!(error instanceof ArithmeticOverflow)) throw error;
    return body(bigintOps);
  }
}

type Step =
  | {
      readonly kind: 'HIDE';
      /** Position (in `shown`) of the slice hidden at this step. */
      readonly position: number;
      /** Cells of the group that was derivable before this step (empty when the search gave up: UNDECIDED). */
      readonly disclosedCells: readonly number[];
      readonly total: number | null;
    }
  | { readonly kind: 'RESHOW'; readonly position: number };

/**
 * Greedy complementary suppression: while a small group is derivable, hide the smallest slice used by the derivation
 * found. Then a clean-up pass tries to show each hidden slice again, largest first, keeping it only if nothing small
 * becomes derivable (the greedy pass may have hidden a slice that a later choice made unnecessary).
 */
function complementarySuppression(
  cells: readonly PreparedCell[],
  shown: readonly PreparedSlice[],
  k: number,
  budget: number,
  mode: 'auto' | 'bigint',
): Step[] {
  return withExactArithmetic(mode, (ops) => {
    const engine = createEngine(ops, cells, shown, k);
    const steps: Step[] = [];
    const hidden: number[] = [];
    for (;;) {
      const outcome = engine.audit(budget);
      if (outcome.kind === 'SAFE') break;
      const involved =
        outcome.kind === 'UNDECIDED'
          ? outcome.involved
          : outcome.numerators.flatMap((value, position) => (value !== 0 ? [position] : []));
      // Hide the smallest involved slice (ties: smallest id, as `shown` is sorted by id).
      let victim = involved[0];
      for (const position of involved) if (shown[position].n < shown[victim].n) victim = position;
      steps.push(
        outcome.kind === 'DISCLOSED'
          ? { kind: 'HIDE', position: victim, disclosedCells: outcome.cells, total: outcome.total }
          : { kind: 'HIDE', position: victim, disclosedCells: [], total: null },
      );
      hidden.push(victim);
      engine.remove(victim);
    }
    const largestFirst = [...hidden].sort((a, b) => shown[b].n - shown[a].n || a - b);
    for (const position of largestFirst) {
      engine.restore(position);
      if (engine.audit(budget).kind === 'SAFE') steps.push({ kind: 'RESHOW', position });
      else engine.remove(position);
    }
    return steps;
  });
}

function resolveArithmetic(options: SuppressionOptions): 'auto' | 'bigint' {
  const mode = options.arithmetic ?? 'auto';
  if (mode !== 'auto' && mode !== 'bigint') {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'arithmetic must be "auto" or "bigint"', {
      arithmetic: mode,
    });
  }
  return mode;
}

function resolveBudget(options: SuppressionOptions): number {
  const budget = options.searchBudget ?? DEFAULT_SEARCH_BUDGET;
  if (!Number.isSafeInteger(budget) || budget < 1) {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'searchBudget must be a positive integer', {
      searchBudget: budget,
    });
  }
  return budget;
}

/**
 * Decides which slices ONE viewer may see: hides slices with n < k (BELOW_THRESHOLD), then repeatedly hides the
 * smallest shown slice involved in an exact derivation of a group of 1..k-1 respondents (COMPLEMENTARY) until no such
 * derivation exists, then shows again, largest first, any of those whose return creates no derivation. Deterministic and independent of input order. Throws SurveyRuleError on malformed input or k < 3.
 */
export function suppress(
  cells: readonly Cell[],
  slices: readonly Slice[],
  k: number,
  options: SuppressionOptions = {},
): Map<string, SuppressionDecision> {
  return explainSuppression(cells, slices, k, options).decisions;
}

/** One step of complementary suppression, for tests and internal audit logs. */
export type SuppressionStep =
  | {
      readonly kind: 'HIDE';
      readonly sliceId: string;
      /** The group of 1..k-1 respondents that was derivable before this step; empty if the search gave up. */
      readonly protectedCellIds: readonly string[];
      readonly protectedTotal: number | null;
    }
  | { readonly kind: 'RESHOW'; readonly sliceId: string };

/**
 * @internal Same as {@link suppress}, plus the ordered complementary steps and the group each one protected. The steps
 * describe small groups, so they are for tests and internal audit logs only — never for report viewers.
 */
export function explainSuppression(
  cells: readonly Cell[],
  slices: readonly Slice[],
  k: number,
  options: SuppressionOptions = {},
): { decisions: Map<string, SuppressionDecision>; steps: SuppressionStep[] } {
  assertReportingThreshold(k);
  const budget = resolveBudget(options);
  const problem = prepare(cells, slices);
  const hidden = new Map<string, SuppressionReason>();
  for (const slice of problem.slices) if (slice.n < k) hidden.set(slice.id, 'BELOW_THRESHOLD');
  const candidates = problem.slices.filter((slice) => !hidden.has(slice.id));
  const steps = complementarySuppression(
    problem.cells,
    candidates,
    k,
    budget,
    resolveArithmetic(options),
  ).map((step): SuppressionStep => {
    const sliceId = candidates[step.position].id;
    if (step.kind === 'RESHOW') {
      hidden.delete(sliceId);
      return { kind: 'RESHOW', sliceId };
    }
    hidden.set(sliceId, 'COMPLEMENTARY');
    return {
      kind: 'HIDE',
      sliceId,
      protectedCellIds: step.disclosedCells.map((index) => problem.cells[index].id),
      protectedTotal: step.total,
    };
  });

  const decisions = new Map<string, SuppressionDecision>();
  const byId = new Map(problem.slices.map((slice) => [slice.id, slice]));
  for (const slice of slices) {
    const reason = hidden.get(slice.id);
    decisions.set(
      slice.id,
      reason === undefined ? { shown: true, n: byId.get(slice.id)?.n ?? 0 } : { shown: false, reason },
    );
  }
  return { decisions, steps };
}

/**
 * Audits slices that are all meant to be shown: returns a group of 1..k-1 respondents (and the combination of shown
 * counts revealing it) if one exists, SAFE otherwise, UNDECIDED if the search budget ran out. Slices with n < k are
 * audited as given (they count as shown).
 */
export function auditDisclosure(
  cells: readonly Cell[],
  shownSlices: readonly Slice[],
  k: number,
  options: SuppressionOptions = {},
): DisclosureAudit {
  assertReportingThreshold(k);
  const budget = resolveBudget(options);
  const problem = prepare(cells, shownSlices);
  const outcome = withExactArithmetic(resolveArithmetic(options), (ops) =>
    createEngine(ops, problem.cells, problem.slices, k).audit(budget),
  );
  if (outcome.kind === 'SAFE') return { status: 'SAFE' };
  if (outcome.kind === 'UNDECIDED') return { status: 'UNDECIDED' };
  return {
    status: 'DISCLOSED',
    cellIds: outcome.cells.map((index) => problem.cells[index].id),
    total: outcome.total,
    combination: outcome.numerators.flatMap((numerator, position) =>
      numerator === 0
        ? []
        : [{ sliceId: problem.slices[position].id, coefficient: numerator / outcome.denominator }],
    ),
  };
}
