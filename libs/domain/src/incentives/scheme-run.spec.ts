import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { GateOperator } from './gates';
import { moneyString } from './money';
import { explainSchemeLine, whatWouldMoveIt } from './scheme-explanation';
import {
  computeSchemeRun,
  computeSchemeRunCompact,
  RunHash,
  SchemeComponent,
  SchemeDefinition,
  SchemeParticipant,
  SchemeRunInput,
} from './scheme-run';

const label = (en: string) => ({ en, fr: en });
const curve = {
  threshold: { x: '60', payoutPercent: '0' },
  target: '80',
  cap: { x: '95', payoutPercent: '150' },
};

const scheme = (over: Partial<SchemeDefinition> = {}): SchemeDefinition => ({
  id: 's1',
  currency: 'EUR',
  period: { start: '2026-01-01', end: '2026-03-31' },
  minimumEligibleDays: 30,
  prorateByFte: true,
  budget: null,
  fallback: 'TARGET',
  components: [
    {
      id: 'csat',
      label: label('Customer CSAT'),
      kind: 'COLLECTIVE',
      weightPercent: '60',
      measureKey: 'csat',
      curve,
    },
    {
      id: 'obj',
      label: label('Objectives'),
      kind: 'INDIVIDUAL',
      weightPercent: '40',
      measureKey: 'obj',
      curve,
    },
  ],
  gates: [],
  ...over,
});

const person = (id: string, over: Partial<SchemeParticipant> = {}): SchemeParticipant => ({
  id,
  teamId: 't1',
  targetPay: '1000.00',
  baseSalary: '30000.00',
  fte: '1',
  employmentStart: null,
  employmentEnd: null,
  values: { obj: { value: '80' } },
  ...over,
});

const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

