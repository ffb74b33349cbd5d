import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus, RequestState } from '../../../gql/graphql';
import { useRequestText, type Audience } from '../hooks/useRequestText';
import { STATUS_COLOR } from '../utils/request-status';

interface RequestBadgesProps {
  state: RequestState;
  status: CommitmentStatus;
  audience: Audience;
}

/** The request's state and how it stands against its commitment, as two badges. */
export function RequestBadges({ state, status, audience }: RequestBadgesProps) {
  const { t } = useTranslation();
  const text = useRequestText();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="outline" color="gray" tt="none" data-testid="request-state" data-state={state}>
        {text.state(state, audience)}
      </Badge>
      <Badge
        variant="light"
        color={STATUS_COLOR[status]}
        tt="none"
        data-testid="request-status"
        data-status={status}
      >
        {t(`desk.status.${status}`)}
      </Badge>
    </Group>
  );
}
