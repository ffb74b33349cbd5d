import { useQuery } from '@apollo/client/react';
import {
  Group,
  Input,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountryHolidaysDocument, HolidayCountriesDocument } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { localDateIn } from '../../../platform/time/local-date';

interface CountryHolidaysFieldProps {
  country: string | null;
  region: string | null;
  removed: readonly string[];
  /** The organisation's time zone: "this year" is its year. */
  timeZone: string;
  onCountry(country: string | null): void;
  onRegion(region: string | null): void;
  onRemoved(removed: string[]): void;
  error?: string;
}

/**
 * The country (and region) whose public holidays are the organisation's days off, every year, and
 * the holidays of this year or the next: each can be switched off when the organisation works it.
 */
export function CountryHolidaysField(props: CountryHolidaysFieldProps) {
  const { country, region, removed, timeZone, onCountry, onRegion, onRemoved, error } = props;
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const locale = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const thisYear = localDateIn(new Date(), timeZone).getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const countries = useQuery(HolidayCountriesDocument, { variables: { locale } });
  const list = useMemo(() => countries.data?.holidayCountries ?? [], [countries.data]);
  const regions = list.find((c) => c.code === country)?.regions ?? [];
  const days = useQuery(CountryHolidaysDocument, {
    variables: { country: country ?? '', region, year, locale },
    skip: !country,
  });
  const off = new Set(removed);
  const toggle = (date: string, dayOff: boolean) =>
    onRemoved(dayOff ? removed.filter((d) => d !== date) : [...removed, date].sort());

  return (
    <Input.Wrapper
      label={t('settings.holidayCountry')}
      description={t('settings.holidayCountryHint')}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={560} mt={6}>
        <Select
          aria-label={t('settings.holidayCountry')}
          placeholder={t('settings.noHolidayCountry')}
          data={list.map((c) => ({ value: c.code, label: c.name }))}
          value={country}
          onChange={(value) => {
            onCountry(value);
            onRegion(null);
          }}
          searchable
          clearable
          nothingFoundMessage={t('common.noMatch')}
          rightSection={countries.loading ? <Loader size="xs" /> : undefined}
          comboboxProps={{ withinPortal: true }}
          data-testid="holiday-country"
        />
        {regions.length > 0 && (
          <Select
            aria-label={t('settings.holidayRegion')}
            placeholder={t('settings.wholeCountry')}
            data={regions.map((r) => ({ value: r.code, label: r.name }))}
            value={region}
            onChange={onRegion}
            searchable
            clearable
            nothingFoundMessage={t('common.noMatch')}
            comboboxProps={{ withinPortal: true }}
            data-testid="holiday-region"
          />
        )}
      </SimpleGrid>
      {country && (
        <>
          <Group mt="sm" gap="sm">
            <SegmentedControl
              size="xs"
              aria-label={t('settings.holidayYear')}
              value={String(year)}
              onChange={(value) => setYear(Number(value))}
              data={[String(thisYear), String(thisYear + 1)]}
            />
            {days.loading && <Loader size="xs" />}
          </Group>
          <Table verticalSpacing={4} mt="xs" maw={560} data-testid="country-holidays">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.holidayName')}</Table.Th>
                <Table.Th ta="right">{t('settings.holidayOff')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(days.data?.countryHolidays ?? []).map((day) => (
                <Table.Tr key={day.date}>
                  <Table.Td>
                    <Text size="sm">{day.name}</Text>
                    <Text size="xs" c="dimmed">
                      {format.date(day.date)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Switch
                        checked={!off.has(day.date)}
                        onChange={(event) => toggle(day.date, event.currentTarget.checked)}
                        aria-label={t('settings.holidayOffFor', {
                          name: day.name,
                          date: format.date(day.date),
                        })}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {days.error && (
            <Text size="sm" c="red">
              {t('settings.holidaysUnavailable')}
            </Text>
          )}
        </>
      )}
    </Input.Wrapper>
  );
}
