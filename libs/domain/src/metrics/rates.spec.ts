import { ratePer100, retentionRate } from './rates';

describe('ratePer100', () => {
  it('scales events to a population of 100', () => {
    expect(ratePer100(3, 60)).toBe(5);
    expect(ratePer100(0, 10)).toBe(0);
  });

  it('rejects a zero or negative population and negative events', () => {
    expect(() => ratePer100(1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => ratePer100(-1, 10)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('retentionRate', () => {
  it('is the share of the starting headcount still present', () => {
    expect(retentionRate({ headcountStart: 200, leavers: 15 })).toBe(92.5);
    expect(retentionRate({ headcountStart: 10, leavers: 0 })).toBe(100);
    expect(retentionRate({ headcountStart: 10, leavers: 10 })).toBe(0);
  });

  it('rejects an empty start headcount and more leavers than people', () => {
    expect(() => retentionRate({ headcountStart: 0, leavers: 0 })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
    expect(() => retentionRate({ headcountStart: 5, leavers: 6 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
