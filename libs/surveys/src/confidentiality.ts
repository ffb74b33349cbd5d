import { DateInput, toDate } from './dates';
import { SurveyRuleError } from './errors';
import { LocalizedText } from './question-types';

/**
 * ANONYMOUS: no respondent identity is stored with answers, only coarse demographics (tenure bucket, day).
 * CONFIDENTIAL: identity is stored (to link HR attributes and prevent double answers) but never shown in reports.
 * ATTRIBUTED: answers are shown with the respondent's name (respondents are told so up front).
 */
export const CONFIDENTIALITY_MODES = ['ANONYMOUS', 'CONFIDENTIAL', 'ATTRIBUTED'] as const;
export type ConfidentialityMode = (typeof CONFIDENTIALITY_MODES)[number];

/** Default minimum number of respondents behind any shown number. */
export const DEFAULT_REPORTING_THRESHOLD = 5;
/** No organisation may set its reporting threshold below this. */
export const MIN_REPORTING_THRESHOLD = 3;
/** Default minimum number of comments before comments of a slice are shown. */
export const DEFAULT_COMMENT_THRESHOLD = 10;

export interface ReportingPolicy {
  /** Minimum respondents (k) behind any shown count or statistic. */
  readonly k: number;
  /** Minimum comments behind any shown list of comments; never below k. */
  readonly commentThreshold: number;
}

/** What a confidentiality mode implies for storage and reporting. */
export interface ConfidentialityRules {
  readonly storesRespondentIdentity: boolean;
  readonly showsIdentityInReports: boolean;
  readonly appliesReportingThresholds: boolean;
  /** Store only coarse demographics (tenure bucket) and day-level timestamps with answers. */
  readonly coarsensMetadata: boolean;
}

const RULES: Readonly<Record<ConfidentialityMode, ConfidentialityRules>> = {
  ANONYMOUS: {
    storesRespondentIdentity: false,
    showsIdentityInReports: false,
    appliesReportingThresholds: true,
    coarsensMetadata: true,
  },
  CONFIDENTIAL: {
    storesRespondentIdentity: true,
    showsIdentityInReports: false,
    appliesReportingThresholds: true,
    coarsensMetadata: false,
  },
  ATTRIBUTED: {
    storesRespondentIdentity: true,
    showsIdentityInReports: true,
    appliesReportingThresholds: false,
    coarsensMetadata: false,
  },
};

/** True when `value` is a confidentiality mode name. */
export function isConfidentialityMode(value: unknown): value is ConfidentialityMode {
  return typeof value === 'string' && (CONFIDENTIALITY_MODES as readonly string[]).includes(value);
}

/** The storage and reporting rules of a confidentiality mode. */
export function confidentialityRules(mode: ConfidentialityMode): ConfidentialityRules {
  if (!isConfidentialityMode(mode)) {
    throw new SurveyRuleError('INVALID_ARGUMENT', `Unknown confidentiality mode ${JSON.stringify(mode)}`);
  }
  return RULES[mode];
}

/** Throws INVALID_THRESHOLD unless k is an integer ≥ MIN_REPORTING_THRESHOLD (3). */
export function assertReportingThreshold(k: number, label = 'Reporting threshold'): void {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < MIN_REPORTING_THRESHOLD) {
    throw new SurveyRuleError(
      'INVALID_THRESHOLD',
      `${label} must be an integer of at least ${MIN_REPORTING_THRESHOLD}`,
      {
        value: k,
      },
    );
  }
}

/** Organisation settings → validated policy: defaults k = 5, comments = 10; k ≥ 3; comment threshold ≥ k. */
export function resolveReportingPolicy(
  settings: { k?: number; commentThreshold?: number } = {},
): ReportingPolicy {
  const k = settings.k ?? DEFAULT_REPORTING_THRESHOLD;
  assertReportingThreshold(k);
  const commentThreshold = settings.commentThreshold ?? Math.max(DEFAULT_COMMENT_THRESHOLD, k);
  assertReportingThreshold(commentThreshold, 'Comment threshold');
  if (commentThreshold < k) {
    throw new SurveyRuleError(
      'INVALID_THRESHOLD',
      'Comment threshold cannot be lower than the reporting threshold',
      {
        k,
        commentThreshold,
      },
    );
  }
  return { k, commentThreshold };
}

/** Coarse tenure buckets: under 1 year, 1 to 2, 2 to 5, 5 years and more (lower bound inclusive). */
export const TENURE_BUCKETS = ['<1y', '1-2y', '2-5y', '5y+'] as const;
export type TenureBucket = (typeof TENURE_BUCKETS)[number];

export const TENURE_BUCKET_LABELS: Readonly<Record<TenureBucket, LocalizedText>> = {
  '<1y': { en: 'Less than 1 year', fr: 'Moins d’un an' },
  '1-2y': { en: '1 to 2 years', fr: '1 à 2 ans' },
  '2-5y': { en: '2 to 5 years', fr: '2 à 5 ans' },
  '5y+': { en: '5 years or more', fr: '5 ans ou plus' },
};

/** Whole years completed between two dates, by UTC calendar (an anniversary day counts; 29 Feb hires turn on 1 Mar). */
export function completedYears(from: DateInput, to: DateInput): number {
  const start = toDate(from, 'start date');
  const end = toDate(to, 'end date');
  let years = end.getUTCFullYear() - start.getUTCFullYear();
  const beforeAnniversary =
    end.getUTCMonth() < start.getUTCMonth() ||
    (end.getUTCMonth() === start.getUTCMonth() && end.getUTCDate() < start.getUTCDate());
  if (beforeAnniversary) years -= 1;
  return years;
}

/**
 * Tenure bucket of an employee at survey launch. Someone hired after launch (joined while the survey was open) is
 * `<1y`. Store this bucket, not the hire date, with anonymous answers.
 */
export function tenureBucket(hireDate: DateInput, launchDate: DateInput): TenureBucket {
  const hire = toDate(hireDate, 'hire date');
  const launch = toDate(launchDate, 'launch date');
  if (hire.getTime() > launch.getTime()) return '<1y';
  const years = completedYears(hire, launch);
  if (years < 1) return '<1y';
  if (years < 2) return '1-2y';
  if (years < 5) return '2-5y';
  return '5y+';
}

/** The UTC calendar date of a timestamp as `YYYY-MM-DD`: store this instead of the exact time with anonymous answers. */
export function coarsenToUtcDay(timestamp: DateInput): string {
  return toDate(timestamp, 'timestamp').toISOString().slice(0, 10);
}
