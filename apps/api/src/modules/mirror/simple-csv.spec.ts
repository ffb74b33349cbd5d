import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { MirrorService, simpleCsv, simpleCsvColumns } from './mirror.service';

const general = (text: string) =>
  parse(text, {
    columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];

describe('simpleCsv (the fast path of customer-figure CSVs)', () => {
  it('gives what the general parser gives on unquoted files', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 .:—_-]{0,12}$/);
    fc.assert(
      fc.property(
        fc
          .array(cell, { minLength: 1, maxLength: 5 })
          .filter(
            (h) =>
              new Set(h.map((x) => x.trim().toLowerCase())).size === h.length &&
              h.every((x) => x.trim() !== ''),
          ),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 20 }),
        fc.boolean(),
        (header, rows, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const body = rows.map((r) => r.slice(0, header.length).join(',')).filter((l) => l !== '');
          const text = [header.join(','), ...body].join(eol) + eol;
          const fast = simpleCsv(text);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(general(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a column named __proto__ is a column, not the prototype', () => {
    const text = '__proto__,value\nx,1\n';
    const rows = simpleCsv(text)!;
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.keys(rows[0]!)).toEqual(['__proto__', 'value']);
    expect(rows).toEqual(general(text));
  });

  it('leaves quoted files and ragged lines to the general parser', () => {
    expect(simpleCsv('team,value\n"Lyon, centre",3\n')).toBeNull();
    expect(simpleCsv('team,value\nLyon\n')).toBeNull();
  });

  it('columns: cell i of each column is record i of the general parser', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 .:_-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 15 }), (rows) => {
        const text = ['A,b ,c', ...rows.map((r) => r.join(','))].join('\n');
        const table = simpleCsvColumns(text)!;
        const records = general(text);
        expect(table.header).toEqual(['a', 'b', 'c']);
        expect(table.columns.map((c) => c.length)).toEqual([0, 1, 2].map(() => records.length));
        records.forEach((r, i) => expect([r.a, r.b, r.c]).toEqual(table.columns.map((c) => c[i])));
      }),
      { numRuns: 200 },
    );
  });
});

describe('MirrorService.parseCsv (customer figures as columns)', () => {
  const service = new MirrorService(null as never, null as never, null as never);
  const columns = {
    team: ['Lyon', 'Nantes'],
    metric: ['customer_csat', 'customer_nps'],
    periodKind: ['MONTH', 'WEEK'],
    periodStart: ['2026-01-01', '2026-01-05'],
    value: ['81.5', '-3'],
    sampleSize: ['240', '12'],
  };

  it('reads a plain file and a quoted one alike, columns in any order, kinds in capitals', () => {
    const plain =
      '\uFEFFsample_size,Team,metric,period_kind,period_start,value\r\n240,Lyon,customer_csat,month,2026-01-01,81.5\r\n\r\n12, Nantes ,customer_nps,WEEK,2026-01-05,-3\r\n';
    expect(service.parseCsv(plain)).toEqual({ rows: columns, problems: [] });
    const quoted =
      'team,metric,period_kind,period_start,value,sample_size\n"Lyon",customer_csat,Month,2026-01-01,"81.5",240\nNantes,"customer_nps",WEEK,2026-01-05,-3,12\n';
    expect(service.parseCsv(quoted)).toEqual({ rows: columns, problems: [] });
  });

  it('names a missing column, and a file that is not CSV', () => {
    expect(service.parseCsv('team,metric,value\nLyon,customer_csat,3\n').problems).toEqual([
      { line: 1, field: 'period_kind', message: 'Missing column(s): period_kind, period_start, sample_size' },
    ]);
    const ragged = service.parseCsv('team,value\n"Lyon",3\nNantes\n');
    expect(ragged.problems).toHaveLength(1);
    expect(ragged.problems[0]).toMatchObject({ line: 1, field: 'file' });
    expect(ragged.problems[0]!.message).toMatch(/^Not a CSV file: /);
  });
});
