import { LineChart } from '@mantine/charts';
import { Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { useResultFormat } from '../hooks/useResultFormat';
import type { SurveyResults } from '../utils/results';

/** eNPS and engagement wave after wave; hidden waves leave a gap. */
export function TrendCard({ trend }: { trend: SurveyResults['trend'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const resultFormat = useResultFormat();
  const data = trend.map((point) => ({
    wave: t('surveys.results.waveShort', { number: point.waveNumber }),
    enps: point.shown ? point.enps : null,
    engagement: point.shown ? point.engagement : null,
  }));
  const hasEnps = data.some((point) => point.enps !== null);
  const hasEngagement = data.some((point) => point.engagement !== null);
  const series = [
    ...(hasEnps ? [{ name: 'enps', label: t('surveys.results.enps'), color: 'indigo.6' }] : []),
    ...(hasEngagement
      ? [{ name: 'engagement', label: t('surveys.results.engagement'), color: 'teal.6' }]
      : []),
  ];
  const notEnough = t('surveys.results.notEnough');
  return (
    <Card withBorder padding="lg" data-testid="results-trend">
      <Title order={2} size="h4" mb={4}>
        {t('surveys.results.trend.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('surveys.results.trend.description')}
      </Text>
      <div aria-hidden>
        <LineChart
          h={240}
          data={data}
          dataKey="wave"
          series={series}
          connectNulls={false}
          withLegend
          yAxisProps={{ domain: [-100, 100] }}
          valueFormatter={(value) => format.number(Math.round(value))}
          referenceLines={[{ y: 0, color: 'gray.5' }]}
          accessibilityLayer={false}
        />
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{t('surveys.results.trend.title')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('surveys.results.wave')}</Table.Th>
              <Table.Th scope="col">{t('surveys.results.enps')}</Table.Th>
              <Table.Th scope="col">{t('surveys.results.engagement')}</Table.Th>
              <Table.Th scope="col">{t('surveys.results.respondents')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map((point) => (
              <Table.Tr key={point.waveNumber}>
                <Table.Th scope="row">
                  {t('surveys.results.waveOption', {
                    number: point.waveNumber,
                    date: format.dateTime(point.closesAt),
                  })}
                </Table.Th>
                <Table.Td>
                  {point.shown && point.enps !== null ? resultFormat.nps(point.enps) : notEnough}
                </Table.Td>
                <Table.Td>
                  {point.shown && point.engagement !== null
                    ? resultFormat.percent(point.engagement)
                    : notEnough}
                </Table.Td>
                <Table.Td>
                  {point.shown && point.respondents !== null ? format.number(point.respondents) : notEnough}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Card>
  );
}
