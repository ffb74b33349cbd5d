import { BarChart } from '@mantine/charts';
import { Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { useLocalized } from '../hooks/useLocalized';
import { useResultFormat } from '../hooks/useResultFormat';
import { headlineMetric, humanizeKey, type QuestionResult } from '../utils/results';
import { NotEnoughAnswers } from './NotEnoughAnswers';
import { QuestionTypeBadge } from './QuestionTypeBadge';

interface QuestionResultCardProps {
  result: QuestionResult;
  number: number;
  k: number;
}

/** One question for the chosen group: its headline figure, mean, and how the answers spread (bars). */
export function QuestionResultCard({ result, number, k }: QuestionResultCardProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  const format = useFormatters();
  const resultFormat = useResultFormat();
  const metric = headlineMetric(result.type);
  const headline = metric ? result[metric] : null;
  const bucketLabel = (key: string) => {
    if (result.type === 'YES_NO') return key === 'yes' ? t('common.yes') : t('common.no');
    if (result.type === 'SINGLE_CHOICE' || result.type === 'MULTIPLE_CHOICE') return humanizeKey(key);
    return key;
  };
  const data = (result.distribution ?? []).map((bucket) => ({
    label: bucketLabel(bucket.key),
    share: bucket.share,
    count: bucket.count,
  }));
  const isChoice = result.type === 'SINGLE_CHOICE' || result.type === 'MULTIPLE_CHOICE';
  const title = `${number}. ${text(result.text)}`;
  return (
    <Card withBorder padding="lg" data-testid={`results-question-${result.questionId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={600} size="sm">
            {title}
          </Text>
          <QuestionTypeBadge type={result.type} />
        </Group>
        {!result.shown ? (
          <NotEnoughAnswers reason={result.reason} threshold={k} />
        ) : (
          <>
            <Group gap="xl" align="flex-end">
              {metric && headline !== null && (
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t(`surveys.results.metric.${metric}`)}
                  </Text>
                  <Text fz={28} fw={700} lh={1.1} data-testid="results-question-score">
                    {resultFormat.headline(metric, headline)}
                  </Text>
                </div>
              )}
              {result.mean !== null && (
                <div>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t('surveys.results.mean')}
                  </Text>
                  <Text fz="lg" fw={600}>
                    {resultFormat.mean(result.mean)}
                  </Text>
                </div>
              )}
              {result.n !== null && (
                <Text size="sm" c="dimmed">
                  {t('surveys.results.answers', { count: result.n, formatted: format.number(result.n) })}
                </Text>
              )}
            </Group>
            {data.length > 0 && (
              <>
                <div aria-hidden>
                  <BarChart
                    h={isChoice ? Math.max(120, data.length * 36) : 170}
                    data={data}
                    dataKey="label"
                    orientation={isChoice ? 'vertical' : 'horizontal'}
                    series={[{ name: 'share', label: t('surveys.results.share'), color: 'teal.6' }]}
                    valueFormatter={(value) => resultFormat.percent(value)}
                    yAxisProps={isChoice ? { width: 120 } : { domain: [0, 100] }}
                    xAxisProps={isChoice ? { domain: [0, 100] } : undefined}
                    gridAxis={isChoice ? 'x' : 'y'}
                    tickLine="none"
                    accessibilityLayer={false}
                  />
                </div>
                <VisuallyHidden>
                  <Table>
                    <caption>{t('surveys.results.distributionOf', { question: title })}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('surveys.results.answer')}</Table.Th>
                        <Table.Th scope="col">{t('surveys.results.count')}</Table.Th>
                        <Table.Th scope="col">{t('surveys.results.share')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.map((bucket) => (
                        <Table.Tr key={bucket.label}>
                          <Table.Th scope="row">{bucket.label}</Table.Th>
                          <Table.Td>{format.number(bucket.count)}</Table.Td>
                          <Table.Td>{resultFormat.percent(bucket.share)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </VisuallyHidden>
              </>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
