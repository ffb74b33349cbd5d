import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { simpleCsv } from './mirror.service';

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
});
