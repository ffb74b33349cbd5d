/**
 * Test-only attackers for the suppression property tests (not exported from the package). They are written
 * independently of suppression.ts: exact rational arithmetic on BigInt fractions and brute force over every group of
 * cells, so they are only meant for small organisations (≤ 16 cells).
 */

export interface AttackCell {
  readonly id: string;
  readonly count: number;
}

export interface AttackSlice {
  readonly id: string;
  readonly cellIds: readonly string[];
}

export interface Leak {
  /** Cells of the derived group. */
  readonly cellIds: readonly string[];
  /** Its exact total, between 1 and k-1. */
  readonly total: number;
}

interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new Error('division by zero');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

const ZERO = fraction(0n);
const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);
const div = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den, a.den * b.num);
const isZero = (a: Fraction): boolean => a.num === 0n;

/** Reduced row echelon form over the rationals; returns the non-zero rows and their pivot columns. */
function rref(matrix: Fraction[][], width: number): { rows: Fraction[][]; pivots: number[] } {
  const rows = matrix.map((row) => [...row]);
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < width && rank < rows.length; column++) {
    const found = rows.findIndex((row, index) => index >= rank && !isZero(row[column]));
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found], rows[rank]];
    const pivot = rows[rank][column];
    rows[rank] = rows[rank].map((value) => div(value, pivot));
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || isZero(rows[r][column])) continue;
      const factor = rows[r][column];
      rows[r] = rows[r].map((value, c) => sub(value, mul(factor, rows[rank][c])));
    }
    pivots.push(column);
    rank++;
  }
  return { rows: rows.slice(0, rank), pivots };
}

/** Integer basis of the null space of `matrix` (vectors v with row·v = 0 for every row). */
function nullSpace(matrix: Fraction[][], width: number): number[][] {
  const { rows, pivots } = rref(matrix, width);
  const free = Array.from({ length: width }, (_, c) => c).filter((c) => !pivots.includes(c));
  return free.map((f) => {
    const vector: Fraction[] = new Array<Fraction>(width).fill(ZERO);
    vector[f] = fraction(1n);
    rows.forEach((row, i) => (vector[pivots[i]] = fraction(-row[f].num, row[f].den)));
    let lcm = 1n;
    for (const value of vector) lcm = (lcm * value.den) / gcd(lcm, value.den);
    return vector.map((value) => Number((value.num * lcm) / value.den));
  });
}

/**
 * Linear attacker: every group of cells whose total is a rational linear combination of shown totals (it lies in the
 * span of the shown slices), with 1 ≤ total ≤ k-1. With `knowsEmptyCells`, the attacker also knows which cells are
 * empty (adds "this cell is 0" equations). Exhaustive over all 2^cells groups.
 */
export function linearAttack(
  cells: readonly AttackCell[],
  shown: readonly AttackSlice[],
  k: number,
  knowsEmptyCells: boolean,
): Leak[] {
  const width = cells.length;
  if (width > 16) throw new Error('linearAttack is exhaustive: at most 16 cells');
  const index = new Map(cells.map((cell, i) => [cell.id, i]));
  const matrix: Fraction[][] = shown.map((slice) => {
    const row: Fraction[] = new Array<Fraction>(width).fill(ZERO);
    for (const id of slice.cellIds) row[index.get(id) ?? -1] = fraction(1n);
    return row;
  });
  if (knowsEmptyCells) {
    cells.forEach((cell, i) => {
      if (cell.count !== 0) return;
      const row: Fraction[] = new Array<Fraction>(width).fill(ZERO);
      row[i] = fraction(1n);
      matrix.push(row);
    });
  }
  // A group U is derivable iff its indicator vector is orthogonal to the null space of the shown matrix.
  const kernel = nullSpace(matrix, width);
  const subsets = 1 << width;
  const dots = kernel.map(() => new Float64Array(subsets));
  const totals = new Float64Array(subsets);
  const leaks: Leak[] = [];
  for (let mask = 1; mask < subsets; mask++) {
    const low = mask & -mask;
    const bit = 31 - Math.clz32(low);
    const rest = mask ^ low;
    totals[mask] = totals[rest] + cells[bit].count;
    let derivable = true;
    kernel.forEach((vector, v) => {
      dots[v][mask] = dots[v][rest] + vector[bit];
      if (dots[v][mask] !== 0) derivable = false;
    });
    if (derivable && totals[mask] >= 1 && totals[mask] <= k - 1) {
      leaks.push({
        cellIds: cells.filter((_, i) => (mask >> i) & 1).map((cell) => cell.id),
        total: totals[mask],
      });
    }
  }
  return leaks;
}

/**
 * Set-algebra attacker, the way a person with a spreadsheet would work: start from shown slices and repeatedly derive
 * nested differences (A ⊇ B → A∖B), disjoint unions (A ∩ B = ∅ → A ∪ B) and inclusion–exclusion (A, B, A∩B known →
 * A∪B; A, B, A∪B known → A∩B), until nothing new appears. Works on cell bit masks (≤ 16 cells).
 */
export function setAlgebraAttack(
  cells: readonly AttackCell[],
  shown: readonly AttackSlice[],
  k: number,
): Leak[] {
  const width = cells.length;
  if (width > 16) throw new Error('setAlgebraAttack works on at most 16 cells');
  const index = new Map(cells.map((cell, i) => [cell.id, i]));
  const totalOf = (mask: number): number =>
    cells.reduce((sum, cell, i) => ((mask >> i) & 1 ? sum + cell.count : sum), 0);
  const known = new Set<number>();
  for (const slice of shown) {
    let mask = 0;
    for (const id of slice.cellIds) mask |= 1 << (index.get(id) ?? 0);
    if (mask !== 0) known.add(mask);
  }
  let frontier = [...known];
  while (frontier.length > 0) {
    const next: number[] = [];
    const add = (mask: number): void => {
      if (mask !== 0 && !known.has(mask)) {
        known.add(mask);
        next.push(mask);
      }
    };
    const all = [...known];
    for (const a of frontier) {
      for (const b of all) {
        if ((a & b) === b) add(a & ~b);
        if ((a & b) === a) add(b & ~a);
        if ((a & b) === 0) add(a | b);
        if (known.has(a & b)) add(a | b);
        if (known.has(a | b)) add(a & b);
      }
    }
    frontier = next;
  }
  return [...known]
    .filter((mask) => {
      const total = totalOf(mask);
      return total >= 1 && total <= k - 1;
    })
    .map((mask) => ({
      cellIds: cells.filter((_, i) => (mask >> i) & 1).map((cell) => cell.id),
      total: totalOf(mask),
    }));
}
