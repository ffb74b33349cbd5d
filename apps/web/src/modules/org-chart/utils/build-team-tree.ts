import type { TreeNodeData } from '@mantine/core';
import type { OrgChartQuery, TeamKind } from '../../../gql/graphql';

export type OrgTeam = OrgChartQuery['teams'][number];

export interface TeamNodeInfo {
  team: OrgTeam;
  /** Members of the team and of all its sub-teams. */
  totalMembers: number;
  subTeamCount: number;
}

export interface TeamTree {
  data: TreeNodeData[];
  /** Per team id, what a node shows beyond its name. */
  info: Map<string, TeamNodeInfo>;
}

const KIND_RANK: Record<TeamKind, number> = { MANAGEMENT: 0, FRONT_LINE: 1, SUPPORT: 2 };

/**
 * Builds the team hierarchy from the flat `teams` list (each team knows its `parentId`).
 * Teams whose parent is unknown become roots; a cycle in the data cannot loop forever.
 */
export function buildTeamTree(teams: readonly OrgTeam[], locale: string): TeamTree {
  const collator = new Intl.Collator(locale);
  const byId = new Map(teams.map((team) => [team.id, team]));
  const children = new Map<string, OrgTeam[]>();
  const roots: OrgTeam[] = [];
  for (const team of teams) {
    if (team.parentId && team.parentId !== team.id && byId.has(team.parentId)) {
      const siblings = children.get(team.parentId) ?? [];
      siblings.push(team);
      children.set(team.parentId, siblings);
    } else {
      roots.push(team);
    }
  }
  const order = (a: OrgTeam, b: OrgTeam) =>
    KIND_RANK[a.kind] - KIND_RANK[b.kind] || collator.compare(a.name, b.name);
  const info = new Map<string, TeamNodeInfo>();
  const visited = new Set<string>();

  const toNode = (team: OrgTeam): TreeNodeData => {
    visited.add(team.id);
    const childNodes = (children.get(team.id) ?? [])
      .filter((child) => !visited.has(child.id))
      .sort(order)
      .map(toNode);
    const totalMembers =
      team.memberCount +
      childNodes.reduce((sum, child) => sum + (info.get(child.value)?.totalMembers ?? 0), 0);
    info.set(team.id, { team, totalMembers, subTeamCount: childNodes.length });
    return { value: team.id, label: team.name, children: childNodes };
  };

  const data = roots.sort(order).map(toNode);
  // Teams only reachable through a cycle: show them at the top rather than lose them.
  for (const team of teams) if (!visited.has(team.id)) data.push(toNode(team));
  return { data, info };
}
