import { LineChart, ScatterChart } from '@mantine/charts';
import {
  Badge,
  Box,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../gql/graphql';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useMirrorFormat } from '../hooks/useMirrorFormat';
import {
  fitSegment,
  gapDirection,
  gapTone,
  highlightedLag,
  type MirrorHeatCell,
  type MirrorPair,
  type MirrorPoint,
} from '../utils/mirror';
import { usePairTitle } from '../hooks/usePairTitle';

/** The colours of the two sides, everywhere in the mirror. */
export const SIDE_COLORS = { customer: 'indigo.6', employee: 'teal.6' } as const;

type Side = 'customer' | 'employee';

interface PairCardProps {
  pair: MirrorPair;
  kind: PeriodKind;
  /** Teams of the view (names for the scatter). */
  teams: readonly MirrorHeatCell[];
}

/** One pair: today's two scores as a dumbbell, the gap, the trend, and whether one follows the other. */
export function PairCard({ pair, kind, teams }: PairCardProps) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const pairTitle = usePairTitle();
  const headingId = `mirror-pair-${pair.key}-heading`;
  return (
    <Card withBorder padding="lg" data-testid={`mirror-pair-${pair.key}`} aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {pairTitle(pair)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mirror.pair.metrics', {
              customer: format.text(pair.customer.name),
              employee: format.text(pair.employee.name),
            })}
          </Text>
        </div>
        <GapBadge gap={pair.current.gap} testId={`mirror-pair-${pair.key}-gap`} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {format.period(kind, pair.current.period)}
          </Text>
          <Dumbbell point={pair.current} />
          <SideFigure pair={pair} side="customer" />
          <SideFigure pair={pair} side="employee" />
          <Text size="sm" c="dimmed">
            {pair.current.gap === null
              ? t('mirror.pair.noGap')
              : t(`mirror.pair.direction.${gapDirection(pair.current.gap)}`, { context })}
          </Text>
        </Stack>
        <TrendChart pair={pair} kind={kind} />
        <ScatterBlock pair={pair} teams={teams} />
      </SimpleGrid>
      <CorrelationBlock pair={pair} kind={kind} />
    </Card>
  );
}

function GapBadge({ gap, testId }: { gap: number | null; testId: string }) {
  const { t } = useTranslation();
  const format = useMirrorFormat();
  if (gap === null) {
    return (
      <Badge variant="outline" color="gray" tt="none" size="lg" data-testid={testId}>
        {t('mirror.pair.gapNone')}
      </Badge>
    );
  }
  const tone = gapTone(gap);
  return (
    <Badge
      variant="filled"
      tt="none"
      size="lg"
      bg={tone}
      c="dark.8"
      data-testid={testId}
      data-gap={Math.round(gap)}
    >
      {t('mirror.pair.gap', { gap: format.gap(gap) })}
    </Badge>
  );
}

/** Both 0-100 scores on one line, joined: the longer the bar, the wider the gap. */
function Dumbbell({ point }: { point: MirrorPoint }) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const customer = point.customer?.score ?? null;
  const employee = point.employee?.score ?? null;
  const describe = (side: Side, score: number | null) =>
    score === null
      ? t('mirror.pair.sideMissing', { side: t(`mirror.side.${side}`, { context }) })
      : t('mirror.pair.sideScore', {
          side: t(`mirror.side.${side}`, { context }),
          score: format.score(score),
        });
  const dot = (score: number, color: string) => (
    <span
      style={{
        position: 'absolute',
        left: `calc(${Math.min(100, Math.max(0, score))}% - 8px)`,
        top: 6,
        width: 16,
        height: 16,
        borderRadius: '50%',
        background: `var(--mantine-color-${color.replace('.', '-')})`,
        border: '2px solid var(--mantine-color-body)',
      }}
    />
  );
  return (
    <Box
      role="img"
      aria-label={`${describe('customer', customer)} ${describe('employee', employee)}`}
      pos="relative"
      h={28}
      mx={8}
    >
      <span
        aria-hidden
        style={{
          position: 'absolute',
          left: 0,
          right: 0,
          top: 13,
          height: 2,
          background: 'var(--mantine-color-gray-3)',
        }}
      />
      {customer !== null && employee !== null && (
        <span
          aria-hidden
          style={{
            position: 'absolute',
            left: `${Math.min(customer, employee)}%`,
            width: `${Math.abs(employee - customer)}%`,
            top: 11,
            height: 6,
            borderRadius: 3,
            background: 'var(--mantine-color-gray-5)',
          }}
        />
      )}
      {customer !== null && dot(customer, SIDE_COLORS.customer)}
      {employee !== null && dot(employee, SIDE_COLORS.employee)}
      <Group justify="space-between" aria-hidden pos="absolute" top={26} left={-8} right={-8}>
        <Text size="xs" c="dimmed">
          0
        </Text>
        <Text size="xs" c="dimmed">
          100
        </Text>
      </Group>
    </Box>
  );
}

