import '@mantine/charts/styles.css';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useLocalized } from '../hooks/useLocalized';
import { useResultFormat } from '../hooks/useResultFormat';
import { useResultsCsv, useResultsParams, useSurveyResults } from '../hooks/useSurveyResults';
import { useSliceLabel } from '../hooks/useSliceLabel';
import { enpsResult, hasTrend, waveNumbers, type ResultSlice, type SurveyResults } from '../utils/results';
import { CommentsCard } from './CommentsCard';
import { DriversCard } from './DriversCard';
import { NotEnoughAnswers } from './NotEnoughAnswers';
import { QuestionResultCard } from './QuestionResultCard';
import { ResultsHeatmap, type HeatmapColumn } from './ResultsHeatmap';
import { TrendCard } from './TrendCard';
import { useDriverName } from '../hooks/useDriverName';

/** A survey's results for one wave and one group, within what the viewer may see. */
export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const params = useResultsParams();
  const { results, loading, error, refetch } = useSurveyResults(surveyId, params.wave, params.group);
  if (!results && loading) return <PageLoader />;
  if (!results) {
    return (
      <Stack gap="lg" maw={900}>
        <PageHeader title={t('surveys.results.title')} />
        <QueryError error={error} onRetry={() => void refetch()} />
        {(params.wave !== null || params.group !== null) && (
          <Button
            variant="default"
            onClick={() => params.update({ wave: null, group: null })}
            w="fit-content"
          >
            {t('surveys.results.backToLatest')}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <ResultsView
      results={results}
      busy={loading}
      error={error}
      onWave={(wave) => params.update({ wave })}
      onGroup={(group) => params.update({ group })}
    />
  );
}

interface ResultsViewProps {
  results: SurveyResults;
  busy: boolean;
  error: unknown;
  onWave(wave: number): void;
  onGroup(group: string): void;
}

function ResultsView({ results, busy, error, onWave, onGroup }: ResultsViewProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  const driverName = useDriverName();
  const sliceLabel = useSliceLabel(results.slices);
  const scored = results.questions.filter((question) => question.type !== 'FREE_TEXT');
  const numbers = new Map(results.questions.map((question, index) => [question.questionId, index + 1]));
  const questionColumns: HeatmapColumn[] = results.heatmap.columns.map((column) => {
    const question = results.questions.find((candidate) => candidate.questionId === column);
    const number = numbers.get(column);
    return {
      key: column,
      header: t('surveys.results.questionShort', { number: number ?? '?' }),
      name: question ? `${number}. ${text(question.text)}` : column,
      isNps: question?.type === 'NPS_0_10',
    };
  });
  const driverColumns: HeatmapColumn[] = results.driverHeatmap.columns.map((column) => ({
    key: column,
    header: driverName(column),
    name: driverName(column),
    isNps: false,
  }));
  const showHeatmaps = results.heatmap.rows.length > 1;

  return (
    <Stack gap="lg" maw={1200} aria-busy={busy}>
      <PageHeader
        title={results.title}
        titleTestId="results-title"
        description={t(`surveys.results.scope.${scopeKey(results.scope)}`)}
        aside={
          <Badge variant="light" color={results.waveStatus === 'OPEN' ? 'teal' : 'dark'} tt="none">
            {results.waveStatus === 'OPEN' ? t('surveys.results.waveOpen') : t('surveys.results.waveClosed')}
          </Badge>
        }
      />
      <ResultsControls results={results} sliceLabel={sliceLabel} onWave={onWave} onGroup={onGroup} />
      {error !== undefined && error !== null && <QueryError error={error} />}
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        {results.waveStatus === 'OPEN'
          ? t('surveys.results.openNotice', { count: results.k })
          : t('surveys.results.closedNotice', { count: results.k })}
      </Alert>
      <Headline results={results} />
      <section aria-labelledby="results-questions-heading">
        <Title order={2} size="h3" mb="sm" id="results-questions-heading">
          {t('surveys.results.questionsTitle', { group: sliceLabel(results.focus) })}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {scored.map((question) => (
            <QuestionResultCard
              key={question.questionId}
              result={question}
              number={numbers.get(question.questionId) ?? 0}
              k={results.k}
            />
          ))}
        </SimpleGrid>
      </section>
      {hasTrend(results.trend) && <TrendCard trend={results.trend} />}
      {showHeatmaps && questionColumns.length > 0 && (
        <ResultsHeatmap
          title={t('surveys.results.heatmap.questionsTitle')}
          description={t('surveys.results.heatmap.questionsDescription')}
          heatmap={results.heatmap}
          columns={questionColumns}
          slices={results.slices}
          sliceLabel={sliceLabel}
          testId="results-heatmap"
        />
      )}
      {showHeatmaps && driverColumns.length > 0 && (
        <ResultsHeatmap
          title={t('surveys.results.heatmap.driversTitle')}
          description={t('surveys.results.heatmap.driversDescription')}
          heatmap={results.driverHeatmap}
          columns={driverColumns}
          slices={results.slices}
          sliceLabel={sliceLabel}
          testId="results-driver-heatmap"
        />
      )}
      {results.questions.some((question) => question.driver) && <DriversCard drivers={results.drivers} />}
      {results.comments.length > 0 && (
        <CommentsCard comments={results.comments} threshold={results.commentThreshold} />
      )}
    </Stack>
  );
}

function scopeKey(scope: string): 'ORGANIZATION' | 'LINE' | 'PUBLISHED' {
  return scope === 'LINE' || scope === 'PUBLISHED' ? scope : 'ORGANIZATION';
}

interface ResultsControlsProps {
  results: SurveyResults;
  sliceLabel(slice: ResultSlice): string;
  onWave(wave: number): void;
  onGroup(group: string): void;
}

const GROUP_ORDER = ['ORGANIZATION', 'LINE', 'TENURE', 'TEAM', 'TEAM_TENURE'] as const;

/** Wave and group pickers, and the CSV download. */
function ResultsControls({ results, sliceLabel, onWave, onGroup }: ResultsControlsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const describeError = useApiErrorMessage();
  const trendDates = new Map(results.trend.map((point) => [point.waveNumber, point.closesAt]));
  const waves = waveNumbers(results.waveNumber, results.trend).map((number) => ({
    value: String(number),
    label: t('surveys.results.waveOption', {
      number,
      date: format.dateTime(trendDates.get(number) ?? results.closesAt),
    }),
  }));
  const groups = useMemo(
    () =>
      GROUP_ORDER.map((kind) => ({
        group: t(`surveys.results.sliceKinds.${kind}`),
        items: results.slices
          .filter((slice) => slice.kind === kind)
          .map((slice) => ({
            value: slice.id,
            label: slice.shown
              ? sliceLabel(slice)
              : t('surveys.results.hiddenGroup', { group: sliceLabel(slice) }),
          })),
      })).filter((group) => group.items.length > 0),
    [results.slices, sliceLabel, t],
  );
  const filename = `${
    results.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'survey'
  }-wave-${results.waveNumber}.csv`;
  const csv = useResultsCsv(results.surveyId, results.waveNumber, filename);
  return (
    <Card withBorder padding="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('surveys.results.wave')}
          data={waves}
          value={String(results.waveNumber)}
          onChange={(value) => value && onWave(Number(value))}
          allowDeselect={false}
          disabled={waves.length < 2}
          style={{ flex: '0 1 340px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="results-wave"
        />
        <Select
          label={t('surveys.results.group')}
          data={groups}
          value={results.focus.id}
          onChange={(value) => value && onGroup(value)}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('common.noMatch')}
          style={{ flex: '1 1 280px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="results-group"
        />
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={csv.downloading}
          onClick={() => void csv.download()}
          data-testid="results-csv"
        >
          {t('surveys.results.csv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {t('surveys.results.invited', { group: sliceLabel(results.focus), count: results.focus.invited })}
      </Text>
      {csv.error !== null && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {describeError(csv.error)}
        </Text>
      )}
    </Card>
  );
}

/** Respondents and response rate, eNPS, engagement: or why they are hidden. */
function Headline({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const resultFormat = useResultFormat();
  const focus = results.focus;
  const enps = enpsResult(results.questions);
  const likert = results.questions.filter((question) => question.type === 'LIKERT_5');
  const hiddenLikert = likert.find((question) => !question.shown);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      <HeadlineCard title={t('surveys.results.respondents')} testId="results-focus-respondents">
        {focus.shown && focus.respondents !== null ? (
          <>
            <Text fz={32} fw={700} lh={1.1} data-testid="results-respondents-value">
              {format.number(focus.respondents)}
            </Text>
            {focus.responseRate !== null && (
              <Text size="sm" c="dimmed" data-testid="results-response-rate">
                {t('surveys.results.responseRate', {
                  rate: resultFormat.percent(focus.responseRate),
                  invited: format.number(focus.invited),
                })}
              </Text>
            )}
          </>
        ) : (
          <NotEnoughAnswers reason={focus.reason} threshold={results.k} />
        )}
      </HeadlineCard>
      <HeadlineCard title={t('surveys.results.enps')} testId="results-enps">
        {!enps ? (
          <Text c="dimmed">{t('surveys.results.notAsked')}</Text>
        ) : enps.shown && enps.nps !== null ? (
          <>
            <Text fz={32} fw={700} lh={1.1}>
              {resultFormat.nps(enps.nps)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('surveys.results.enpsHint')}
            </Text>
          </>
        ) : (
          <NotEnoughAnswers reason={enps.reason} threshold={results.k} />
        )}
      </HeadlineCard>
      <HeadlineCard title={t('surveys.results.engagement')} testId="results-engagement">
        {likert.length === 0 ? (
          <Text c="dimmed">{t('surveys.results.notAsked')}</Text>
        ) : results.engagement !== null ? (
          <>
            <Text fz={32} fw={700} lh={1.1}>
              {resultFormat.percent(results.engagement)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('surveys.results.engagementHint')}
            </Text>
          </>
        ) : (
          <NotEnoughAnswers reason={hiddenLikert?.reason ?? focus.reason} threshold={results.k} />
        )}
      </HeadlineCard>
    </SimpleGrid>
  );
}

function HeadlineCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
        {title}
      </Text>
      {children}
    </Card>
  );
}
