import { buildTeamTree, type OrgTeam } from './build-team-tree';

function team(
  id: string,
  parentId: string | null,
  memberCount: number,
  kind: OrgTeam['kind'] = 'FRONT_LINE',
): OrgTeam {
  return { id, name: id.toUpperCase(), kind, parentId, memberCount, manager: null };
}

describe('buildTeamTree', () => {
  it('nests teams under their parent and sums members down the tree', () => {
    const { data, info } = buildTeamTree(
      [team('b', 'root', 10), team('root', null, 2, 'MANAGEMENT'), team('a', 'root', 5), team('a1', 'a', 3)],
      'en',
    );
    expect(data.map((node) => node.value)).toEqual(['root']);
    expect(data[0]?.children?.map((node) => node.value)).toEqual(['a', 'b']);
    expect(info.get('root')?.totalMembers).toBe(20);
    expect(info.get('a')?.totalMembers).toBe(8);
    expect(info.get('a')?.subTeamCount).toBe(1);
  });

  it('puts management first, then front line, then support, each by name', () => {
    const { data } = buildTeamTree(
      [
        team('zeta', null, 1, 'SUPPORT'),
        team('beta', null, 1, 'FRONT_LINE'),
        team('alpha', null, 1, 'MANAGEMENT'),
      ],
      'en',
    );
    expect(data.map((node) => node.value)).toEqual(['alpha', 'beta', 'zeta']);
  });

  it('keeps teams whose parent is unknown, and survives a cycle', () => {
    const { data, info } = buildTeamTree(
      [team('orphan', 'gone', 1), team('x', 'y', 1), team('y', 'x', 1)],
      'en',
    );
    expect(info.size).toBe(3);
    expect(data.map((node) => node.value)).toContain('orphan');
  });
});
