import { DEMO_ACCOUNTS, generateOrganization } from './seed.generator';

describe('demo organisation generator', () => {
  const org = generateOrganization({ people: 300 });

  it('is deterministic', () => {
    expect(generateOrganization({ people: 300 })).toEqual(org);
  });

  it('builds about 300 people in about 25 teams of the three kinds, each with a manager', () => {
    expect(org.people.length).toBeGreaterThanOrEqual(280);
    expect(org.people.length).toBeLessThanOrEqual(320);
    expect(org.teams.length).toBeGreaterThanOrEqual(22);
    expect(org.teams.length).toBeLessThanOrEqual(28);
    expect(new Set(org.teams.map((t) => t.kind))).toEqual(new Set(['FRONT_LINE', 'SUPPORT', 'MANAGEMENT']));
    expect(org.teams.every((t) => t.managerId && org.people.some((p) => p.id === t.managerId))).toBe(true);
    expect(org.teams.filter((t) => t.kind === 'FRONT_LINE').length).toBeGreaterThan(org.teams.length / 2);
  });

  it('forms one reporting tree without cycles, and unique e-mails', () => {
    const byId = new Map(org.people.map((p) => [p.id, p]));
    expect(org.people.filter((p) => !p.managerId)).toHaveLength(1);
    for (const p of org.people) {
      const seen = new Set<string>();
      for (let cur: string | null = p.id; cur; cur = byId.get(cur)!.managerId) {
        expect(seen.has(cur)).toBe(false);
        seen.add(cur);
      }
    }
    expect(new Set(org.people.map((p) => p.email)).size).toBe(org.people.length);
  });

  it('places the README logins, with their roles, where the README says', () => {
    for (const d of DEMO_ACCOUNTS) {
      const p = org.people.find((x) => x.email === `${d.local}@meridian.example`)!;
      expect(`${p.firstName} ${p.lastName}`).toBe(`${d.firstName} ${d.lastName}`);
      expect(org.teams.find((t) => t.id === p.teamId)!.name).toBe(d.team);
      for (const r of d.roles) expect(p.roles).toContain(r);
    }
    const nadia = org.people.find((p) => p.email === 'manager@meridian.example')!;
    const camille = org.people.find((p) => p.email === 'employee@meridian.example')!;
    expect(camille.managerId).toBe(nadia.id);
  });

  it('scales to 10,000 people on its own domain', () => {
    const big = generateOrganization({ people: 10000, domain: 'bench10000.example' });
    expect(big.people.length).toBeGreaterThanOrEqual(9500);
    expect(big.people.length).toBeLessThanOrEqual(10500);
    expect(big.people.every((p) => p.email.endsWith('@bench10000.example'))).toBe(true);
  });
});
