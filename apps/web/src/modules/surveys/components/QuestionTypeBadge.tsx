import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuestionType } from '../../../gql/graphql';

export function QuestionTypeBadge({ type }: { type: QuestionType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" tt="none" fw={500} style={{ flexShrink: 0 }}>
      {t(`surveys.questionType.${type}`)}
    </Badge>
  );
}
