import { tenureBucket, type TenureBucket } from '@symmetry/surveys';

export interface Invitee {
  personId: string;
  teamId: string | null;
  hireDate: string | Date;
}

export interface TeamNode {
  id: string;
  parentId: string | null;
}

export interface PlannedCell {
  key: string;
  teamId: string | null;
  tenureBucket: TenureBucket | null;
  personIds: string[];
}

/**
 * Demographic cells of a wave, generalised so that no stored cell names fewer than k invitees
 * (docs/design/surveys-anonymity.md). Teams are visited deepest first. A team keeps its tenure
 * split only when every non-empty tenure bucket has k people and nothing was carried up into it;
 * otherwise its people form one cell for the team. A team with fewer than k people (its own and
 * those carried up from small sub-teams) is carried up to its parent. What reaches the top without
 * k people forms one organisation-level cell (team null): its members' responses then say nothing
 * finer than "the organisation". If that cell would hold fewer than k, the smallest team joins it
 * (preferring one without a tenure split). Only an audience of fewer than k in all can leave a
 * cell below k, and then nothing is ever shown.
 */
export function planCells(
  invitees: Invitee[],
  teams: TeamNode[],
  k: number,
  launchDate: Date,
): PlannedCell[] {
  const parent = new Map(teams.map((t) => [t.id, t.parentId]));
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let d = 0;
    let cur: string | null | undefined = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      cur = parent.get(cur) ?? null;
      if (cur) d++;
    }
    depth.set(id, d);
    return d;
  };
  const own = new Map<string, Invitee[]>();
  const orgLevel: Invitee[] = [];
  for (const p of invitees) {
    if (!p.teamId || !parent.has(p.teamId)) orgLevel.push(p);
    else own.set(p.teamId, [...(own.get(p.teamId) ?? []), p]);
  }
  const carried = new Map<string, Invitee[]>();
  const involved = new Set<string>(own.keys());
  // Every ancestor of a team with members may receive carried people.
  for (const id of [...involved]) {
    let cur = parent.get(id) ?? null;
    while (cur && !involved.has(cur)) {
      involved.add(cur);
      cur = parent.get(cur) ?? null;
    }
  }
  const order = [...involved].sort((a, b) => depthOf(b) - depthOf(a) || a.localeCompare(b));
  const cells: PlannedCell[] = [];
  for (const teamId of order) {
    const mine = own.get(teamId) ?? [];
    const up = carried.get(teamId) ?? [];
    const all = [...mine, ...up];
    if (!all.length) continue;
    if (all.length < k) {
      const p = parent.get(teamId) ?? null;
      if (p) carried.set(p, [...(carried.get(p) ?? []), ...all]);
      else orgLevel.push(...all);
      continue;
    }
    const byBucket = new Map<TenureBucket, Invitee[]>();
    for (const i of mine) {
      const b = tenureBucket(i.hireDate, launchDate);
      byBucket.set(b, [...(byBucket.get(b) ?? []), i]);
    }
    const split = up.length === 0 && [...byBucket.values()].every((g) => g.length >= k);
    if (split) {
      for (const [b, g] of byBucket)
        cells.push({ key: `${teamId}|${b}`, teamId, tenureBucket: b, personIds: g.map((i) => i.personId) });
    } else {
      cells.push({ key: `${teamId}|*`, teamId, tenureBucket: null, personIds: all.map((i) => i.personId) });
    }
  }
  if (orgLevel.length > 0 && orgLevel.length < k && cells.length > 0) {
    // Too few left for an organisation-level cell of their own: generalise the smallest team
    // (all its cells) to the organisation level and put them together.
    const smallest = [...cells].sort(
      (a, b) =>
        Number(a.tenureBucket !== null) - Number(b.tenureBucket !== null) ||
        a.personIds.length - b.personIds.length ||
        a.key.localeCompare(b.key),
    )[0];
    const taken = cells.filter((c) => c.teamId === smallest.teamId);
    for (const c of taken) {
      cells.splice(cells.indexOf(c), 1);
      orgLevel.push(...c.personIds.map((personId) => ({ personId, teamId: null, hireDate: launchDate })));
    }
  }
  if (orgLevel.length)
    cells.push({ key: '*|*', teamId: null, tenureBucket: null, personIds: orgLevel.map((i) => i.personId) });
  return cells;
}
