import { SurveyRuleError } from './errors';

/** A point in time: a Date, or an ISO-8601 string that is a date (`2024-03-01`, read as UTC) or carries an offset. */
export type DateInput = Date | string;

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Parses a DateInput strictly (no local-time strings, no 30 February); throws INVALID_DATE. */
export function toDate(input: DateInput, label = 'date'): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime()))
      throw new SurveyRuleError('INVALID_DATE', `${label} is an invalid Date`);
    return new Date(input.getTime());
  }
  const match = typeof input === 'string' ? ISO_PATTERN.exec(input) : null;
  if (match === null) {
    throw new SurveyRuleError('INVALID_DATE', `${label} must be an ISO-8601 date or date-time with offset`, {
      value: input,
    });
  }
  const [, year, month, day, hour, minute, second] = match;
  const fieldsValid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonthUtc(Number(year), Number(month) - 1) &&
    (hour === undefined || Number(hour) <= 23) &&
    (minute === undefined || Number(minute) <= 59) &&
    (second === undefined || Number(second) <= 59);
  const date = new Date(input);
  if (!fieldsValid || Number.isNaN(date.getTime())) {
    throw new SurveyRuleError('INVALID_DATE', `${label} is not a real calendar date`, { value: input });
  }
  return date;
}

/** Number of days in a month (month 0-11) of a year, Gregorian calendar. */
export function daysInMonthUtc(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}
