import { evaluateGate, Gate, GateEffect, GateOperator, gateOperatorSymbol, validateGate } from './gates';

const NPS_GATE: Gate = {
  id: 'nps-floor',
  label: { en: 'Customer NPS', fr: 'NPS client' },
  metricKey: 'customerNps',
  operator: GateOperator.GTE,
  threshold: 20,
  effect: GateEffect.ZERO_PAYOUT,
};

describe('gates', () => {
  it.each([
    [GateOperator.GTE, 20, true],
    [GateOperator.GTE, 19.99, false],
    [GateOperator.GT, 20, false],
    [GateOperator.GT, 20.01, true],
    [GateOperator.LTE, 20, true],
    [GateOperator.LTE, 21, false],
    [GateOperator.LT, 20, false],
    [GateOperator.LT, 19, true],
  ])('%s 20 with value %p → passed %p', (operator, value, passed) => {
    expect(evaluateGate({ ...NPS_GATE, operator }, value).passed).toBe(passed);
  });

  it('a missing value fails the gate', () => {
    expect(evaluateGate(NPS_GATE, null)).toEqual({ gateId: 'nps-floor', passed: false, value: null });
    expect(evaluateGate(NPS_GATE, undefined).passed).toBe(false);
  });

  it('reports the tested value as a decimal string', () => {
    expect(evaluateGate(NPS_GATE, '35.50')).toEqual({ gateId: 'nps-floor', passed: true, value: '35.5' });
  });

  it('a component gate must name its component', () => {
    expect(() => validateGate({ ...NPS_GATE, effect: GateEffect.ZERO_COMPONENT })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() =>
      validateGate({ ...NPS_GATE, effect: GateEffect.ZERO_COMPONENT, componentId: 'csat' }),
    ).not.toThrow();
    expect(() => validateGate({ ...NPS_GATE, threshold: 'high' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('has display symbols', () => {
    expect(
      [GateOperator.GTE, GateOperator.GT, GateOperator.LTE, GateOperator.LT].map(gateOperatorSymbol),
    ).toEqual(['≥', '>', '≤', '<']);
  });
});
