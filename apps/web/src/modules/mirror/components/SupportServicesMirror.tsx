import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useSupportServiceMirror } from '../hooks/useMirror';
import { useMirrorFormat } from '../hooks/useMirrorFormat';
import { SIDE_COLORS } from './PairCard';

const MONTHS = 12;

/** Per support service: how each front-line team rates it, beside that team's customer satisfaction. */
export function SupportServicesMirror({ teams }: { teams: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const { services, loading, error, refetch } = useSupportServiceMirror(MONTHS);
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const percent = (value: number) => format.value({ unit: '%', scaleMax: 100 }, value);
  return (
    <section aria-labelledby="mirror-services-heading" data-testid="mirror-services">
      <Title order={2} size="h3" mb={4} id="mirror-services-heading">
        {t('mirror.services.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {t('mirror.services.description', { context, count: MONTHS })}
      </Text>
      {!services && loading ? (
        <PageLoader />
      ) : !services ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : services.length === 0 ? (
        <Text c="dimmed">{t('mirror.services.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {services.map((service) => {
            const data = service.teams.map((team) => ({
              team: names.get(team.teamId) ?? team.teamId,
              internal: team.internalCsat,
              customer: team.customerCsat,
            }));
            return (
              <Card key={service.supportServiceId} withBorder padding="lg" data-testid="mirror-service">
                <Stack gap={4}>
                  <Title order={3} size="h4">
                    {service.name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {service.spearman === null
                      ? t('mirror.services.spearmanNone', { count: service.n })
                      : t('mirror.services.spearman', { rho: format.r(service.spearman), count: service.n })}
                  </Text>
                </Stack>
                <div aria-hidden>
                  <BarChart
                    h={Math.max(160, 48 + data.length * 40)}
                    mt="sm"
                    data={data}
                    dataKey="team"
                    orientation="vertical"
                    series={[
                      { name: 'internal', label: t('mirror.services.internal'), color: SIDE_COLORS.employee },
                      {
                        name: 'customer',
                        label: t('mirror.services.customer', { context }),
                        color: SIDE_COLORS.customer,
                      },
                    ]}
                    withLegend
                    legendProps={{ verticalAlign: 'bottom', height: 40 }}
                    xAxisProps={{ domain: [0, 100] }}
                    yAxisProps={{ width: 140 }}
                    valueFormatter={(value) => percent(value)}
                    accessibilityLayer={false}
                  />
                </div>
                <VisuallyHidden>
                  <Table>
                    <caption>{service.name}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('mirror.heatmap.team')}</Table.Th>
                        <Table.Th scope="col">{t('mirror.services.internal')}</Table.Th>
                        <Table.Th scope="col">{t('mirror.services.ratings')}</Table.Th>
                        <Table.Th scope="col">{t('mirror.services.customer', { context })}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {service.teams.map((team) => (
                        <Table.Tr key={team.teamId}>
                          <Table.Th scope="row">{names.get(team.teamId) ?? team.teamId}</Table.Th>
                          <Table.Td>{percent(team.internalCsat)}</Table.Td>
                          <Table.Td>{format.number(team.ratings)}</Table.Td>
                          <Table.Td>
                            {team.customerCsat === null ? t('mirror.notEnough') : percent(team.customerCsat)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </VisuallyHidden>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </section>
  );
}
