import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconChartBar, IconForms, IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useRecurrenceText } from '../hooks/useRecurrenceText';
import { useSurveys, type SurveyListItem } from '../hooks/useSurveys';
import { hasResults } from '../utils/status';
import { SurveyStatusBadge } from './SurveyStatusBadge';

const FILTERS = ['ALL', 'DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED'] as const;
type Filter = (typeof FILTERS)[number];

/** HR's surveys: every survey of the organisation with its status, schedule and participation. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const filterLabelId = useId();
  const [filter, setFilter] = useState<Filter>('ALL');
  const { surveys, loading, error, refetch } = useSurveys(filter === 'ALL' ? null : filter);
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('surveys.manage.title')}
        description={t('surveys.manage.description', { context })}
        aside={
          <Button
            component={Link}
            to="/surveys/new"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="survey-new"
          >
            {t('surveys.manage.new')}
          </Button>
        }
      />
      <Group gap="sm">
        <Text size="sm" fw={500} id={filterLabelId}>
          {t('surveys.manage.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby={filterLabelId}
          value={filter}
          onChange={(value) => setFilter(FILTERS.find((candidate) => candidate === value) ?? 'ALL')}
          data={FILTERS.map((value) => ({
            value,
            label: value === 'ALL' ? t('surveys.manage.all') : t(`surveys.status.${value}`),
          }))}
        />
      </Group>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !surveys && <PageLoader />}
      {surveys && (
        <Card withBorder padding={0}>
          {surveys.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconForms aria-hidden />}
              title={t('surveys.manage.emptyTitle')}
              description={t('surveys.manage.emptyBody')}
            />
          ) : (
            <SurveysTable surveys={surveys} busy={loading} />
          )}
        </Card>
      )}
    </Stack>
  );
}

function SurveysTable({ surveys, busy }: { surveys: readonly SurveyListItem[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const recurrenceText = useRecurrenceText();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-busy={busy}>
        <caption>
          <VisuallyHidden>{t('surveys.manage.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surveys.manage.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('surveys.manage.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('surveys.manage.columns.schedule')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('surveys.manage.columns.participation')}
            </Table.Th>
            <Table.Th scope="col">{t('surveys.manage.columns.results')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {surveys.map((survey) => {
            const latest = survey.waves.at(-1) ?? null;
            return (
              <Table.Tr key={survey.id} data-testid="survey-row">
                <Table.Td>
                  <Anchor component={Link} to={`/surveys/${survey.id}`} fw={500} inherit>
                    {survey.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('surveys.manage.created', { date: format.dateTime(survey.createdAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <SurveyStatusBadge status={survey.status} />
                    {survey.resultsPublished && (
                      <Text size="xs" c="dimmed">
                        {t('surveys.detail.published')}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{recurrenceText(survey.recurrence)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {latest ? (
                    <Text size="sm">
                      {latest.answered === null
                        ? t('surveys.waves.answeredHidden', { invited: format.number(latest.invited) })
                        : t('surveys.waves.answeredOf', {
                            answered: format.number(latest.answered),
                            invited: format.number(latest.invited),
                          })}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {hasResults(survey.status) ? (
                    <Button
                      component={Link}
                      to={`/surveys/${survey.id}/results`}
                      variant="subtle"
                      size="xs"
                      leftSection={<IconChartBar size={14} aria-hidden />}
                      aria-label={t('surveys.manage.resultsOf', { title: survey.title })}
                    >
                      {t('surveys.manage.results')}
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
