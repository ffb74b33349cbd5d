import type { TeamKind } from '../../../gql/graphql';

export const TEAM_KINDS: readonly TeamKind[] = ['FRONT_LINE', 'SUPPORT', 'MANAGEMENT'];

export const TEAM_KIND_COLORS: Record<TeamKind, string> = {
  FRONT_LINE: 'teal',
  SUPPORT: 'blue',
  MANAGEMENT: 'violet',
};

/** Teams by kind (front line, support, management), each group sorted by name. */
export function groupTeamsByKind<T extends { kind: TeamKind; name: string }>(
  teams: readonly T[],
  locale: string,
): { kind: TeamKind; teams: T[] }[] {
  const collator = new Intl.Collator(locale);
  return TEAM_KINDS.map((kind) => ({
    kind,
    teams: teams.filter((team) => team.kind === kind).sort((a, b) => collator.compare(a.name, b.name)),
  })).filter((group) => group.teams.length > 0);
}
