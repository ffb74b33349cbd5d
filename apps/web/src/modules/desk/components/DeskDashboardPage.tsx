import { BarChart, LineChart } from '@mantine/charts';
import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useDeskAccess } from '../hooks/useDeskAccess';
import { useDeskMetrics } from '../hooks/useDeskMetrics';
import { useCatalogue } from '../hooks/useRequests';
import { categoryRows, lastMonths, monthlySeries, type MetricRow } from '../utils/metrics';
import { ServicePicker } from './ServicePicker';

const MONTHS = 12;

function useMetricFormat() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit' });
    const longMonthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric' });
    const percentFormat = new Intl.NumberFormat(i18n.language, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const toDate = (month: string) => new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
    return {
      month: (month: string) => monthFormat.format(toDate(month)),
      longMonth: (month: string) => longMonthFormat.format(toDate(month)),
      percent: (value: number | null) => (value === null ? '—' : percentFormat.format(value / 100)),
      hours: (value: number | null) =>
        value === null
          ? '—'
          : t('desk.dashboard.hours', { value: format.number(Math.round(value * 10) / 10) }),
      effort: (value: number | null) => (value === null ? '—' : format.number(Math.round(value * 10) / 10)),
      number: (value: number) => format.number(value),
    };
  }, [format, i18n.language, t]);
}

/** A service's figures over 12 months: conformity, CSAT and effort, volumes and backlog, and by category. */
export default function DeskDashboardPage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const access = useDeskAccess();
  const [params, setParams] = useSearchParams();
  const services = access.services ?? [];
  const serviceId = params.get('service') ?? services[0]?.id ?? null;
  const metrics = useDeskMetrics(serviceId, MONTHS);
  const months = useMemo(() => lastMonths(MONTHS), []);
  const series = useMemo(() => monthlySeries(metrics.totals ?? [], months), [metrics.totals, months]);
  const current = series[series.length - 1] ?? null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('desk.dashboard.title')}
        description={t('desk.dashboard.description', { context: vocabulary.context })}
      />
      {access.loading && <PageLoader />}
      {services.length > 0 && (
        <ServicePicker services={services} value={serviceId} onChange={(id) => setParams({ service: id })} />
      )}
      {metrics.error && <QueryError error={metrics.error} onRetry={metrics.refetch} />}
      {metrics.loading && !metrics.totals && <PageLoader />}
      {metrics.totals && (
        <>
          <CurrentMonth row={current} month={months[months.length - 1]!} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ConformityCard months={months} series={series} />
            <RatingsCard months={months} series={series} />
            <VolumesCard months={months} series={series} />
            <TimesCard months={months} series={series} />
          </SimpleGrid>
          <MonthlyTable months={months} series={series} />
          <CategoryTable serviceId={serviceId} rows={metrics.categories ?? []} months={months} />
        </>
      )}
    </Stack>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function CurrentMonth({ row, month }: { row: MetricRow | null; month: string }) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const headingId = useId();
  const notEnough = t('desk.dashboard.notEnoughRatings');
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {t('desk.dashboard.thisMonth', { month: f.longMonth(month) })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        <Stat
          label={t('desk.dashboard.opened')}
          value={f.number(row?.opened ?? 0)}
          testId="desk-dashboard-opened"
        />
        <Stat
          label={t('desk.dashboard.resolved')}
          value={f.number(row?.resolved ?? 0)}
          testId="desk-dashboard-resolved"
        />
        <Stat
          label={t('desk.dashboard.backlog')}
          value={f.number(row?.backlog ?? 0)}
          testId="desk-dashboard-backlog"
        />
        <Stat
          label={t('desk.dashboard.firstResponseConformity')}
          value={f.percent(row?.firstResponseConformity ?? null)}
          testId="desk-dashboard-first-response"
        />
        <Stat
          label={t('desk.dashboard.resolutionConformity')}
          value={f.percent(row?.resolutionConformity ?? null)}
          testId="desk-dashboard-resolution"
        />
        <Stat
          label={t('desk.dashboard.csat')}
          value={row?.csat != null ? f.percent(row.csat) : notEnough}
          hint={row?.ratings != null ? t('desk.dashboard.ratings', { count: row.ratings }) : undefined}
          testId="desk-dashboard-csat"
        />
        <Stat
          label={t('desk.dashboard.effort')}
          value={row?.effort != null ? f.effort(row.effort) : notEnough}
          hint={t('desk.dashboard.effortHint')}
          testId="desk-dashboard-effort"
        />
      </SimpleGrid>
    </section>
  );
}

