import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgChartDocument } from '../../../gql/graphql';
import { buildTeamTree, type TeamTree } from '../utils/build-team-tree';

export function useOrgChart() {
  const { i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(OrgChartDocument);
  const tree = useMemo<TeamTree | null>(
    () => (data ? buildTeamTree(data.teams, i18n.language) : null),
    [data, i18n.language],
  );
  return { tree, loading, error, refetch };
}
