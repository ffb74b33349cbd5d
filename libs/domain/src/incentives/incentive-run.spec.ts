import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { GateEffect, GateOperator } from './gates';
import { computeIncentiveRun, IncentiveParticipant, IncentivePlan, IncentiveRunInput } from './incentive-run';
import { LineStatus } from './line-explanation';
import { Dec, decimalText } from './money';

const PLAN: IncentivePlan = {
  id: 'plan-2026',
  currency: 'EUR',
  period: { start: '2026-01-01', end: '2026-12-31' },
  minimumEligibleDays: 30,
  components: [
    {
      id: 'team-csat',
      label: { en: 'Team customer CSAT', fr: 'CSAT client de l’équipe' },
      metricKey: 'teamCsat',
      weightPercent: 40,
      curve: { threshold: { x: 70, payoutPercent: 0 }, target: 80, cap: { x: 95, payoutPercent: 200 } },
    },
    {
      id: 'commitments',
      label: { en: 'Commitments kept', fr: 'Engagements tenus' },
      metricKey: 'commitmentsKept',
      weightPercent: 60,
      curve: { threshold: { x: 80, payoutPercent: 50 }, target: 90, cap: { x: 100, payoutPercent: 150 } },
    },
  ],
};

const ANA: IncentiveParticipant = {
  id: 'ana',
  targetPay: '1000.00',
  fte: '0.5',
  metrics: { teamCsat: 84, commitmentsKept: 90 },
};

