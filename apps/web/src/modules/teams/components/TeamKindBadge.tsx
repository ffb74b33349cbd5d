import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamKind } from '../../../gql/graphql';
import { TEAM_KIND_COLORS } from '../utils/group-teams';

export function TeamKindBadge({ kind }: { kind: TeamKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={TEAM_KIND_COLORS[kind]} tt="none" fw={600}>
      {t(`teamKind.${kind}`)}
    </Badge>
  );
}
