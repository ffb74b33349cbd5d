/**
 * The calendar date in `timeZone` at the instant `now`, as a Date at 00:00 UTC of that date: "this
 * month" or "this year" is the organisation's (in its time zone), as the API counts it, whatever
 * the browser's zone. Read it with the UTC getters.
 */
export function localDateIn(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}