interface SeriesProps {
  months: readonly string[];
  series: readonly (MetricRow | null)[];
}

function ChartCard({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
  testId: string;
}) {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} size="h4" mb={4} id={headingId}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {/* The figures are in the monthly table below, for screen readers. */}
      <div aria-hidden>{children}</div>
    </Card>
  );
}

function ConformityCard({ months, series }: SeriesProps) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const data = months.map((month, index) => ({
    month: f.month(month),
    firstResponse: series[index]?.firstResponseConformity ?? null,
    resolution: series[index]?.resolutionConformity ?? null,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.conformityTitle')}
      description={t('desk.dashboard.conformityDescription')}
      testId="desk-dashboard-conformity"
    >
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'firstResponse', label: t('desk.dashboard.firstResponseConformity'), color: 'indigo.6' },
          { name: 'resolution', label: t('desk.dashboard.resolutionConformity'), color: 'teal.6' },
        ]}
        connectNulls={false}
        withLegend
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => f.percent(value)}
        accessibilityLayer={false}
      />
    </ChartCard>
  );
}

function RatingsCard({ months, series }: SeriesProps) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const data = months.map((month, index) => ({
    month: f.month(month),
    csat: series[index]?.csat ?? null,
    // Effort 1-7 drawn on the same 0-100 axis would mislead: shown as its share of the scale's best (7).
    effort: series[index]?.effort != null ? ((series[index]!.effort! - 1) / 6) * 100 : null,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.ratingsTitle')}
      description={t('desk.dashboard.ratingsDescription')}
      testId="desk-dashboard-ratings"
    >
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'csat', label: t('desk.dashboard.csat'), color: 'grape.6' },
          { name: 'effort', label: t('desk.dashboard.effortScaled'), color: 'orange.6' },
        ]}
        connectNulls={false}
        withLegend
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => f.percent(value)}
        accessibilityLayer={false}
      />
    </ChartCard>
  );
}

function VolumesCard({ months, series }: SeriesProps) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const data = months.map((month, index) => ({
    month: f.month(month),
    opened: series[index]?.opened ?? 0,
    resolved: series[index]?.resolved ?? 0,
    backlog: series[index]?.backlog ?? 0,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.volumesTitle')}
      description={t('desk.dashboard.volumesDescription')}
      testId="desk-dashboard-volumes"
    >
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'opened', label: t('desk.dashboard.opened'), color: 'blue.6' },
          { name: 'resolved', label: t('desk.dashboard.resolved'), color: 'teal.6' },
          { name: 'backlog', label: t('desk.dashboard.backlog'), color: 'gray.6' },
        ]}
        withLegend
        valueFormatter={(value) => f.number(value)}
        accessibilityLayer={false}
      />
    </ChartCard>
  );
}

function TimesCard({ months, series }: SeriesProps) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const data = months.map((month, index) => ({
    month: f.month(month),
    response: series[index]?.medianResponseHours ?? null,
    resolve: series[index]?.medianResolveHours ?? null,
  }));
  return (
    <ChartCard
      title={t('desk.dashboard.timesTitle')}
      description={t('desk.dashboard.timesDescription')}
      testId="desk-dashboard-times"
    >
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'response', label: t('desk.dashboard.medianResponse'), color: 'indigo.6' },
          { name: 'resolve', label: t('desk.dashboard.medianResolve'), color: 'teal.6' },
        ]}
        connectNulls={false}
        withLegend
        valueFormatter={(value) => f.hours(value)}
        accessibilityLayer={false}
      />
    </ChartCard>
  );
}

