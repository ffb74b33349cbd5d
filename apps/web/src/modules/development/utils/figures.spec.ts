import { amountValue, autonomySeries, decisionFields, figureDelta, widestLimit } from './figures';

describe('development figures', () => {
  it('computes deltas only when both sides are known', () => {
    expect(figureDelta(60, 50)).toBe(10);
    expect(figureDelta(null, 50)).toBeNull();
    expect(figureDelta(60, null)).toBeNull();
  });

  it('builds chart rows rounded to a decimal, gaps kept', () => {
    expect(
      autonomySeries(
        [
          { month: '2026-10', settledWithoutEscalationPercent: 61.234, organizationPercent: 55 },
          { month: '2026-11', settledWithoutEscalationPercent: null, organizationPercent: 56.04 },
        ],
        (m) => m.slice(5),
      ),
    ).toEqual([
      { month: '10', own: 61.2, organization: 55 },
      { month: '11', own: null, organization: 56 },
    ]);
  });

  it('asks for the escalation or the justification by kind', () => {
    expect(decisionFields('ESCALATED')).toEqual({ escalation: true, justification: false });
    expect(decisionFields('BEYOND_RIGHTS')).toEqual({ escalation: false, justification: true });
    expect(decisionFields('DECIDED_LOCALLY')).toEqual({ escalation: false, justification: false });
  });

  it('picks the widest limit in decimals, none without rights, null when one is unlimited', () => {
    expect(widestLimit([])).toBeUndefined();
    expect(widestLimit(['9.99', '10.00', '100.00'])).toBe('100.00');
    expect(widestLimit(['0.30', '0.29'])).toBe('0.30');
    expect(widestLimit(['50.00', null])).toBeNull();
  });

  it('sends amount fields as decimal strings, never numbers', () => {
    expect(amountValue(' 49,90 ')).toBe('49.90');
    expect(amountValue('10.005')).toBe('10.005');
    expect(amountValue('')).toBeNull();
  });
});
