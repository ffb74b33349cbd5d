import { isSurveyRuleError } from './errors';
import { daysInMonthUtc, toDate } from './dates';

describe('toDate', () => {
  it('reads date-only strings as UTC midnight', () => {
    expect(toDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reads date-times with Z or an offset', () => {
    expect(toDate('2024-02-29T10:15:30.5Z').toISOString()).toBe('2024-02-29T10:15:30.500Z');
    expect(toDate('2024-02-29T10:15+01:00').toISOString()).toBe('2024-02-29T09:15:00.000Z');
  });

  it('copies Date inputs (no shared mutable state)', () => {
    const input = new Date('2024-01-01T00:00:00Z');
    const output = toDate(input);
    expect(output).not.toBe(input);
    expect(output.getTime()).toBe(input.getTime());
  });

  it.each([
    '2023-02-29',
    '2024-04-31',
    '2024-00-10',
    '2024-1-5',
    'yesterday',
    '',
    '2024-01-01T10:00',
    '2024-01-01T25:00Z',
  ])('refuses %p', (value) => {
    try {
      toDate(value);
      throw new Error('expected an error');
    } catch (error) {
      expect(isSurveyRuleError(error, 'INVALID_DATE')).toBe(true);
    }
  });

  it('refuses non-string, non-Date values', () => {
    expect(() => toDate(42 as unknown as string)).toThrow('must be an ISO-8601');
  });
});

describe('daysInMonthUtc', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonthUtc(2024, 1)).toBe(29);
    expect(daysInMonthUtc(2023, 1)).toBe(28);
    expect(daysInMonthUtc(1900, 1)).toBe(28);
    expect(daysInMonthUtc(2000, 1)).toBe(29);
    expect(daysInMonthUtc(2025, 0)).toBe(31);
    expect(daysInMonthUtc(2025, 3)).toBe(30);
  });
});
