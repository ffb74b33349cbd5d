import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../hooks/useLocalized';
import { useResultFormat } from '../hooks/useResultFormat';
import type { SurveyResults } from '../utils/results';
import { useDriverName } from '../hooks/useDriverName';

/** Which items move with the outcome (eNPS or engagement) in this group, strongest first. */
export function DriversCard({ drivers }: { drivers: SurveyResults['drivers'] }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const format = useResultFormat();
  const driverName = useDriverName();
  const outcome = drivers.outcome === 'enps' ? t('surveys.results.enps') : t('surveys.results.engagement');
  return (
    <Card withBorder padding="lg" data-testid="results-drivers">
      <Title order={2} size="h4" mb={4}>
        {t('surveys.results.drivers.title', { outcome })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('surveys.results.drivers.description', { outcome })}
      </Text>
      {!drivers.computed ? (
        <Alert
          variant="light"
          color="gray"
          icon={<IconInfoCircle aria-hidden />}
          data-testid="results-drivers-reason"
        >
          {drivers.reason === 'GROUP_TOO_SMALL'
            ? t('surveys.results.drivers.GROUP_TOO_SMALL', { count: drivers.minRespondents })
            : t('surveys.results.drivers.NOT_ENOUGH_ANSWERS', { count: drivers.minRespondents })}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('surveys.results.drivers.item')}</Table.Th>
                <Table.Th scope="col">{t('surveys.results.drivers.driver')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('surveys.results.drivers.r')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('surveys.results.drivers.favourable')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...drivers.items]
                .sort((a, b) => (b.r ?? -2) - (a.r ?? -2))
                .map((item) => (
                  <Table.Tr key={item.questionId} data-testid="results-driver-row">
                    <Table.Td>{text(item.text)}</Table.Td>
                    <Table.Td>{item.driver ? driverName(item.driver) : '—'}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {item.r === null ? '—' : format.correlation(item.r)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {item.favourable === null ? '—' : format.percent(item.favourable)}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
