import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestionFieldsFragment } from '../../../gql/graphql';
import { useLocalized } from '../hooks/useLocalized';
import { QuestionTypeBadge } from './QuestionTypeBadge';

interface QuestionListProps {
  questions: readonly SurveyQuestionFieldsFragment[];
  /** Replaces `{subject}` in template texts. */
  subject?: string;
  /** Controls shown at the end of each row (reorder, remove). */
  actions?: (index: number) => ReactNode;
}

/** Questions in order, in the UI language, with their type and whether they must be answered. */
export function QuestionList({ questions, subject, actions }: QuestionListProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  return (
    <Stack component="ol" gap="xs" style={{ margin: 0, paddingInlineStart: '1.4em' }}>
      {questions.map((question, index) => (
        <li key={question.id} data-testid="survey-question-item">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text size="sm">
                {subject === undefined
                  ? text(question.text)
                  : text(question.text).split('{subject}').join(subject)}
              </Text>
              <Group gap={6} mt={2}>
                <QuestionTypeBadge type={question.type} />
                <Text size="xs" c="dimmed">
                  {question.required ? t('surveys.question.required') : t('surveys.question.optional')}
                </Text>
              </Group>
            </div>
            {actions?.(index)}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
