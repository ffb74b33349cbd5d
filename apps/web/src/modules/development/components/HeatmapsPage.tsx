import { useQuery } from '@apollo/client/react';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DevelopmentHeatmapsDocument, type DevelopmentHeatmapsQuery } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { heatColor, useDevFormat } from './DevUi';

type Heatmap = DevelopmentHeatmapsQuery['autonomyHeatmap'];

/** The organisation's (or the line's) autonomy and skills-coverage heatmaps. */
export default function HeatmapsPage() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const q = useQuery(DevelopmentHeatmapsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('development.heatmaps.title')}
        description={t('development.heatmaps.description')}
      />
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.loading && !q.data && <PageLoader />}
      {q.data && (
        <>
          <HeatmapCard
            title={t('development.heatmaps.autonomy')}
            map={q.data.autonomyHeatmap}
            columns={q.data.autonomyHeatmap.columns.map(f.month)}
            testId="autonomy-heatmap"
          />
          <HeatmapCard
            title={t('development.heatmaps.skills')}
            map={q.data.skillsHeatmap}
            columns={q.data.skillsHeatmap.columns}
            testId="skills-heatmap"
          />
        </>
      )}
    </Stack>
  );
}

function HeatmapCard({
  title,
  map,
  columns,
  testId,
}: {
  title: string;
  map: Heatmap;
  columns: string[];
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useDevFormat();
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {map.rows.length === 0 ? (
        <Text c="dimmed">{t('development.common.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withColumnBorders data-testid={testId} fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('development.common.team')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
                <Table.Th>{t('development.heatmaps.overall')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {map.rows.map((r) => (
                <Table.Tr key={r.teamId}>
                  <Table.Td>{r.teamName}</Table.Td>
                  {r.cells.map((v, i) => (
                    <Table.Td key={i} style={{ background: heatColor(v), textAlign: 'right' }}>
                      {v === null ? '' : f.one(v)}
                    </Table.Td>
                  ))}
                  <Table.Td style={{ background: heatColor(r.overall), textAlign: 'right', fontWeight: 600 }}>
                    {f.percent(r.overall)}
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
