import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../gql/graphql';

const STATUS_COLORS: Record<SurveyStatus, string> = {
  DRAFT: 'gray',
  SCHEDULED: 'blue',
  OPEN: 'teal',
  CLOSED: 'dark',
};

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} tt="none" data-testid="survey-status">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}
