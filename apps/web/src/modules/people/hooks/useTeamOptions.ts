import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TeamOptionsDocument, type TeamKind } from '../../../gql/graphql';

const KIND_ORDER: readonly TeamKind[] = ['FRONT_LINE', 'SUPPORT', 'MANAGEMENT'];

/** Teams for a select box, grouped by kind and sorted by name. */
export function useTeamOptions() {
  const { t, i18n } = useTranslation();
  const { data, loading } = useQuery(TeamOptionsDocument);
  const groups = useMemo(() => {
    const teams = data?.teams ?? [];
    const collator = new Intl.Collator(i18n.language);
    return KIND_ORDER.map((kind) => ({
      group: t(`teamKind.${kind}`),
      items: teams
        .filter((team) => team.kind === kind)
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((team) => ({ value: team.id, label: team.name })),
    })).filter((group) => group.items.length > 0);
  }, [data, t, i18n.language]);
  return { groups, loading };
}