/** One side's figure in its own unit, the answers behind it and its score; or why there is none. */
function SideFigure({ pair, side }: { pair: MirrorPair; side: Side }) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const figure = pair.current[side];
  const metric = pair[side];
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      mt={side === 'customer' ? 'md' : 0}
      data-testid={`mirror-pair-${pair.key}-${side}`}
      data-shown={figure ? 'true' : 'false'}
    >
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          marginTop: 6,
          flex: 'none',
          borderRadius: '50%',
          background: `var(--mantine-color-${SIDE_COLORS[side].replace('.', '-')})`,
        }}
      />
      <div>
        <Text size="sm" fw={600}>
          {t(`mirror.side.${side}`, { context })}
        </Text>
        {figure ? (
          <>
            <Text size="xl" fw={700} lh={1.2} data-testid="mirror-side-value">
              {format.value(metric, figure.value)}
            </Text>
            <Text size="xs" c="dimmed" data-testid="mirror-side-detail">
              {t('mirror.pair.detail', { n: format.number(figure.n), score: format.score(figure.score) })}
            </Text>
            <Text size="xs" c="dimmed" data-testid="mirror-side-source">
              {t('mirror.pair.source', {
                sources: figure.sources
                  .map((source) => (source === 'platform' ? t('mirror.pair.platformSource') : source))
                  .join(', '),
              })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="mirror-side-missing">
            {t('mirror.notEnough')}
          </Text>
        )}
      </div>
    </Group>
  );
}

