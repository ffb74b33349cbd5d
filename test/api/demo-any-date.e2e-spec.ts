import { isBusinessDate, wallClockAt } from '@symmetry/domain';
import { createTestApp, type TestApp } from '../setup/test-app';
import { CALENDAR_COLUMNS, calendarOf } from '../../apps/api/src/modules/organization/public-holidays';

/**
 * The demo organisation is laid relative to the day it is seeded: whatever that day (a new year, a
 * daylight-saving night, a leap day, a Sunday night), what the README invites people to try is
 * there. `npm run test:at -- <instant>` runs this at any instant.
 */
describe('the demo organisation, whatever the date', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a weekly pulse wave open now, and published engagement results', async () => {
    const [{ open }] = await t.db.query(
      `SELECT count(*)::int AS open FROM survey_wave w JOIN survey s ON s.id = w.survey_id
        WHERE s.recurrence IS NOT NULL AND w.status = 'OPEN' AND w.opens_at <= now() AND w.closes_at > now()`,
    );
    expect(open).toBe(1);
    const r = await t.gql(`{ mySurveys { title } }`, {}, await t.login('employee@meridian.example'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.mySurveys.length).toBeGreaterThan(0);
  });

  it('last quarter’s variable pay approved, with a statement for the demo employee', async () => {
    const { year, month } = wallClockAt(Date.now(), 'Europe/Paris');
    const q = Math.floor((month - 1) / 3);
    const lastQuarter = new Date(Date.UTC(year, (q - 1) * 3, 1)).toISOString().slice(0, 10);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM incentive_payout p JOIN user_account a ON a.person_id = p.person_id
        WHERE a.email = 'employee@meridian.example' AND p.period_start = $1`,
      [lastQuarter],
    );
    expect(n).toBe(1);
  });

  it('a year of service-desk history, every due moment on a business day of the calendar', async () => {
    const [{ months }] = await t.db.query(
      `SELECT count(DISTINCT date_trunc('month', created_at))::int AS months FROM service_request
        WHERE created_at > now() - interval '12 months'`,
    );
    expect(months).toBeGreaterThanOrEqual(12);
    const [org] = await t.db.query(`SELECT ${CALENDAR_COLUMNS} FROM organization LIMIT 1`);
    expect(org.holiday_country).toBe('FR');
    const cal = calendarOf(org);
    const dues: { at: Date }[] = await t.db.query(
      `SELECT first_response_due_at AS at FROM service_request UNION ALL SELECT resolution_due_at FROM service_request`,
    );
    expect(dues.length).toBeGreaterThan(4000);
    // A due moment at the end of a business day is that day's; one at its start, the same.
    const localDay = (at: Date) => {
      const w = wallClockAt(at.getTime() - 1, org.time_zone);
      return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    };
    const off = dues.map((d) => localDay(d.at)).filter((day) => !isBusinessDate(day, cal));
    expect([...new Set(off)]).toEqual([]);
  });
});
