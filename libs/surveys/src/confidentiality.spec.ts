import {
  assertReportingThreshold,
  CONFIDENTIALITY_MODES,
  coarsenToUtcDay,
  completedYears,
  confidentialityRules,
  ConfidentialityMode,
  DEFAULT_COMMENT_THRESHOLD,
  DEFAULT_REPORTING_THRESHOLD,
  isConfidentialityMode,
  MIN_REPORTING_THRESHOLD,
  resolveReportingPolicy,
  TENURE_BUCKET_LABELS,
  TENURE_BUCKETS,
  tenureBucket,
} from './confidentiality';
import { expectCode } from './testing/expect-code';

describe('confidentiality modes', () => {
  it('lists three modes', () => {
    expect(CONFIDENTIALITY_MODES).toEqual(['ANONYMOUS', 'CONFIDENTIAL', 'ATTRIBUTED']);
    expect(isConfidentialityMode('ANONYMOUS')).toBe(true);
    expect(isConfidentialityMode('PUBLIC')).toBe(false);
  });

  it('ANONYMOUS stores no identity, coarse metadata only, with thresholds', () => {
    expect(confidentialityRules('ANONYMOUS')).toEqual({
      storesRespondentIdentity: false,
      showsIdentityInReports: false,
      appliesReportingThresholds: true,
      coarsensMetadata: true,
    });
  });

  it('CONFIDENTIAL stores identity but never shows it, with thresholds', () => {
    expect(confidentialityRules('CONFIDENTIAL')).toEqual({
      storesRespondentIdentity: true,
      showsIdentityInReports: false,
      appliesReportingThresholds: true,
      coarsensMetadata: false,
    });
  });

  it('ATTRIBUTED shows identity and needs no thresholds', () => {
    expect(confidentialityRules('ATTRIBUTED')).toMatchObject({
      showsIdentityInReports: true,
      appliesReportingThresholds: false,
    });
  });

  it('refuses an unknown mode', () => {
    expectCode(() => confidentialityRules('OPEN' as ConfidentialityMode), 'INVALID_ARGUMENT');
  });
});

describe('reporting thresholds', () => {
  it('defaults to k = 5 and 10 comments', () => {
    expect(DEFAULT_REPORTING_THRESHOLD).toBe(5);
    expect(DEFAULT_COMMENT_THRESHOLD).toBe(10);
    expect(MIN_REPORTING_THRESHOLD).toBe(3);
    expect(resolveReportingPolicy()).toEqual({ k: 5, commentThreshold: 10 });
  });

  it('accepts an organisation setting of 3 or more', () => {
    expect(resolveReportingPolicy({ k: 3 })).toEqual({ k: 3, commentThreshold: 10 });
    expect(resolveReportingPolicy({ k: 8, commentThreshold: 8 })).toEqual({ k: 8, commentThreshold: 8 });
  });

  it('raises the default comment threshold to k when k is above 10', () => {
    expect(resolveReportingPolicy({ k: 12 })).toEqual({ k: 12, commentThreshold: 12 });
  });

  it.each([2, 1, 0, -5, 4.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses k = %p', (k) => {
    expectCode(() => resolveReportingPolicy({ k }), 'INVALID_THRESHOLD');
    expectCode(() => assertReportingThreshold(k), 'INVALID_THRESHOLD');
  });

  it('refuses a comment threshold below k or below 3', () => {
    expectCode(() => resolveReportingPolicy({ k: 6, commentThreshold: 5 }), 'INVALID_THRESHOLD');
    expectCode(() => resolveReportingPolicy({ commentThreshold: 2 }), 'INVALID_THRESHOLD');
  });
});

describe('tenure buckets', () => {
  const launch = '2025-06-15';

  it('has four coarse buckets with bilingual labels', () => {
    expect(TENURE_BUCKETS).toEqual(['<1y', '1-2y', '2-5y', '5y+']);
    for (const bucket of TENURE_BUCKETS) expect(TENURE_BUCKET_LABELS[bucket].fr.length).toBeGreaterThan(0);
  });

  it.each([
    ['2025-06-15', '<1y'],
    ['2024-06-16', '<1y'],
    ['2024-06-15', '1-2y'],
    ['2023-06-16', '1-2y'],
    ['2023-06-15', '2-5y'],
    ['2020-06-16', '2-5y'],
    ['2020-06-15', '5y+'],
    ['1990-01-01', '5y+'],
  ])('hired %s → %s at launch 2025-06-15 (anniversaries count)', (hire, bucket) => {
    expect(tenureBucket(hire, launch)).toBe(bucket);
  });

  it('someone hired after launch (joined while the survey was open) is <1y', () => {
    expect(tenureBucket('2025-07-01', launch)).toBe('<1y');
  });

  it('uses UTC calendar dates and accepts Date objects', () => {
    expect(tenureBucket(new Date('2024-06-15T23:30:00Z'), new Date('2025-06-15T00:10:00Z'))).toBe('1-2y');
  });

  it('29 February hires complete a year on 1 March in non-leap years', () => {
    expect(completedYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(completedYears('2024-02-29', '2025-03-01')).toBe(1);
    expect(completedYears('2024-02-29', '2028-02-29')).toBe(4);
  });

  it('refuses invalid dates', () => {
    expectCode(() => tenureBucket('2025-02-30', launch), 'INVALID_DATE');
    expectCode(() => tenureBucket('15/06/2020', launch), 'INVALID_DATE');
    expectCode(() => tenureBucket(new Date('nope'), launch), 'INVALID_DATE');
    expectCode(() => tenureBucket('2020-01-01T10:00:00', launch), 'INVALID_DATE');
  });
});

describe('coarsenToUtcDay', () => {
  it('keeps only the UTC date', () => {
    expect(coarsenToUtcDay(new Date('2025-03-04T23:59:59.999Z'))).toBe('2025-03-04');
    expect(coarsenToUtcDay('2025-03-04T23:30:00-02:00')).toBe('2025-03-05');
    expect(coarsenToUtcDay('2025-03-04T00:30:00+02:00')).toBe('2025-03-03');
    expect(coarsenToUtcDay('2025-03-04')).toBe('2025-03-04');
  });

  it('refuses local-time strings (ambiguous) and invalid timestamps', () => {
    expectCode(() => coarsenToUtcDay('2025-03-04T10:00:00'), 'INVALID_DATE');
    expectCode(() => coarsenToUtcDay('2025-13-01'), 'INVALID_DATE');
    expectCode(() => coarsenToUtcDay('2025-03-04T24:00:00Z'), 'INVALID_DATE');
    expectCode(() => coarsenToUtcDay(new Date(Number.NaN)), 'INVALID_DATE');
  });
});