/** Both scores period after period; a period without a figure leaves a gap. */
function TrendChart({ pair, kind }: { pair: MirrorPair; kind: PeriodKind }) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const data = pair.trend.map((point) => ({
    period: format.periodShort(kind, point.period),
    customer: point.customer?.score ?? null,
    employee: point.employee?.score ?? null,
  }));
  const notEnough = t('mirror.notEnough');
  const caption = t('mirror.trend.title');
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {caption}
      </Text>
      <div aria-hidden>
        <LineChart
          h={200}
          data={data}
          dataKey="period"
          series={[
            { name: 'customer', label: t('mirror.side.customer', { context }), color: SIDE_COLORS.customer },
            { name: 'employee', label: t('mirror.side.employee', { context }), color: SIDE_COLORS.employee },
          ]}
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 40 }}
          yAxisProps={{ domain: [0, 100], width: 32 }}
          valueFormatter={(value) => format.score(value)}
          accessibilityLayer={false}
        />
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{`${caption} — ${t('mirror.scoreNote')}`}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mirror.trend.period')}</Table.Th>
              <Table.Th scope="col">{t('mirror.side.customer', { context })}</Table.Th>
              <Table.Th scope="col">{t('mirror.side.employee', { context })}</Table.Th>
              <Table.Th scope="col">{t('mirror.trend.gap')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pair.trend.map((point) => (
              <Table.Tr key={point.period}>
                <Table.Th scope="row">{format.period(kind, point.period)}</Table.Th>
                <Table.Td>{point.customer ? format.score(point.customer.score) : notEnough}</Table.Td>
                <Table.Td>{point.employee ? format.score(point.employee.score) : notEnough}</Table.Td>
                <Table.Td>{point.gap === null ? '—' : format.gap(point.gap)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}

/** Teams in the latest period: internal score against customer score, with the fitted line. */
function ScatterBlock({ pair, teams }: { pair: MirrorPair; teams: readonly MirrorHeatCell[] }) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const { scatter, fit } = pair.correlation;
  const names = new Map(teams.map((cell) => [cell.teamId, cell.teamName]));
  const segment = fitSegment(fit, scatter);
  const title = t('mirror.correlation.scatterTitle');
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {title}
      </Text>
      {scatter.length < 2 ? (
        <Text size="sm" c="dimmed" data-testid={`mirror-pair-${pair.key}-scatter-empty`}>
          {t('mirror.correlation.noScatter')}
        </Text>
      ) : (
        <>
          <div aria-hidden>
            <ScatterChart
              h={200}
              data={[
                {
                  color: 'grape.6',
                  name: t('mirror.correlation.teams'),
                  data: scatter.map((point) => ({ internal: point.internal, customer: point.customer })),
                },
              ]}
              dataKey={{ x: 'internal', y: 'customer' }}
              labels={{
                x: t('mirror.side.employee', { context }),
                y: t('mirror.side.customer', { context }),
              }}
              xAxisProps={{ domain: [0, 100], type: 'number' }}
              yAxisProps={{ domain: [0, 100], width: 32 }}
              valueFormatter={(value) => format.score(value)}
              referenceLines={
                segment ? [{ segment, color: 'orange.6', strokeWidth: 2, ifOverflow: 'hidden' }] : []
              }
              accessibilityLayer={false}
            />
          </div>
          <Text size="xs" c="dimmed">
            {t('mirror.correlation.axes', { context })}
          </Text>
          <VisuallyHidden>
            <Table>
              <caption>{title}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mirror.heatmap.team')}</Table.Th>
                  <Table.Th scope="col">{t('mirror.side.employee', { context })}</Table.Th>
                  <Table.Th scope="col">{t('mirror.side.customer', { context })}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scatter.map((point) => (
                  <Table.Tr key={point.teamId}>
                    <Table.Th scope="row">{names.get(point.teamId) ?? point.teamId}</Table.Th>
                    <Table.Td>{format.score(point.internal)}</Table.Td>
                    <Table.Td>{format.score(point.customer)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Stack>
  );
}

const VERDICT_COLORS: Record<string, string> = {
  LINK: 'teal',
  NO_CLEAR_LINK: 'gray',
  NOT_ENOUGH_DATA: 'yellow',
};

/** The reading in plain words, then the coefficients lag by lag with their 95% intervals. */
function CorrelationBlock({ pair, kind }: { pair: MirrorPair; kind: PeriodKind }) {
  const { t } = useTranslation();
  const format = useMirrorFormat();
  const { correlation } = pair;
  const best = highlightedLag(correlation.pearson, correlation.bestLag);
  const spearman = new Map(correlation.spearman.map((lag) => [lag.lag, lag]));
  const verdict = ['LINK', 'NO_CLEAR_LINK', 'NOT_ENOUGH_DATA'].includes(correlation.verdict)
    ? (correlation.verdict as 'LINK' | 'NO_CLEAR_LINK' | 'NOT_ENOUGH_DATA')
    : null;
  const lagLabel = (lag: number) =>
    lag === 0 ? t('mirror.correlation.sameperiod') : t(`mirror.correlation.lag.${kind}`, { count: lag });
  return (
    <Box mt="lg" data-testid={`mirror-pair-${pair.key}-correlation`}>
      <Group gap="xs" mb={4}>
        <Text fw={600}>{t('mirror.correlation.title')}</Text>
        {verdict && (
          <Badge variant="light" color={VERDICT_COLORS[verdict]} tt="none">
            {t(`mirror.correlation.verdict.${verdict}`)}
          </Badge>
        )}
      </Group>
      <Text size="sm" mb="sm" maw={820} data-testid={`mirror-pair-${pair.key}-reading`}>
        {format.text(correlation.reading)}
      </Text>
      <Table.ScrollContainer minWidth={460}>
        <Table fz="sm" verticalSpacing={4} withTableBorder>
          <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 4 }}>
            <Text span size="xs" c="dimmed">
              {t('mirror.correlation.tableCaption')}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mirror.correlation.lagHeader')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('mirror.correlation.n')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('mirror.correlation.pearson')}
              </Table.Th>
              <Table.Th scope="col">{t('mirror.correlation.ci')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('mirror.correlation.spearman')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {correlation.pearson.map((lag) => {
              const rank = spearman.get(lag.lag);
              const isBest = correlation.bestLag !== null && lag.lag === best;
              return (
                <Table.Tr key={lag.lag} fw={isBest ? 700 : undefined} data-best={isBest || undefined}>
                  <Table.Th scope="row" fw="inherit">
                    {lagLabel(lag.lag)}
                    {isBest && (
                      <Badge ml="xs" size="xs" variant="light" tt="none">
                        {t('mirror.correlation.best')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{format.number(lag.n)}</Table.Td>
                  <Table.Td ta="right">{lag.r === null ? '—' : format.r(lag.r)}</Table.Td>
                  <Table.Td>
                    {lag.ciLow === null || lag.ciHigh === null
                      ? '—'
                      : t('mirror.correlation.interval', {
                          low: format.r(lag.ciLow),
                          high: format.r(lag.ciHigh),
                        })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {rank?.r === null || rank === undefined ? '—' : format.r(rank.r)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
