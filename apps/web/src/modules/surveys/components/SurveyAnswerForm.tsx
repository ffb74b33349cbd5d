import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidentiality } from '../../../gql/graphql';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useSubmitSurveyResponse, type AnswerQuestion, type MySurvey } from '../hooks/useMySurveys';
import { useLocalized } from '../hooks/useLocalized';
import {
  checkAnswers,
  toAnswerInputs,
  type AnswerProblems,
  type AnswerValue,
  type AnswerValues,
} from '../utils/answers';
import { ConfidentialityNotice } from './ConfidentialityNotice';
import { QuestionField } from './QuestionField';

interface SurveyAnswerFormProps {
  survey: MySurvey;
  questions: readonly AnswerQuestion[];
  onSubmitted(confidentiality: Confidentiality): void;
  /** The invitation can no longer be used (answered elsewhere, or closed): reload the list. */
  onStale(): void;
}

/** Every question of one invitation, checked here first and then by the API, sent as one set. */
export function SurveyAnswerForm({ survey, questions, onSubmitted, onStale }: SurveyAnswerFormProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  const describeError = useApiErrorMessage();
  const { submit, submitting } = useSubmitSurveyResponse();
  const [values, setValues] = useState<AnswerValues>({});
  const [problems, setProblems] = useState<AnswerProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const setValue = (questionId: string, value: AnswerValue | undefined) => {
    setValues((previous) => ({ ...previous, [questionId]: value }));
    setProblems((previous) => {
      if (!(questionId in previous)) return previous;
      const next = { ...previous };
      delete next[questionId];
      return next;
    });
  };

  const focusQuestion = (questionId: string) => {
    const container = formRef.current?.querySelector<HTMLElement>(`#question-${CSS.escape(questionId)}`);
    container?.scrollIntoView({ block: 'center' });
    const control =
      container?.querySelector<HTMLElement>('input:checked') ??
      container?.querySelector<HTMLElement>('input, textarea');
    control?.focus({ preventScroll: true });
  };

  // The summary of problems takes the focus once shown, so it is read out; each entry leads to its question.
  const [summaryRequests, setSummaryRequests] = useState(0);
  const showProblems = () => setSummaryRequests((count) => count + 1);
  useEffect(() => {
    if (summaryRequests > 0) summaryRef.current?.focus();
  }, [summaryRequests]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found = checkAnswers(questions, values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      showProblems();
      return;
    }
    const outcome = await submit(survey.invitationId, toAnswerInputs(questions, values));
    if (outcome.ok) {
      onSubmitted(outcome.confidentiality);
      return;
    }
    if (outcome.problems) {
      setProblems(outcome.problems);
      showProblems();
      return;
    }
    if (outcome.apiError.code === 'CONFLICT') {
      setFailure(t('surveys.answer.alreadyAnswered'));
      onStale();
    } else if (
      outcome.apiError.code === 'BAD_USER_INPUT' &&
      outcome.apiError.field === 'input.invitationId'
    ) {
      setFailure(t('surveys.answer.closed'));
      onStale();
    } else {
      setFailure(describeError(outcome.error));
    }
  };

  const problemIds = questions.filter((question) => problems[question.id]).map((question) => question.id);
  const numbers = new Map(questions.map((question, index) => [question.id, index + 1]));

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={survey.title}
      data-testid="survey-answer-form"
    >
      <Stack gap="md">
        <ConfidentialityNotice mode={survey.confidentiality} k={survey.k} />
        <Text size="sm" c="dimmed">
          {t('surveys.answer.requiredNote')}
        </Text>
        {problemIds.length > 0 && (
          <Alert
            ref={summaryRef}
            tabIndex={-1}
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title={t('surveys.answer.problemsTitle', { count: problemIds.length })}
            role="alert"
            data-testid="survey-problems"
          >
            <List size="sm" spacing={2}>
              {problemIds.map((questionId) => {
                const question = questions.find((candidate) => candidate.id === questionId)!;
                return (
                  <List.Item key={questionId}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="start"
                      style={{ display: 'inline' }}
                      onClick={() => focusQuestion(questionId)}
                    >
                      {t('surveys.answer.problemLink', {
                        number: numbers.get(questionId),
                        text: text(question.text),
                      })}
                    </Anchor>
                  </List.Item>
                );
              })}
            </List>
          </Alert>
        )}
        {questions.map((question, index) => (
          <QuestionField
            key={question.id}
            question={question}
            number={index + 1}
            value={values[question.id]}
            onChange={(value) => setValue(question.id, value)}
            problem={problems[question.id]}
            disabled={submitting}
          />
        ))}
        {failure && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            data-testid="survey-submit-error"
          >
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={submitting}
            leftSection={<IconSend size={18} aria-hidden />}
            data-testid="survey-submit"
          >
            {t('surveys.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
