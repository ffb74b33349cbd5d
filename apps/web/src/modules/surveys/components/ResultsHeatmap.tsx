import { Card, Group, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useResultFormat } from '../hooks/useResultFormat';
import {
  heatmapKey,
  heatmapLookup,
  SCORE_TONES,
  scoreTone,
  type HeatmapData,
  type ResultSlice,
} from '../utils/results';

export interface HeatmapColumn {
  key: string;
  /** What the column head shows (short). */
  header: ReactNode;
  /** The full name, for the tooltip and screen readers. */
  name: string;
  isNps: boolean;
}

interface ResultsHeatmapProps {
  title: string;
  description: string;
  heatmap: HeatmapData;
  columns: readonly HeatmapColumn[];
  slices: readonly ResultSlice[];
  sliceLabel(slice: ResultSlice): string;
  testId: string;
}

/** Groups × questions (or drivers): each score on a red-to-green scale; hidden cells show a dash. */
export function ResultsHeatmap({
  title,
  description,
  heatmap,
  columns,
  slices,
  sliceLabel,
  testId,
}: ResultsHeatmapProps) {
  const { t } = useTranslation();
  const format = useResultFormat();
  const cells = heatmapLookup(heatmap);
  const sliceById = new Map(slices.map((slice) => [slice.id, slice]));
  const notEnough = t('surveys.results.notEnough');
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(480, 180 + columns.length * 64)}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="xs" fz="sm">
          <caption>
            <VisuallyHidden>{title}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('surveys.results.group')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" ta="center" style={{ whiteSpace: 'nowrap' }}>
                  <Tooltip label={column.name} multiline maw={320} withinPortal>
                    <span tabIndex={0}>
                      <span aria-hidden>{column.header}</span>
                      <VisuallyHidden>{column.name}</VisuallyHidden>
                    </span>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {heatmap.rows.map((row) => {
              const slice = sliceById.get(row.id);
              return (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row" fw={500} style={{ minWidth: 160 }}>
                    {slice ? sliceLabel(slice) : row.id}
                  </Table.Th>
                  {columns.map((column) => {
                    const cell = cells.get(heatmapKey(row.id, column.key));
                    if (!cell || !cell.shown || cell.score === null) {
                      return (
                        <Table.Td key={column.key} ta="center" c="dimmed" data-testid="heatmap-hidden">
                          <Tooltip label={notEnough} withinPortal>
                            <span tabIndex={0}>
                              <span aria-hidden>—</span>
                              <VisuallyHidden>{notEnough}</VisuallyHidden>
                            </span>
                          </Tooltip>
                        </Table.Td>
                      );
                    }
                    const tone = scoreTone(cell.score, column.isNps);
                    return (
                      <Table.Td
                        key={column.key}
                        ta="center"
                        bg={`${tone}.2`}
                        c="dark.8"
                        fw={500}
                        data-tone={tone}
                      >
                        {column.isNps ? format.nps(cell.score) : format.percent(cell.score)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs" mt="sm" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('surveys.results.legendLow')}
        </Text>
        {SCORE_TONES.map((tone) => (
          <span
            key={tone}
            style={{
              width: 20,
              height: 12,
              borderRadius: 2,
              background: `var(--mantine-color-${tone}-2)`,
              display: 'inline-block',
            }}
          />
        ))}
        <Text size="xs" c="dimmed">
          {t('surveys.results.legendHigh')}
        </Text>
        <Text size="xs" c="dimmed" ml="md">
          {t('surveys.results.legendHidden')}
        </Text>
      </Group>
    </Card>
  );
}
