import { Alert, Badge, Card, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../platform/apollo/errors';
import { useFormatters } from '../../../platform/i18n/format';
import type { DevFigureFieldsFragment } from '../../../gql/graphql';
import { figureDelta } from '../utils/figures';

/** Number formats of the development screens. */
export function useDevFormat() {
  const { i18n } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(i18n.language, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    const one = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    return {
      ...format,
      month: (m: string) => month.format(new Date(`${m}-01T00:00:00Z`)),
      percent: (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${one.format(v)} %`),
      one: (v: number | null | undefined) => (v === null || v === undefined ? '—' : one.format(v)),
      /** An exact decimal string from the API, shown as is (decimal comma in French). */
      decimal: (v: string | null | undefined) =>
        v === null || v === undefined ? '—' : i18n.language.startsWith('fr') ? v.replace('.', ',') : v,
    };
  }, [format, i18n.language]);
}

/** A figure with its change since the previous period and the organisation's value beside it. */
export function FigureCard({
  label,
  figure,
  format,
  testId,
  higherIsBetter = true,
  hint,
}: {
  label: string;
  figure: DevFigureFieldsFragment;
  format: (v: number | null | undefined) => string;
  testId: string;
  higherIsBetter?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const delta = figureDelta(figure.value, figure.previous);
  const good = delta === null || delta === 0 ? null : delta > 0 === higherIsBetter;
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text size="xl" fw={700} data-testid={`${testId}-value`}>
          {format(figure.value)}
        </Text>
        {delta !== null && (
          <Badge size="sm" variant="light" color={good === null ? 'gray' : good ? 'teal' : 'red'}>
            {delta > 0 ? '+' : ''}
            {format(delta)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('development.common.organization', { value: format(figure.organization) })}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The API's refusal, in its own words (they say what to do), with the code's translation as a title. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = toApiError(error);
  return (
    <Alert color="red" title={t(`errors.${apiError.code}`)} data-testid="dev-error">
      {apiError.message}
    </Alert>
  );
}

/** Background colour for a 0-100 heatmap cell (red → amber → teal). */
export function heatColor(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value >= 80) return 'var(--mantine-color-teal-2)';
  if (value >= 65) return 'var(--mantine-color-lime-2)';
  if (value >= 50) return 'var(--mantine-color-yellow-2)';
  if (value >= 35) return 'var(--mantine-color-orange-2)';
  return 'var(--mantine-color-red-2)';
}