/** Every monthly figure as a table: what the charts draw, for screen readers (and exact values). */
function MonthlyTable({ months, series }: SeriesProps) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const notEnough = t('desk.dashboard.notEnoughRatings');
  return (
    <VisuallyHidden>
      <Table>
        <caption>{t('desk.dashboard.monthlyCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('desk.dashboard.month')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.opened')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.resolved')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.backlog')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.firstResponseConformity')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.resolutionConformity')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.medianResponse')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.medianResolve')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.csat')}</Table.Th>
            <Table.Th scope="col">{t('desk.dashboard.effort')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((month, index) => {
            const row = series[index] ?? null;
            return (
              <Table.Tr key={month}>
                <Table.Th scope="row">{f.longMonth(month)}</Table.Th>
                <Table.Td>{f.number(row?.opened ?? 0)}</Table.Td>
                <Table.Td>{f.number(row?.resolved ?? 0)}</Table.Td>
                <Table.Td>{f.number(row?.backlog ?? 0)}</Table.Td>
                <Table.Td>{f.percent(row?.firstResponseConformity ?? null)}</Table.Td>
                <Table.Td>{f.percent(row?.resolutionConformity ?? null)}</Table.Td>
                <Table.Td>{f.hours(row?.medianResponseHours ?? null)}</Table.Td>
                <Table.Td>{f.hours(row?.medianResolveHours ?? null)}</Table.Td>
                <Table.Td>{row?.csat != null ? f.percent(row.csat) : notEnough}</Table.Td>
                <Table.Td>{row?.effort != null ? f.effort(row.effort) : notEnough}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
}

function CategoryTable({
  serviceId,
  rows,
  months,
}: {
  serviceId: string | null;
  rows: readonly MetricRow[];
  months: readonly string[];
}) {
  const { t } = useTranslation();
  const f = useMetricFormat();
  const headingId = useId();
  const [month, setMonth] = useState(months[months.length - 1]!);
  const catalogue = useCatalogue(serviceId);
  const names = new Map((catalogue.categories ?? []).map((category) => [category.id, category.name]));
  const shown = categoryRows(rows, month);
  const notEnough = t('desk.dashboard.notEnoughRatings');
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      data-testid="desk-dashboard-categories"
    >
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('desk.dashboard.byCategory')}
        </Title>
        <Select
          label={t('desk.dashboard.month')}
          data={[...months].reverse().map((value) => ({ value, label: f.longMonth(value) }))}
          value={month}
          onChange={(value) => value && setMonth(value)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('desk.dashboard.noRequests')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <caption style={{ captionSide: 'top', textAlign: 'start' }}>
              <VisuallyHidden>
                {t('desk.dashboard.byCategoryCaption', { month: f.longMonth(month) })}
              </VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('desk.queue.category')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.opened')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.resolved')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.backlog')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.firstResponseConformity')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.resolutionConformity')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.csat')}</Table.Th>
                <Table.Th scope="col">{t('desk.dashboard.effort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.categoryId}>
                  <Table.Th scope="row">
                    {names.get(row.categoryId ?? '') ?? t('desk.dashboard.unknownCategory')}
                  </Table.Th>
                  <Table.Td>{f.number(row.opened)}</Table.Td>
                  <Table.Td>{f.number(row.resolved)}</Table.Td>
                  <Table.Td>{f.number(row.backlog)}</Table.Td>
                  <Table.Td>{f.percent(row.firstResponseConformity)}</Table.Td>
                  <Table.Td>{f.percent(row.resolutionConformity)}</Table.Td>
                  <Table.Td>{row.csat != null ? f.percent(row.csat) : notEnough}</Table.Td>
                  <Table.Td>{row.effort != null ? f.effort(row.effort) : notEnough}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
