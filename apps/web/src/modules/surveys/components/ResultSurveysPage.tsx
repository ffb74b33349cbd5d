import { Anchor, Badge, Card, EmptyState, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChartBar, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useResultSurveys } from '../hooks/useSurveyResults';
import { SurveyStatusBadge } from './SurveyStatusBadge';

/** Surveys whose results the person may open: all for HR, their line's for managers, published ones for all. */
export default function ResultSurveysPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { surveys, loading, error, refetch } = useResultSurveys();
  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader title={t('surveys.resultsList.title')} description={t('surveys.resultsList.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !surveys && <PageLoader />}
      {surveys && (
        <Card withBorder padding={0}>
          {surveys.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconChartBar aria-hidden />}
              title={t('surveys.resultsList.emptyTitle')}
              description={t('surveys.resultsList.emptyBody')}
            />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" highlightOnHover>
                <caption>
                  <VisuallyHidden>{t('surveys.resultsList.caption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('surveys.manage.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('surveys.manage.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('surveys.resultsList.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {surveys.map((survey) => (
                    <Table.Tr key={survey.id} data-testid="results-survey-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/surveys/${survey.id}/results`} fw={500} inherit>
                          {survey.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <SurveyStatusBadge status={survey.status} />
                          {survey.resultsPublished && (
                            <Badge
                              variant="light"
                              color="grape"
                              tt="none"
                              leftSection={<IconWorld size={12} aria-hidden />}
                            >
                              {t('surveys.detail.published')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{format.dateTime(survey.createdAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
