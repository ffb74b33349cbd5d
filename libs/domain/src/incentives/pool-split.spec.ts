import fc from 'fast-check';
import { PoolSplitMethod, splitPool } from './pool-split';
import { Dec, decimalText } from './money';

describe('splitPool', () => {
  it('equal split of €1,000.00 among three: 333.34 + 333.33 + 333.33', () => {
    const shares = splitPool('1000.00', [{ id: 'ana' }, { id: 'ben' }, { id: 'cho' }], PoolSplitMethod.EQUAL);
    expect(shares.map((s) => s.amount)).toEqual(['333.34', '333.33', '333.33']);
  });

  it('the tie-break is by member id, not input order', () => {
    const shares = splitPool('1000.00', [{ id: 'cho' }, { id: 'ben' }, { id: 'ana' }], PoolSplitMethod.EQUAL);
    expect(shares).toEqual([
      { memberId: 'cho', weight: '1', amount: '333.33' },
      { memberId: 'ben', weight: '1', amount: '333.33' },
      { memberId: 'ana', weight: '1', amount: '333.34' },
    ]);
  });

  it('by FTE', () => {
    const shares = splitPool(
      '900.00',
      [
        { id: 'a', fte: 1 },
        { id: 'b', fte: '0.5' },
      ],
      PoolSplitMethod.BY_FTE,
    );
    expect(shares.map((s) => s.amount)).toEqual(['600.00', '300.00']);
  });

  it('by base salary', () => {
    const shares = splitPool(
      '100.00',
      [
        { id: 'a', baseSalary: '30000.00' },
        { id: 'b', baseSalary: '45000.00' },
        { id: 'c', baseSalary: '45000.00' },
      ],
      PoolSplitMethod.BY_BASE_SALARY,
    );
    // exact 25, 37.5, 37.5 → cents: 2500, 3750, 3750
    expect(shares.map((s) => s.amount)).toEqual(['25.00', '37.50', '37.50']);
  });

  it('rejects missing weights, zero total weight, duplicates, no members and bad pools', () => {
    expect(() => splitPool('10.00', [{ id: 'a' }], PoolSplitMethod.BY_FTE)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
    expect(() => splitPool('10.00', [{ id: 'a' }], PoolSplitMethod.BY_BASE_SALARY)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
    expect(() => splitPool('10.00', [{ id: 'a', fte: 0 }], PoolSplitMethod.BY_FTE)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
    expect(() => splitPool('10.00', [{ id: 'a' }, { id: 'a' }], PoolSplitMethod.EQUAL)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
    expect(() => splitPool('10.00', [], PoolSplitMethod.EQUAL)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
    expect(() => splitPool('10.001', [{ id: 'a' }], PoolSplitMethod.EQUAL)).toThrow(
      expect.objectContaining({ code: 'INVALID_MONEY' }),
    );
    expect(() => splitPool('10.00', [{ id: 'a', fte: 2 }], PoolSplitMethod.BY_FTE)).toThrow(
      expect.objectContaining({ code: 'INVALID_FTE' }),
    );
    expect(() => splitPool('10.00', [{ id: 'a' }], 'RANDOM' as PoolSplitMethod)).toThrow(
      expect.objectContaining({ code: 'INVALID_POOL' }),
    );
  });

  it('property: the split sums exactly to the pool, whatever the method', () => {
    const method = fc.constantFrom(
      PoolSplitMethod.EQUAL,
      PoolSplitMethod.BY_FTE,
      PoolSplitMethod.BY_BASE_SALARY,
    );
    const member = fc.record({
      fte: fc.integer({ min: 1, max: 100 }),
      salaryCents: fc.integer({ min: 1, max: 20_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(member, { minLength: 1, maxLength: 25 }),
        method,
        (cents, ms, m) => {
          const pool = decimalText(new Dec(cents).dividedBy(100), 2);
          const members = ms.map((x, i) => ({
            id: `p${i}`,
            fte: new Dec(x.fte).dividedBy(100),
            baseSalary: new Dec(x.salaryCents).dividedBy(100),
          }));
          const shares = splitPool(pool, members, m);
          const sum = shares.reduce((s, x) => s.plus(x.amount), new Dec(0));
          expect(decimalText(sum, 2)).toBe(pool);
          shares.forEach((s) => expect(/^\d+\.\d{2}$/.test(s.amount)).toBe(true));
        },
      ),
    );
  });
});
