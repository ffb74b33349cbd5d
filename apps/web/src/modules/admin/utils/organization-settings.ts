import type {
  OrganizationKind,
  OrganizationSettingsFragment,
  UpdateOrganizationInput,
} from '../../../gql/graphql';

export type SettingsValues = Omit<OrganizationSettingsFragment, 'id'>;
export type SettingsField = keyof SettingsValues;

/** Translation keys of the problems a field can have. */
export type SettingsProblem =
  | 'required'
  | 'tooLong'
  | 'thresholdMin'
  | 'integer'
  | 'timeZone'
  | 'noWorkingDay'
  | 'time'
  | 'endBeforeStart'
  | 'date'
  | 'locale'
  | 'invalid';

export type SettingsErrors = Partial<Record<SettingsField, SettingsProblem>>;

/** Answers below this threshold could identify someone: the product never goes under it. */
export const MIN_ANONYMITY_THRESHOLD = 3;
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['COMPANY', 'PUBLIC_SERVICE'];
/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.trim() !== '';
  } catch {
    return false;
  }
}

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** "09:00:00" (as some databases return it) → "09:00". */
export function toTimeInput(value: string): string {
  return value.slice(0, 5);
}

export function toFormValues(organization: OrganizationSettingsFragment): SettingsValues {
  return {
    name: organization.name,
    kind: organization.kind,
    anonymityThreshold: organization.anonymityThreshold,
    timeZone: organization.timeZone,
    workingDays: [...organization.workingDays].sort((a, b) => a - b),
    workdayStart: toTimeInput(organization.workdayStart),
    workdayEnd: toTimeInput(organization.workdayEnd),
    publicHolidays: [...organization.publicHolidays].sort(),
    holidayCountry: organization.holidayCountry ?? null,
    holidayRegion: organization.holidayRegion ?? null,
    holidaysRemoved: [...organization.holidaysRemoved].sort(),
    defaultLocale: organization.defaultLocale,
  };
}

export function validateSettings(values: SettingsValues): SettingsErrors {
  const errors: SettingsErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';
  if (!Number.isInteger(values.anonymityThreshold)) errors.anonymityThreshold = 'integer';
  else if (values.anonymityThreshold < MIN_ANONYMITY_THRESHOLD) errors.anonymityThreshold = 'thresholdMin';
  if (!isValidTimeZone(values.timeZone)) errors.timeZone = 'timeZone';
  if (values.workingDays.length === 0) errors.workingDays = 'noWorkingDay';
  if (!TIME.test(values.workdayStart)) errors.workdayStart = 'time';
  if (!TIME.test(values.workdayEnd)) errors.workdayEnd = 'time';
  else if (TIME.test(values.workdayStart) && values.workdayEnd <= values.workdayStart)
    errors.workdayEnd = 'endBeforeStart';
  if (!values.publicHolidays.every(isValidDate)) errors.publicHolidays = 'date';
  if (!values.holidaysRemoved.every(isValidDate)) errors.holidaysRemoved = 'date';
  if (values.defaultLocale !== 'en' && values.defaultLocale !== 'fr') errors.defaultLocale = 'locale';
  return errors;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only what changed is sent, so the audit log shows real changes. */
export function changedSettings(initial: SettingsValues, values: SettingsValues): UpdateOrganizationInput {
  const input: UpdateOrganizationInput = {};
  if (values.name.trim() !== initial.name) input.name = values.name.trim();
  if (values.kind !== initial.kind) input.kind = values.kind;
  if (values.anonymityThreshold !== initial.anonymityThreshold)
    input.anonymityThreshold = values.anonymityThreshold;
  if (values.timeZone !== initial.timeZone) input.timeZone = values.timeZone;
  if (!sameValue(values.workingDays, initial.workingDays)) input.workingDays = values.workingDays;
  if (values.workdayStart !== initial.workdayStart) input.workdayStart = values.workdayStart;
  if (values.workdayEnd !== initial.workdayEnd) input.workdayEnd = values.workdayEnd;
  if (!sameValue(values.publicHolidays, initial.publicHolidays)) input.publicHolidays = values.publicHolidays;
  if (values.holidayCountry !== initial.holidayCountry) input.holidayCountry = values.holidayCountry;
  if (values.holidayRegion !== initial.holidayRegion || values.holidayCountry !== initial.holidayCountry)
    input.holidayRegion = values.holidayRegion;
  if (!sameValue(values.holidaysRemoved, initial.holidaysRemoved))
    input.holidaysRemoved = values.holidaysRemoved;
  if (values.defaultLocale !== initial.defaultLocale) input.defaultLocale = values.defaultLocale;
  return input;
}

export function isSettingsField(field: string | null): field is SettingsField {
  return (
    field !== null &&
    [
      'name',
      'kind',
      'anonymityThreshold',
      'timeZone',
      'workingDays',
      'workdayStart',
      'workdayEnd',
      'publicHolidays',
      'holidayCountry',
      'holidayRegion',
      'holidaysRemoved',
      'defaultLocale',
    ].includes(field)
  );
}
