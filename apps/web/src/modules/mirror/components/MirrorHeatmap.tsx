import { Anchor, Card, Group, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useMirrorFormat } from '../hooks/useMirrorFormat';
import { usePairTitle } from '../hooks/usePairTitle';
import { GAP_TONES, gapTone, heatmapGrid, teamsWithFigures, type MirrorView } from '../utils/mirror';

interface MirrorHeatmapProps {
  view: MirrorView;
  selectedTeamId: string | null;
  onPickTeam(teamId: string): void;
}

/** Teams × pairs for the latest period, each cell coloured by its gap; a missing side shows a dash. */
export function MirrorHeatmap({ view, selectedTeamId, onPickTeam }: MirrorHeatmapProps) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const pairTitle = usePairTitle();
  const grid = heatmapGrid(view.heatmap);
  const withFigures = teamsWithFigures(view.heatmap);
  const teams = grid.teams.filter((team) => withFigures.has(team.id) || team.id === selectedTeamId);
  const notEnough = t('mirror.notEnough');
  const title = t('mirror.heatmap.title', {
    period: format.period(view.periodKind, view.periods[view.periods.length - 1] ?? ''),
  });
  return (
    <Card withBorder padding="lg" data-testid="mirror-heatmap">
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('mirror.heatmap.description', { context })}
      </Text>
      {teams.length === 0 ? (
        <Text c="dimmed">{t('mirror.heatmap.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={Math.max(520, 200 + view.pairs.length * 96)}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="xs" fz="sm">
            <caption>
              <VisuallyHidden>{title}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mirror.heatmap.team')}</Table.Th>
                {view.pairs.map((pair) => (
                  <Table.Th key={pair.key} scope="col" ta="center">
                    {pairTitle(pair)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr
                  key={team.id}
                  data-testid="mirror-heatmap-row"
                  bg={team.id === selectedTeamId ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  <Table.Th scope="row" fw={500} style={{ minWidth: 180 }}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onPickTeam(team.id)}
                      aria-current={team.id === selectedTeamId ? 'true' : undefined}
                    >
                      {team.name}
                    </Anchor>
                  </Table.Th>
                  {view.pairs.map((pair) => {
                    const cell = grid.cell(team.id, pair.key);
                    if (!cell || cell.gap === null) {
                      const partial =
                        cell && (cell.customer !== null || cell.employee !== null)
                          ? t('mirror.heatmap.oneSide', {
                              side: t(`mirror.side.${cell.customer !== null ? 'customer' : 'employee'}`, {
                                context,
                              }),
                              score: format.score((cell.customer ?? cell.employee)!),
                            })
                          : null;
                      return (
                        <Table.Td key={pair.key} ta="center" c="dimmed" data-testid="mirror-heatmap-missing">
                          <Tooltip
                            label={partial ? `${notEnough} — ${partial}` : notEnough}
                            withinPortal
                            multiline
                            maw={280}
                          >
                            <span tabIndex={0}>
                              <span aria-hidden>—</span>
                              <VisuallyHidden>
                                {partial ? `${notEnough}. ${partial}` : notEnough}
                              </VisuallyHidden>
                            </span>
                          </Tooltip>
                        </Table.Td>
                      );
                    }
                    const tone = gapTone(cell.gap);
                    const detail = t('mirror.heatmap.cell', {
                      context,
                      employee: format.score(cell.employee!),
                      customer: format.score(cell.customer!),
                    });
                    return (
                      <Table.Td
                        key={pair.key}
                        ta="center"
                        bg={tone}
                        c="dark.8"
                        fw={600}
                        data-tone={tone}
                        data-testid="mirror-heatmap-cell"
                      >
                        <Tooltip label={detail} withinPortal>
                          <span tabIndex={0}>
                            <span aria-hidden>{format.gap(cell.gap)}</span>
                            <VisuallyHidden>{`${t('mirror.pair.gap', { gap: format.gap(cell.gap) })}. ${detail}`}</VisuallyHidden>
                          </span>
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="xs" mt="sm" aria-hidden wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('mirror.heatmap.legendCustomersAhead', { context })}
        </Text>
        {GAP_TONES.map((tone) => (
          <span
            key={tone}
            style={{
              width: 20,
              height: 12,
              borderRadius: 2,
              background: `var(--mantine-color-${tone.replace('.', '-')})`,
              display: 'inline-block',
            }}
          />
        ))}
        <Text size="xs" c="dimmed">
          {t('mirror.heatmap.legendEmployeesAhead', { context })}
        </Text>
        <Text size="xs" c="dimmed" ml="md">
          {t('mirror.heatmap.legendMissing')}
        </Text>
      </Group>
    </Card>
  );
}
