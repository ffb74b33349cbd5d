import { Chip, Group, Input, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type SettingsField, type SettingsValues } from '../utils/organization-settings';
import { CountryHolidaysField } from './CountryHolidaysField';
import { HolidaysField } from './HolidaysField';
import type { SetField } from './SettingsForm';

interface CalendarFieldsProps {
  values: SettingsValues;
  setField: SetField;
  problem(field: SettingsField): string | undefined;
}

/** All IANA time zones the browser knows, plus the current one in case it is not listed. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(current) || current === '' ? zones : [current, ...zones];
  }, [current]);
}

/** Weekday names in the current language, ISO order (Monday first). 2024-01-01 was a Monday. */
function useWeekdayNames(): Map<number, string> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
    return new Map(WEEKDAYS.map((day) => [day, format.format(new Date(Date.UTC(2024, 0, day)))]));
  }, [i18n.language]);
}

export function CalendarFields({ values, setField, problem }: CalendarFieldsProps) {
  const { t } = useTranslation();
  const timeZones = useTimeZones(values.timeZone);
  const weekdays = useWeekdayNames();
  return (
    <>
      <Select
        label={t('settings.timeZone')}
        data={timeZones}
        value={values.timeZone}
        onChange={(value) => value && setField('timeZone', value)}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('common.noMatch')}
        error={problem('timeZone')}
        maw={360}
        comboboxProps={{ withinPortal: true }}
      />
      <Input.Wrapper label={t('settings.workingDays')} error={problem('workingDays')}>
        <Chip.Group
          multiple
          value={values.workingDays.map(String)}
          onChange={(days) =>
            setField(
              'workingDays',
              days.map(Number).sort((a, b) => a - b),
            )
          }
        >
          <Group gap="xs" mt={6} role="group" aria-label={t('settings.workingDays')}>
            {WEEKDAYS.map((day) => (
              <Chip key={day} value={String(day)} variant="outline">
                {weekdays.get(day)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={400}>
        <TextInput
          type="time"
          label={t('settings.workdayStart')}
          value={values.workdayStart}
          onChange={(event) => setField('workdayStart', event.currentTarget.value)}
          error={problem('workdayStart')}
        />
        <TextInput
          type="time"
          label={t('settings.workdayEnd')}
          value={values.workdayEnd}
          onChange={(event) => setField('workdayEnd', event.currentTarget.value)}
          error={problem('workdayEnd')}
        />
      </SimpleGrid>
      <CountryHolidaysField
        country={values.holidayCountry ?? null}
        region={values.holidayRegion ?? null}
        removed={values.holidaysRemoved}
        timeZone={values.timeZone}
        onCountry={(country) => setField('holidayCountry', country)}
        onRegion={(region) => setField('holidayRegion', region)}
        onRemoved={(removed) => setField('holidaysRemoved', removed)}
        error={problem('holidayCountry') ?? problem('holidayRegion') ?? problem('holidaysRemoved')}
      />
      <HolidaysField
        holidays={values.publicHolidays}
        onChange={(holidays) => setField('publicHolidays', holidays)}
        error={problem('publicHolidays')}
      />
    </>
  );
}
