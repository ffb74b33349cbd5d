import { Badge, Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecks, IconClipboardCheck, IconPencil } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useMySurveys, type MySurvey } from '../hooks/useMySurveys';

/** The person's invitations: those to answer first, then those answered or closed. */
export default function MySurveysPage() {
  const { t } = useTranslation();
  const { surveys, loading, error, refetch } = useMySurveys();
  const toAnswer = surveys?.filter((survey) => survey.canAnswer) ?? [];
  const others = surveys?.filter((survey) => !survey.canAnswer) ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('surveys.mine.title')} description={t('surveys.mine.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !surveys && <PageLoader />}
      {surveys && surveys.length === 0 && (
        <Card withBorder>
          <EmptyState
            py="xl"
            icon={<IconClipboardCheck aria-hidden />}
            title={t('surveys.mine.emptyTitle')}
            description={t('surveys.mine.emptyBody')}
          />
        </Card>
      )}
      {toAnswer.length > 0 && (
        <SurveyList title={t('surveys.mine.toAnswer', { count: toAnswer.length })} surveys={toAnswer} />
      )}
      {others.length > 0 && <SurveyList title={t('surveys.mine.earlier')} surveys={others} />}
    </Stack>
  );
}

function SurveyList({ title, surveys }: { title: string; surveys: readonly MySurvey[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {title}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {surveys.map((survey) => (
          <li key={survey.invitationId}>
            <MySurveyRow survey={survey} />
          </li>
        ))}
      </Stack>
    </section>
  );
}

function MySurveyRow({ survey }: { survey: MySurvey }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = survey.canAnswer ? 'open' : survey.answered ? 'answered' : 'closed';
  return (
    <Card withBorder padding="md" data-testid="my-survey-row" data-state={state}>
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{survey.title}</Text>
            {state === 'answered' && (
              <Badge
                color="teal"
                variant="light"
                tt="none"
                leftSection={<IconChecks size={12} aria-hidden />}
              >
                {t('surveys.mine.answered')}
              </Badge>
            )}
            {state === 'closed' && (
              <Badge color="gray" variant="light" tt="none">
                {t('surveys.mine.closed')}
              </Badge>
            )}
            {state === 'open' && (
              <Badge color="blue" variant="light" tt="none">
                {t('surveys.mine.open')}
              </Badge>
            )}
          </Group>
          {survey.subjectName && (
            <Text size="sm">{t('surveys.mine.about', { subject: survey.subjectName })}</Text>
          )}
          <Text size="sm" c="dimmed">
            {state === 'open'
              ? t('surveys.mine.closesAt', { date: format.dateTime(survey.closesAt) })
              : t('surveys.mine.closedAt', { date: format.dateTime(survey.closesAt) })}
            {' · '}
            {t(`surveys.confidentiality.${survey.confidentiality}.short`)}
          </Text>
        </Stack>
        {survey.canAnswer && (
          <Button
            component={Link}
            to={`/surveys/mine/${survey.invitationId}`}
            leftSection={<IconPencil size={16} aria-hidden />}
            aria-label={t('surveys.mine.answerLabel', { title: survey.title })}
            data-testid="my-survey-answer"
          >
            {t('surveys.mine.answer')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
