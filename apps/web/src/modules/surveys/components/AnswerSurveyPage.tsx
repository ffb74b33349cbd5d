import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Confidentiality } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useAnswerQuestions, useMySurveys } from '../hooks/useMySurveys';
import { SurveyAnswerForm } from './SurveyAnswerForm';
import { SurveyConfirmation } from './SurveyConfirmation';

/** One invitation: the questions, then a confirmation once answered. */
export default function AnswerSurveyPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { invitationId = '' } = useParams();
  const { surveys, loading, error, refetch } = useMySurveys();
  const [submitted, setSubmitted] = useState<{ title: string; confidentiality: Confidentiality } | null>(
    null,
  );
  const survey = surveys?.find((candidate) => candidate.invitationId === invitationId) ?? null;
  const form = useAnswerQuestions(survey?.canAnswer ? survey : null);

  if (submitted) return <SurveyConfirmation {...submitted} />;
  if (loading && !surveys) return <PageLoader />;
  if (error && !surveys) return <QueryError error={error} onRetry={() => void refetch()} />;

  const back = (
    <Button component={Link} to="/surveys/mine" variant="default">
      {t('surveys.answer.backToList')}
    </Button>
  );
  if (!survey || !survey.canAnswer) {
    return (
      <Stack gap="lg" maw={720} align="flex-start">
        <PageHeader title={survey?.title ?? t('surveys.answer.unavailableTitle')} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} role="status">
          {survey?.answered
            ? t('surveys.answer.alreadyAnswered')
            : survey
              ? t('surveys.answer.closed')
              : t('surveys.answer.unavailable')}
        </Alert>
        {back}
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={survey.title}
        description={
          <>
            {survey.description && (
              <Text span display="block">
                {survey.description}
              </Text>
            )}
            <Text span display="block" size="sm">
              {t('surveys.mine.closesAt', { date: format.dateTime(survey.closesAt) })}
            </Text>
          </>
        }
      />
      {form.error !== null && <QueryError error={form.error} onRetry={form.retry} />}
      {form.loading && <PageLoader />}
      {form.questions && (
        <SurveyAnswerForm
          survey={survey}
          questions={form.questions}
          onSubmitted={(confidentiality) => setSubmitted({ title: survey.title, confidentiality })}
          onStale={() => void refetch()}
        />
      )}
    </Stack>
  );
}