describe('computeIncentiveRun', () => {
  it('computes lines, totals and explanations', () => {
    const run = computeIncentiveRun({ plan: PLAN, participants: [ANA] });
    expect(run.lines).toHaveLength(2);
    const [csat, commitments] = run.lines;
    // 1000 × 126.666…% × 40% × 0.5 = 253.333… → 253.33
    expect(csat).toMatchObject({
      participantId: 'ana',
      componentId: 'team-csat',
      status: LineStatus.PAID,
      metricValue: '84',
      payoutPercent: '126.666667',
      weightPercent: '40',
      prorationFactor: '0.500000',
      amountBeforeCap: '253.33',
      amount: '253.33',
    });
    expect(csat?.explanation.en).toBe(
      'Team customer CSAT 84 (target 80, cap 95) → 126.7% of target × weight 40% × prorated 0.5 FTE × target pay €1,000.00 = €253.33',
    );
    // 1000 × 100% × 60% × 0.5 = 300.00
    expect(commitments?.amount).toBe('300.00');
    expect(run.participantTotals).toEqual([{ participantId: 'ana', total: '553.33' }]);
    expect(run.total).toBe('553.33');
    expect(run.totalBeforeCap).toBe('553.33');
    expect(run.budget).toBeNull();
    expect(run.budgetApplied).toBe(false);
    expect(run.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rounds each line half-even before summing', () => {
    // 10.25 × 100% × 60% = 6.15 exactly; 10.25 × 100% × 40% = 4.10; try an amount ending in a half cent:
    // 0.05 × 100% × 40% × 0.5 = 0.01 exactly; 0.05 × 100% × 60% × 0.5 = 0.015 → half-even 0.02
    const run = computeIncentiveRun({
      plan: PLAN,
      participants: [{ ...ANA, targetPay: '0.05', metrics: { teamCsat: 80, commitmentsKept: 90 } }],
    });
    expect(run.lines.map((l) => l.amount)).toEqual(['0.01', '0.02']);
    // 0.07 × 60% × 0.5 = 0.021 → 0.02; 0.07 × 40% × 0.5 = 0.014 → 0.01
    const run2 = computeIncentiveRun({
      plan: PLAN,
      participants: [{ ...ANA, targetPay: '0.07', metrics: { teamCsat: 80, commitmentsKept: 90 } }],
    });
    expect(run2.lines.map((l) => l.amount)).toEqual(['0.01', '0.02']);
    expect(run2.total).toBe('0.03');
  });

  it('pays nothing below threshold, on missing data, and to someone below the minimum days', () => {
    const run = computeIncentiveRun({
      plan: PLAN,
      participants: [
        { ...ANA, id: 'low', metrics: { teamCsat: 60, commitmentsKept: null } },
        { ...ANA, id: 'late-joiner', employmentStart: '2026-12-15' },
      ],
    });
    expect(run.lines.map((l) => [l.participantId, l.componentId, l.status, l.amount])).toEqual([
      ['low', 'team-csat', LineStatus.BELOW_THRESHOLD, '0.00'],
      ['low', 'commitments', LineStatus.NO_DATA, '0.00'],
      ['late-joiner', 'team-csat', LineStatus.NOT_ELIGIBLE, '0.00'],
      ['late-joiner', 'commitments', LineStatus.NOT_ELIGIBLE, '0.00'],
    ]);
    expect(run.total).toBe('0.00');
  });

  it('prorates a joiner by days', () => {
    const run = computeIncentiveRun({
      plan: PLAN,
      participants: [
        { ...ANA, fte: 1, employmentStart: '2026-07-01', metrics: { teamCsat: 80, commitmentsKept: 90 } },
      ],
    });
    // 1000 × 184/365 = 504.109589… → lines 201.64 (40%) and 302.47 (60%)
    expect(run.lines.map((l) => l.amount)).toEqual(['201.64', '302.47']);
    expect(run.lines[0]?.explanation.en).toContain('× prorated 1 FTE × 184/365 days ×');
  });

  it('applies gates to one component or to the whole payout', () => {
    const plan: IncentivePlan = {
      ...PLAN,
      gates: [
        {
          id: 'nps-floor',
          label: { en: 'Customer NPS', fr: 'NPS client' },
          metricKey: 'customerNps',
          operator: GateOperator.GTE,
          threshold: 20,
          effect: GateEffect.ZERO_PAYOUT,
        },
        {
          id: 'csat-response',
          label: { en: 'CSAT response rate', fr: 'Taux de réponse CSAT' },
          metricKey: 'csatResponseRate',
          operator: GateOperator.GTE,
          threshold: 30,
          effect: GateEffect.ZERO_COMPONENT,
          componentId: 'team-csat',
        },
      ],
    };
    const run = computeIncentiveRun({
      plan,
      participants: [
        { ...ANA, id: 'a', metrics: { ...ANA.metrics, customerNps: 25, csatResponseRate: 45 } },
        { ...ANA, id: 'b', metrics: { ...ANA.metrics, customerNps: 25, csatResponseRate: 10 } },
        { ...ANA, id: 'c', metrics: { ...ANA.metrics, customerNps: 12, csatResponseRate: 45 } },
      ],
    });
    expect(run.lines.map((l) => [l.participantId, l.status, l.amount, l.failedGateIds])).toEqual([
      ['a', LineStatus.PAID, '253.33', []],
      ['a', LineStatus.PAID, '300.00', []],
      ['b', LineStatus.GATED, '0.00', ['csat-response']],
      ['b', LineStatus.PAID, '300.00', []],
      ['c', LineStatus.GATED, '0.00', ['nps-floor']],
      ['c', LineStatus.GATED, '0.00', ['nps-floor']],
    ]);
    expect(run.lines[4]?.explanation.en).toBe(
      'Team customer CSAT: gate not met — Customer NPS 12 (must be ≥ 20) → €0.00',
    );
  });

  it('scales all lines down to the budget, to the cent', () => {
    const run = computeIncentiveRun({
      plan: { ...PLAN, budget: '1000.00' },
      participants: [ANA, { ...ANA, id: 'ben' }],
    });
    expect(run.totalBeforeCap).toBe('1106.66');
    // × 1000/1106.66: exact 228.914…, 271.085… → floors sum to 999.98; the 2 cents go to the .0858 remainders

    expect(run.total).toBe('1000.00');
    expect(run.budgetApplied).toBe(true);
    expect(run.lines.map((l) => l.amount)).toEqual(['228.91', '271.09', '228.91', '271.09']);
    expect(run.lines[0]?.explanation.en).toMatch(/= €253\.33; budget cap applied → €228\.91$/);
    expect(run.participantTotals.map((p) => p.total)).toEqual(['500.00', '500.00']);
  });

  it('validates the plan and participants', () => {
    const input = { plan: PLAN, participants: [ANA] };
    const bad = (patch: Partial<IncentivePlan>, participants = [ANA]): IncentiveRunInput => ({
      plan: { ...PLAN, ...patch },
      participants,
    });
    expect(() => computeIncentiveRun(bad({ components: [] }))).toThrow(
      expect.objectContaining({ code: 'INVALID_RUN_INPUT' }),
    );
    expect(() =>
      computeIncentiveRun(
        bad({ components: PLAN.components.map((c) => ({ ...c, weightPercent: 50 })).slice(0, 1) }),
      ),
    ).toThrow(expect.objectContaining({ code: 'WEIGHTS_NOT_100' }));
    expect(() =>
      computeIncentiveRun(bad({ components: [PLAN.components[0]!, PLAN.components[0]!] })),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RUN_INPUT' }));
    expect(() => computeIncentiveRun({ ...input, participants: [ANA, ANA] })).toThrow(
      expect.objectContaining({ code: 'INVALID_RUN_INPUT' }),
    );
    expect(() =>
      computeIncentiveRun(
        bad({
          gates: [
            {
              id: 'g',
              label: { en: 'g', fr: 'g' },
              metricKey: 'x',
              operator: GateOperator.GT,
              threshold: 0,
              effect: GateEffect.ZERO_COMPONENT,
              componentId: 'nope',
            },
          ],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RUN_INPUT' }));
    expect(() =>
      computeIncentiveRun({ ...input, participants: [{ ...ANA, targetPay: 1000 as unknown as string }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(() =>
      computeIncentiveRun(
        bad({
          components: [
            {
              ...PLAN.components[0]!,
              weightPercent: 100,
              curve: { ...PLAN.components[0]!.curve, target: 99 },
            },
          ],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'CURVE_CAP_BELOW_TARGET' }));
  });

  it('is deterministic: same input → byte-identical output and hash; any change → another hash', () => {
    const input: IncentiveRunInput = {
      plan: { ...PLAN, budget: '700.00' },
      participants: [ANA, { ...ANA, id: 'ben' }],
    };
    const a = computeIncentiveRun(input);
    const b = computeIncentiveRun(JSON.parse(JSON.stringify(input)) as IncentiveRunInput);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = computeIncentiveRun({ ...input, participants: [ANA, { ...ANA, id: 'ben', fte: '0.6' }] });
    expect(c.hash).not.toBe(a.hash);
  });

  describe('properties', () => {
    const participantArb = fc.record({
      targetCents: fc.integer({ min: 0, max: 10_000_000 }),
      fte: fc.integer({ min: 1, max: 100 }),
      startOffset: fc.option(fc.integer({ min: 0, max: 364 }), { nil: null }),
      csat: fc.option(fc.integer({ min: 5000, max: 10000 }), { nil: null }),
      kept: fc.integer({ min: 7000, max: 10000 }),
    });
    const toParticipant = (
      p: typeof participantArb extends fc.Arbitrary<infer T> ? T : never,
      i: number,
    ): IncentiveParticipant => ({
      id: `p${String(i).padStart(3, '0')}`,
      targetPay: decimalText(new Dec(p.targetCents).dividedBy(100), 2),
      fte: new Dec(p.fte).dividedBy(100),
      employmentStart:
        p.startOffset === null
          ? null
          : new Date(Date.UTC(2026, 0, 1 + p.startOffset)).toISOString().slice(0, 10),
      metrics: {
        teamCsat: p.csat === null ? null : new Dec(p.csat).dividedBy(100),
        commitmentsKept: new Dec(p.kept).dividedBy(100),
      },
    });

    it('lines sum to participant totals and to the run total; budget and caps hold', () => {
      fc.assert(
        fc.property(
          fc.array(participantArb, { minLength: 1, maxLength: 8 }),
          fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
          (ps, budgetCents) => {
            const participants = ps.map(toParticipant);
            const budget = budgetCents === null ? null : decimalText(new Dec(budgetCents).dividedBy(100), 2);
            const run = computeIncentiveRun({ plan: { ...PLAN, budget }, participants });
            const lineSum = run.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
            expect(decimalText(lineSum, 2)).toBe(run.total);
            const totalsSum = run.participantTotals.reduce((s, p) => s.plus(p.total), new Dec(0));
            expect(decimalText(totalsSum, 2)).toBe(run.total);
            if (budget !== null) expect(new Dec(run.total).lte(budget)).toBe(true);
            for (const line of run.lines) {
              const participant = participants.find(
                (p) => p.id === line.participantId,
              ) as IncentiveParticipant;
              const component = PLAN.components.find((c) => c.id === line.componentId);
              const maxPercent = component?.id === 'team-csat' ? 200 : 150;
              const capAmount = new Dec(participant.targetPay as string)
                .times(maxPercent)
                .times(component?.weightPercent as number)
                .dividedBy(10_000)
                .toDecimalPlaces(2);
              expect(new Dec(line.amount).lte(capAmount)).toBe(true);
              expect(new Dec(line.amount).lte(line.amountBeforeCap)).toBe(true);
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('a better metric value never pays less (monotone curve → monotone pay)', () => {
      fc.assert(
        fc.property(
          participantArb,
          fc.integer({ min: 5000, max: 10000 }),
          fc.integer({ min: 0, max: 3000 }),
          (p, v, d) => {
            const base = toParticipant(p, 0);
            const pay = (csat: number): Decimal => {
              const run = computeIncentiveRun({
                plan: PLAN,
                participants: [
                  { ...base, metrics: { ...base.metrics, teamCsat: new Dec(csat).dividedBy(100) } },
                ],
              });
              return new Dec(run.total);
            };
            expect(pay(v).lte(pay(v + d))).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('proration never exceeds full pay', () => {
      fc.assert(
        fc.property(participantArb, (p) => {
          const part = toParticipant(p, 0);
          const full = { ...part, fte: 1, employmentStart: null };
          const prorated = computeIncentiveRun({ plan: PLAN, participants: [part] });
          const whole = computeIncentiveRun({ plan: PLAN, participants: [full] });
          prorated.lines.forEach((l, i) =>
            expect(new Dec(l.amount).lte(whole.lines[i]?.amount as string)).toBe(true),
          );
        }),
        { numRuns: 60 },
      );
    });
  });
});
