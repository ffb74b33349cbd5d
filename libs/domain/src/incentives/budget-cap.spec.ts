import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { applyBudgetCap, roundLines } from './budget-cap';
import { Dec, decimalText } from './money';

const lines = (amounts: string[]): { key: string; amount: Decimal }[] =>
  amounts.map((a, i) => ({ key: `l${i}`, amount: new Dec(a) }));

describe('roundLines', () => {
  it('rounds each line half-even to the cent, then sums the rounded lines', () => {
    const r = roundLines(lines(['0.125', '0.135', '0.005', '10']));
    expect(r.lines.map((d) => decimalText(d, 2))).toEqual(['0.12', '0.14', '0.00', '10.00']);
    expect(decimalText(r.total, 2)).toBe('10.26');
  });

  it('rejects negative lines', () => {
    expect(() => roundLines(lines(['-1']))).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });
});

describe('applyBudgetCap', () => {
  it('leaves lines alone within budget', () => {
    const r = applyBudgetCap(lines(['100.00', '50.00']), '150.00');
    expect(r.applied).toBe(false);
    expect(r.lines.map((d) => decimalText(d, 2))).toEqual(['100.00', '50.00']);
    expect(r.scaleFactor.toString()).toBe('1');
  });

  it('scales down proportionally and hits the budget exactly to the cent', () => {
    // 100 + 100 + 100 = 300 over a budget of 200.00: exact 66.666… each → 66.67, 66.67, 66.66
    const r = applyBudgetCap(lines(['100.00', '100.00', '100.00']), '200.00');
    expect(r.applied).toBe(true);
    expect(r.lines.map((d) => decimalText(d, 2))).toEqual(['66.67', '66.67', '66.66']);
    expect(decimalText(r.total, 2)).toBe('200.00');
    expect(decimalText(r.scaleFactor, 6)).toBe('0.666667');
  });

  it('a zero budget zeroes everything', () => {
    const r = applyBudgetCap(lines(['1.00', '2.00']), '0');
    expect(r.lines.every((d) => d.isZero())).toBe(true);
  });

  it('rejects unrounded lines and a bad budget', () => {
    expect(() => applyBudgetCap(lines(['1.001']), '1.00')).toThrow(
      expect.objectContaining({ code: 'INVALID_MONEY' }),
    );
    expect(() => applyBudgetCap(lines(['1.00']), '-1.00')).toThrow(
      expect.objectContaining({ code: 'INVALID_MONEY' }),
    );
  });

  it('property: total ≤ budget (exactly the budget when applied), no line grows, zero stays zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (cents, budgetCents) => {
          const input = cents.map((c, i) => ({ key: `k${i}`, amount: new Dec(c).dividedBy(100) }));
          const budget = new Dec(budgetCents).dividedBy(100);
          const r = applyBudgetCap(input, budget);
          expect(r.total.lte(budget)).toBe(true);
          const sum = r.lines.reduce((s, l) => s.plus(l), new Dec(0));
          expect(sum.eq(r.total)).toBe(true);
          if (r.applied) expect(r.total.eq(budget)).toBe(true);
          r.lines.forEach((l, i) => {
            const before = input[i]?.amount as Decimal;
            expect(l.lte(before)).toBe(true);
            expect(l.decimalPlaces()).toBeLessThanOrEqual(2);
            if (before.isZero()) expect(l.isZero()).toBe(true);
          });
        },
      ),
    );
  });
});
