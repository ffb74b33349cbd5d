import { errorReportCsv, validRowCount } from './csv-file';

describe('csv import helpers', () => {
  it('counts rows without any error', () => {
    expect(validRowCount(10, [{ line: 3 }, { line: 3 }, { line: 7 }])).toBe(8);
    expect(validRowCount(1, [{ line: 2 }, { line: 3 }])).toBe(0);
  });

  it('writes the error report as CSV, quoting where needed', () => {
    const csv = errorReportCsv(
      ['Line', 'Column', 'Reason'],
      [
        { line: 2, field: 'email', message: 'Invalid, "really"' },
        { line: 5, field: null, message: 'Too few columns' },
      ],
    );
    expect(csv).toBe('Line,Column,Reason\r\n2,email,"Invalid, ""really"""\r\n5,,Too few columns\r\n');
  });
});
