import { ActionIcon, Alert, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconInfoCircle,
  IconLock,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../platform/apollo/errors';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useSurveyActions, type SurveyDetail } from '../hooks/useSurveys';
import { moveItem, toQuestionInput, type SurveyQuestion } from '../utils/questions';
import { AddQuestionModal } from './AddQuestionModal';
import { QuestionList } from './QuestionList';

/**
 * The survey's questions. While a draft, they can be reordered, removed and added to, then saved at once;
 * from the moment it opens they are frozen (answers must stay comparable).
 */
export function SurveyQuestionsCard({ survey, onReload }: { survey: SurveyDetail; onReload(): void }) {
  const { t } = useTranslation();
  const describeError = useApiErrorMessage();
  const { update, updating } = useSurveyActions();
  const [questions, setQuestions] = useState<SurveyQuestion[]>(survey.questions);
  const [adding, setAdding] = useState(false);
  const editable = !survey.questionsFrozen;
  const dirty = JSON.stringify(questions) !== JSON.stringify(survey.questions);

  const save = async () => {
    try {
      await update({
        variables: {
          id: survey.id,
          version: survey.version,
          input: { questions: questions.map(toQuestionInput) },
        },
      });
      notifications.show({ color: 'green', message: t('surveys.detail.questionsSaved') });
    } catch (error) {
      const code = toApiError(error).code;
      notifications.show({
        color: 'red',
        title: t('surveys.detail.notSaved'),
        message: code === 'CONFLICT' ? t('surveys.detail.conflict') : describeError(error),
      });
      if (code === 'CONFLICT') onReload();
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="survey-questions">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('surveys.detail.questions', { count: questions.length })}
        </Title>
        {editable ? (
          <Badge variant="light" color="blue" tt="none">
            {t('surveys.detail.questionsEditable')}
          </Badge>
        ) : (
          <Badge
            variant="light"
            color="gray"
            tt="none"
            leftSection={<IconLock size={12} aria-hidden />}
            data-testid="questions-frozen"
          >
            {t('surveys.detail.questionsFrozen')}
          </Badge>
        )}
      </Group>
      {editable && survey.pulseItemsPerWave !== null && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="sm">
          {t('surveys.detail.pulseEditHint', { count: survey.pulseItemsPerWave })}
        </Alert>
      )}
      <QuestionList
        questions={questions}
        actions={
          editable
            ? (index) => (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0}
                    onClick={() => setQuestions((previous) => moveItem(previous, index, index - 1))}
                    aria-label={t('surveys.detail.moveUp', { number: index + 1 })}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === questions.length - 1}
                    onClick={() => setQuestions((previous) => moveItem(previous, index, index + 1))}
                    aria-label={t('surveys.detail.moveDown', { number: index + 1 })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={questions.length === 1}
                    onClick={() =>
                      setQuestions((previous) => previous.filter((_, position) => position !== index))
                    }
                    aria-label={t('surveys.detail.removeQuestion', { number: index + 1 })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              )
            : undefined
        }
      />
      {editable && (
        <Group justify="space-between" mt="md">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="question-add"
          >
            {t('surveys.detail.addQuestion')}
          </Button>
          <Group gap="sm">
            <Button variant="default" disabled={!dirty} onClick={() => setQuestions(survey.questions)}>
              {t('surveys.detail.discard')}
            </Button>
            <Button
              disabled={!dirty}
              loading={updating}
              onClick={() => void save()}
              data-testid="questions-save"
            >
              {t('surveys.detail.saveQuestions')}
            </Button>
          </Group>
        </Group>
      )}
      {!editable && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('surveys.detail.questionsFrozenHint')}
        </Text>
      )}
      <AddQuestionModal
        opened={adding}
        existing={questions}
        onClose={() => setAdding(false)}
        onAdd={(question) => {
          setQuestions((previous) => [...previous, question]);
          setAdding(false);
        }}
      />
    </Card>
  );
}