describe('computeSchemeRun', () => {
  it('pays each line on its curve, weight and proration, rounded half-even per line', () => {
    const r = computeSchemeRun({
      scheme: scheme(),
      participants: [person('a'), person('b', { fte: '0.5', values: { obj: { value: '70' } } })],
      teams: { t1: { csat: { value: '87.5' } } },
    });
    const line = (p: string, c: string) => r.lines.find((l) => l.participantId === p && l.componentId === c)!;
    // csat 87.5: 100 + (7.5/15)·50 = 125% × 600 = 750.00
    expect(line('a', 'csat').amount).toBe('750.00');
    expect(line('a', 'obj').amount).toBe('400.00');
    // b: 0.5 FTE; objectives 70 → 50% × 400 × 0.5 = 100
    expect(line('b', 'obj').amount).toBe('100.00');
    expect(line('b', 'csat').amount).toBe('375.00');
    expect(r.total).toBe('1625.00');
    expect(r.missing).toEqual([]);
  });

  it('reports people without data instead of paying them a silent zero', () => {
    const r = computeSchemeRun({
      scheme: scheme(),
      participants: [person('a', { values: {} })],
      teams: { t1: { csat: { value: '80' } } },
    });
    expect(r.missing).toEqual([{ participantId: 'a', componentId: 'obj' }]);
    expect(r.lines.find((l) => l.componentId === 'obj')!.status).toBe('NO_DATA');
  });

  it('applies the fallback to a suppressed survey measure', () => {
    const base = { participants: [person('a')], teams: { t1: { csat: { value: '50', suppressed: true } } } };
    const atTarget = computeSchemeRun({ scheme: scheme({ fallback: 'TARGET' }), ...base });
    expect(atTarget.lines[0]!.status).toBe('FALLBACK_TARGET');
    expect(atTarget.lines[0]!.amount).toBe('600.00');
    const zero = computeSchemeRun({ scheme: scheme({ fallback: 'ZERO' }), ...base });
    expect(zero.lines[0]!.amount).toBe('0.00');
  });

  it('zeroes a component or the whole payout when a gate fails', () => {
    const gates = [
      {
        id: 'g1',
        label: label('Team CSAT'),
        measureKey: 'csat',
        scope: 'TEAM' as const,
        operator: GateOperator.GTE,
        threshold: '70',
        componentId: 'csat',
      },
      {
        id: 'g2',
        label: label('Training'),
        measureKey: 'training',
        scope: 'INDIVIDUAL' as const,
        operator: GateOperator.GTE,
        threshold: '7',
        componentId: null,
      },
    ];
    const r = computeSchemeRun({
      scheme: scheme({ gates }),
      participants: [
        person('a', { values: { obj: { value: '80' }, training: { value: '10' } } }),
        person('b'),
      ],
      teams: { t1: { csat: { value: '65' } } },
    });
    const a = r.lines.filter((l) => l.participantId === 'a');
    expect(a.map((l) => [l.componentId, l.status, l.amount])).toEqual([
      ['csat', 'GATED', '0.00'],
      ['obj', 'PAID', '400.00'],
    ]);
    expect(r.lines.filter((l) => l.participantId === 'b').every((l) => l.status === 'GATED')).toBe(true);
  });

  it('splits a team pool to the cent (by FTE), the shares summing to the pool', () => {
    const pool: SchemeComponent = {
      id: 'pool',
      label: label('Team pool'),
      kind: 'COLLECTIVE',
      split: 'POOL_FTE',
      weightPercent: '100',
      measureKey: 'csat',
      curve,
    };
    const r = computeSchemeRun({
      scheme: scheme({ components: [pool], prorateByFte: false }),
      participants: [person('a'), person('b', { fte: '0.5' }), person('c', { targetPay: '333.33' })],
      teams: { t1: { csat: { value: '80' } } },
    });
    // pool = 1000 + 1000 + 333.33 at 100% = 2333.33; split 1 : 0.5 : 1
    expect(r.lines.map((l) => l.amount)).toEqual(['933.33', '466.67', '933.33']);
    expect(r.total).toBe('2333.33');
  });

  it('prorates joiners and leavers by days and refuses below the minimum', () => {
    const r = computeSchemeRun({
      scheme: scheme({ components: [{ ...scheme().components[1]!, weightPercent: '100' }] }),
      participants: [
        person('joiner', { employmentStart: '2026-03-01' }),
        person('late', { employmentStart: '2026-03-15' }),
      ],
      teams: {},
    });
    // 31 of 90 days
    expect(r.lines[0]!.amount).toBe('344.44');
    expect(r.lines[1]!.status).toBe('NOT_ELIGIBLE');
  });

  it('caps the total at the budget, lines still summing to it', () => {
    const r = computeSchemeRun({
      scheme: scheme({ budget: '1000.00' }),
      participants: [person('a'), person('b'), person('c')],
      teams: { t1: { csat: { value: '90' } } },
    });
    expect(r.budgetApplied).toBe(true);
    expect(r.total).toBe('1000.00');
    expect(moneyString(sum(r.lines.map((l) => l.amount)))).toBe('1000.00');
  });

  it('is reproducible: same input, same bytes and hash; any change moves the hash', () => {
    const input: SchemeRunInput = {
      scheme: scheme(),
      participants: [person('b'), person('a')],
      teams: { t1: { csat: { value: '83' } } },
    };
    const a = computeSchemeRun(input);
    const b = computeSchemeRun({ ...input, participants: [...input.participants].reverse() });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = computeSchemeRun({ ...input, teams: { t1: { csat: { value: '83.01' } } } });
    expect(c.hash).not.toBe(a.hash);
  });

  it('a simulation (no hash) computes the same lines', () => {
    const input: SchemeRunInput = {
      scheme: scheme(),
      participants: [person('a'), person('b', { fte: '0.5' })],
      teams: { t1: { csat: { value: '83' } } },
    };
    const stored = computeSchemeRun(input);
    const simulated = computeSchemeRun(input, { hash: false });
    expect(simulated.hash).toBe('');
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(simulated.lines).toEqual(stored.lines);
    expect(simulated.total).toBe(stored.total);
  });

  it('the compact run hashed while its lines stream elsewhere gives the same hash', () => {
    const input: SchemeRunInput = {
      scheme: scheme(),
      participants: [person('b'), person('a', { fte: '0.5' }), person('c', { values: {} })],
      teams: { t1: { csat: { value: '83' } } },
    };
    const full = computeSchemeRun(input);
    const compact = computeSchemeRunCompact(input, { hash: false });
    expect(compact.hash).toBe('');
    expect(compact.participants.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    const hash = new RunHash(input.scheme, input.teams, compact.participants);
    for (let i = 0; i < compact.size; i += 1) {
      expect(compact.line(i)).toEqual(full.lines[i]);
      hash.line(compact.line(i));
    }
    expect(hash.finish(compact.total, compact.totalBeforeCap, compact.budgetApplied)).toBe(full.hash);
  });

  it('a line worth exactly half a cent under a repeating proration (47/92 days) rounds half-even', () => {
    // 17.50 × 115 % × 0.8 FTE × 47 / 92 days = 8.225 exactly: half-even gives 8.22. Multiplying by
    // the factor 0.4086956… rounded to 50 digits first would tip it to 8.23.
    const r = computeSchemeRun({
      scheme: scheme({
        period: { start: '2026-07-01', end: '2026-09-30' },
        components: [
          {
            id: 'sales',
            label: label('Sales'),
            kind: 'INDIVIDUAL',
            weightPercent: '100',
            measureKey: 'sales',
            curve: {
              threshold: { x: '50', payoutPercent: '0' },
              target: '100',
              cap: { x: '200', payoutPercent: '150' },
            },
          },
        ],
      }),
      participants: [
        person('a', {
          targetPay: '17.50',
          fte: '0.8',
          employmentStart: '2026-08-15',
          values: { sales: { value: '130' } },
        }),
      ],
      teams: {},
    });
    expect(r.lines[0]).toMatchObject({ payoutPercent: '115.000000', eligibleDays: 47, amount: '8.22' });
    expect(r.total).toBe('8.22');
  });

  it('refuses weights that do not sum to 100 and a cap below target', () => {
    expect(() =>
      computeSchemeRun({
        scheme: scheme({ components: [{ ...scheme().components[0]!, weightPercent: '99' }] }),
        participants: [],
        teams: {},
      }),
    ).toThrow(/sum to 99/);
    expect(() =>
      computeSchemeRun({
        scheme: scheme({
          components: [
            {
              ...scheme().components[0]!,
              weightPercent: '100',
              curve: { ...curve, cap: { x: '75', payoutPercent: '150' } },
            },
          ],
        }),
        participants: [],
        teams: {},
      }),
    ).toThrow(/cap/);
  });

  it('explains a line and what would have moved it, in English and French', () => {
    const r = computeSchemeRun({
      scheme: scheme(),
      participants: [person('a', { values: { obj: { value: '70' } } })],
      teams: { t1: { csat: { value: '87.5' } } },
    });
    const obj = r.lines.find((l) => l.componentId === 'obj')!;
    const ctx = {
      line: obj,
      component: scheme().components[1]!,
      gates: [],
      currency: 'EUR',
      periodDays: 90,
      minimumEligibleDays: 30,
    };
    expect(explainSchemeLine(ctx, 'en')).toBe(
      'Objectives 70 (threshold 60, target 80, cap 95) → 50% of target × target share €400.00 = €200.00',
    );
    expect(whatWouldMoveIt(ctx, 'en')).toBe(
      'At the target of 80 this line would pay €400.00; at the cap of 95, €600.00 (the maximum).',
    );
    expect(explainSchemeLine(ctx, 'fr')).toContain('200,00\u00a0€');
  });
});

// Property tests: the invariants the issue names.
/** Integer hundredths as a decimal string (no floating point involved). */
const hundredths = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const money = fc.integer({ min: 0, max: 500_000_00 }).map(hundredths);
const value = fc.integer({ min: 0, max: 12_000 }).map(hundredths);
const fte = fc.integer({ min: 1, max: 100 }).map(hundredths);
const split = fc.constantFrom('TEAM', 'POOL_EQUAL', 'POOL_FTE', 'POOL_BASE_SALARY') as fc.Arbitrary<
  'TEAM' | 'POOL_EQUAL' | 'POOL_FTE' | 'POOL_BASE_SALARY'
>;
const arbParticipant = fc.record({
  id: fc.uuid(),
  team: fc.integer({ min: 0, max: 3 }),
  targetPay: money,
  baseSalary: money,
  fte,
  start: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  obj: fc.option(value, { nil: null }),
});
const arbInput = fc.record({
  people: fc.uniqueArray(arbParticipant, { selector: (p) => p.id, maxLength: 25 }),
  teamValues: fc.array(value, { minLength: 4, maxLength: 4 }),
  split,
  w: fc.integer({ min: 0, max: 100 }),
  budget: fc.option(money, { nil: null }),
});

type ArbInput = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;

function toInput(a: ArbInput) {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
  const s = scheme({
    budget: a.budget,
    components: [
      { ...scheme().components[0]!, weightPercent: String(a.w), split: a.split },
      { ...scheme().components[1]!, weightPercent: String(100 - a.w) },
    ],
  });
  const input: SchemeRunInput = {
    scheme: s,
    participants: a.people.map((p) =>
      person(p.id, {
        teamId: `t${p.team}`,
        targetPay: p.targetPay,
        baseSalary: p.baseSalary,
        fte: p.fte,
        employmentStart: p.start === null ? null : day(p.start),
        values: { obj: { value: p.obj } },
      }),
    ),
    teams: Object.fromEntries(a.teamValues.map((v, i) => [`t${i}`, { csat: { value: v } }])),
  };
  return input;
}

describe('computeSchemeRun properties', () => {
  it('lines sum to the total, to the cent, and never exceed the budget', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const r = computeSchemeRun(toInput(a));
        expect(moneyString(sum(r.lines.map((l) => l.amount)))).toBe(r.total);
        if (a.budget !== null) expect(new Decimal(r.total).lte(a.budget)).toBe(true);
        for (const l of r.lines) expect(new Decimal(l.amount).decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it('a monotone curve gives monotone pay: a higher value never pays less', () => {
    fc.assert(
      fc.property(arbParticipant, value, value, (p, v1, v2) => {
        const [lo, hi] = new Decimal(v1).lte(v2) ? [v1, v2] : [v2, v1];
        const run = (v: string) =>
          computeSchemeRun({
            scheme: scheme(),
            participants: [
              person(p.id, { targetPay: p.targetPay, fte: p.fte, values: { obj: { value: v } } }),
            ],
            teams: { t1: { csat: { value: v } } },
          }).total;
        expect(new Decimal(run(lo)).lte(run(hi))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('proration never exceeds full pay, and no line exceeds its target share at the cap', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const input = toInput(a);
        const prorated = computeSchemeRun(input);
        const full = computeSchemeRun({
          ...input,
          scheme: { ...input.scheme, prorateByFte: false },
          participants: input.participants.map((p) => ({ ...p, employmentStart: null })),
        });
        for (const p of input.participants) {
          const mine = (r: typeof full) =>
            r.lines
              .filter((l) => l.participantId === p.id && l.poolWeight === null)
              .reduce((s, l) => s.plus(l.amountBeforeCap), new Decimal(0));
          expect(mine(prorated).lte(mine(full))).toBe(true);
        }
        for (const l of prorated.lines)
          if (l.poolWeight === null) {
            // The cap against the exact target share (a line's targetAmount is it rounded to the
            // cent: a share of 0.0038 shows 0.00 yet may pay 0.01 at the cap), rounded up to the cent.
            const p = input.participants.find((x) => x.id === l.participantId)!;
            const weight = input.scheme.components.find((c) => c.id === l.componentId)!.weightPercent;
            const cap = new Decimal(p.targetPay!)
              .times(weight)
              .dividedBy(100)
              .times(1.5)
              .toDecimalPlaces(2, Decimal.ROUND_UP);
            expect(new Decimal(l.amount).lte(cap)).toBe(true);
          }
      }),
      { numRuns: 150 },
    );
  });
});
