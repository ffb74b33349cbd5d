import { createHash } from 'node:crypto';
import { Role, TeamKind, OrganizationKind } from '../modules/organization/organization.enums';

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same organisation. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

/** A stable UUID derived from a name, so re-running the generator gives the same ids. */
export function uuidFrom(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeedTeam {
  id: string;
  name: string;
  kind: TeamKind;
  parentId: string | null;
  managerId: string | null;
}
export interface SeedPosition {
  id: string;
  title: string;
  level: number;
  track: string;
}
export interface SeedPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  teamId: string;
  managerId: string | null;
  positionId: string;
  hireDate: string;
  fte: string;
  baseSalary: string;
  salaryCurrency: string;
  roles: Role[];
}
export interface SeedService {
  id: string;
  name: string;
  description: string;
  ownerTeamId: string;
}
export interface SeedOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  domain: string;
  holidayCountry: string;
  teams: SeedTeam[];
  positions: SeedPosition[];
  people: SeedPerson[];
  services: SeedService[];
}

export const FIRST = [
  'Camille',
  'Louis',
  'Emma',
  'Hugo',
  'Léa',
  'Lucas',
  'Chloé',
  'Nathan',
  'Manon',
  'Jules',
  'Inès',
  'Adam',
  'Sarah',
  'Yanis',
  'Zoé',
  'Noah',
  'Lina',
  'Ethan',
  'Jade',
  'Mathis',
  'Alice',
  'Samuel',
  'Clara',
  'Karim',
  'Fatou',
  'Julien',
  'Sophie',
  'Mehdi',
  'Anaïs',
  'Thomas',
  'Nora',
  'Pierre',
  'Aïcha',
  'Marc',
  'Elena',
  'David',
  'Laura',
  'Omar',
  'Julie',
  'Antoine',
  'Maya',
  'Victor',
  'Sofia',
  'Paul',
  'Amina',
  'Rémi',
  'Hannah',
  'Bruno',
  'Leïla',
  'Olivier',
];
export const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Diallo',
  'Nguyen',
  'Haddad',
  'Costa',
  'Schmitt',
  'Kowalski',
  'Traoré',
  'Rossi',
  'Meyer',
  'Chevalier',
];

const POSITIONS: Omit<SeedPosition, 'id'>[] = [
  { title: 'Customer Advisor', level: 1, track: 'Front line' },
  { title: 'Senior Customer Advisor', level: 2, track: 'Front line' },
  { title: 'Claims Handler', level: 1, track: 'Front line' },
  { title: 'Senior Claims Handler', level: 2, track: 'Front line' },
  { title: 'Branch Advisor', level: 1, track: 'Front line' },
  { title: 'Account Manager', level: 3, track: 'Front line' },
  { title: 'Team Manager', level: 4, track: 'Management' },
  { title: 'Head of Department', level: 6, track: 'Management' },
  { title: 'Chief Executive Officer', level: 8, track: 'Management' },
  { title: 'IT Support Technician', level: 1, track: 'Support' },
  { title: 'IT Engineer', level: 3, track: 'Support' },
  { title: 'Facilities Coordinator', level: 2, track: 'Support' },
  { title: 'Payroll Specialist', level: 2, track: 'Support' },
  { title: 'HR Business Partner', level: 3, track: 'Support' },
  { title: 'Training Coordinator', level: 2, track: 'Support' },
];

const FRONT_LINE = [
  'Customer Service — Lyon',
  'Customer Service — Nantes',
  'Customer Service — Lille',
  'Claims — Lyon',
  'Claims — Bordeaux',
  'Branch — Paris Bastille',
  'Branch — Paris La Défense',
  'Branch — Marseille',
  'Branch — Toulouse',
  'Branch — Strasbourg',
  'Branch — Rennes',
  'Branch — Nice',
  'Key Accounts',
  'Digital Support — Chat & E-mail',
  'Collections',
];
const SUPPORT: { team: string; position: string; service?: { name: string; description: string } }[] = [
  {
    team: 'IT Service Desk',
    position: 'IT Support Technician',
    service: {
      name: 'IT Service Desk',
      description: 'Laptops, phones, software, access problems: first help for every IT issue.',
    },
  },
  {
    team: 'IT Infrastructure',
    position: 'IT Engineer',
    service: {
      name: 'IT Access & Accounts',
      description: 'Accounts, rights and access to business applications for newcomers and movers.',
    },
  },
  {
    team: 'Facilities',
    position: 'Facilities Coordinator',
    service: {
      name: 'Workplace & Facilities',
      description: 'Premises, desks, repairs, cleaning, safety and branch equipment.',
    },
  },
  {
    team: 'Payroll & Administration',
    position: 'Payroll Specialist',
    service: {
      name: 'Payroll & Administration',
      description: 'Payslips, expenses, leave balances, contracts and certificates.',
    },
  },
  {
    team: 'HR Business Partners',
    position: 'HR Business Partner',
    service: {
      name: 'HR Services',
      description: 'Career moves, policies, well-being and any question about working here.',
    },
  },
  {
    team: 'Training Office',
    position: 'Training Coordinator',
    service: {
      name: 'Training',
      description: 'Course catalogue, enrolments, certifications and skills development.',
    },
  },
];

/** The five demo logins of the README, placed at fixed spots of every generated organisation. */
export const DEMO_ACCOUNTS = [
  { local: 'admin', firstName: 'Morgan', lastName: 'Lee', team: 'IT Infrastructure', roles: [Role.ADMIN] },
  { local: 'hr', firstName: 'Hélène', lastName: 'Moreau', team: 'HR Business Partners', roles: [Role.HR] },
  {
    local: 'manager',
    firstName: 'Nadia',
    lastName: 'Benali',
    team: 'Customer Service — Lyon',
    roles: [Role.MANAGER],
    manages: true,
  },
  {
    local: 'agent',
    firstName: 'Tom',
    lastName: 'Weber',
    team: 'IT Service Desk',
    roles: [Role.SUPPORT_AGENT],
  },
  {
    local: 'employee',
    firstName: 'Camille',
    lastName: 'Durand',
    team: 'Customer Service — Lyon',
    roles: [] as Role[],
  },
] as const;
export const DEMO_PASSWORD = 'symmetry-demo';

const FRONT_POSITION: Record<string, [string, string]> = {
  'Customer Service': ['Customer Advisor', 'Senior Customer Advisor'],
  Claims: ['Claims Handler', 'Senior Claims Handler'],
  Branch: ['Branch Advisor', 'Senior Customer Advisor'],
  'Key Accounts': ['Account Manager', 'Account Manager'],
  'Digital Support': ['Customer Advisor', 'Senior Customer Advisor'],
  Collections: ['Customer Advisor', 'Senior Customer Advisor'],
};

/**
 * A realistic insurer ("Meridian Mutual" by default): management, ~2/3 front line in customer
 * service, claims and branches, and support teams (IT, facilities, payroll, HR, training) each
 * running a support service. `people` sets the size; teams grow with it (about 12 per team).
 */
export function generateOrganization(opts: {
  people: number;
  name?: string;
  domain?: string;
  seed?: number;
}): SeedOrganization {
  const r = rng(opts.seed ?? 20261122);
  const domain = opts.domain ?? 'meridian.example';
  const orgId = uuidFrom(domain, 'org');
  const positions = POSITIONS.map((p) => ({ ...p, id: uuidFrom(domain, 'position', p.title) }));
  const pos = (title: string) => positions.find((p) => p.title === title)!;
  const total = Math.max(60, opts.people);

  const teams: SeedTeam[] = [];
  const mk = (name: string, kind: TeamKind, parentId: string | null): SeedTeam => {
    const t: SeedTeam = { id: uuidFrom(domain, 'team', name), name, kind, parentId, managerId: null };
    teams.push(t);
    return t;
  };
  const exec = mk('Executive Committee', TeamKind.MANAGEMENT, null);
  const ops = mk('Customer Operations', TeamKind.MANAGEMENT, exec.id);
  const sup = mk('Support Functions', TeamKind.MANAGEMENT, exec.id);
  // Front-line teams: the named ones, then more branches for larger organisations.
  const frontCount = Math.max(FRONT_LINE.length, Math.round((total * 0.72) / 14));
  const front: SeedTeam[] = [];
  for (let i = 0; i < frontCount; i++)
    front.push(
      mk(
        i < FRONT_LINE.length ? FRONT_LINE[i] : `Branch — Agency ${i - FRONT_LINE.length + 1}`,
        TeamKind.FRONT_LINE,
        ops.id,
      ),
    );
  const support = SUPPORT.map((s) => ({ spec: s, team: mk(s.team, TeamKind.SUPPORT, sup.id) }));

  const people: SeedPerson[] = [];
  const usedEmails = new Set<string>();
  const today = new Date('2026-11-01T00:00:00Z').getTime();
  const addPerson = (
    team: SeedTeam,
    positionTitle: string,
    manager: string | null,
    fixed?: { local?: string; firstName: string; lastName: string; roles: readonly Role[] },
  ) => {
    const firstName = fixed?.firstName ?? r.pick(FIRST);
    const lastName = fixed?.lastName ?? r.pick(LAST);
    let email = fixed?.local ? `${fixed.local}@${domain}` : '';
    if (!email) {
      const base = `${firstName}.${lastName}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z.]/g, '');
      email = `${base}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
    }
    usedEmails.add(email);
    const p = pos(positionTitle);
    const years = r.next() < 0.2 ? r.next() * 1.5 : r.next() * 16;
    const hire = new Date(today - Math.floor(years * 365.25) * 86_400_000).toISOString().slice(0, 10);
    const fteRoll = r.next();
    const salary = 25000 + p.level * 5500 + r.int(0, 40) * 100;
    const person: SeedPerson = {
      id: uuidFrom(domain, 'person', email),
      firstName,
      lastName,
      email,
      teamId: team.id,
      managerId: manager,
      positionId: p.id,
      hireDate: hire,
      fte: fteRoll < 0.84 ? '1.000' : fteRoll < 0.95 ? '0.800' : '0.500',
      baseSalary: salary.toFixed(2),
      salaryCurrency: 'EUR',
      roles: [Role.EMPLOYEE, ...(fixed?.roles ?? [])],
    };
    people.push(person);
    return person;
  };
  const fixedFor = (team: string) => DEMO_ACCOUNTS.filter((d) => d.team === team);
  const withRole = (p: SeedPerson, role: Role) => {
    if (!p.roles.includes(role)) p.roles.push(role);
  };

  const ceo = addPerson(exec, 'Chief Executive Officer', null);
  exec.managerId = ceo.id;
  withRole(ceo, Role.MANAGER);
  for (const dept of [ops, sup]) {
    const head = addPerson(dept, 'Head of Department', ceo.id);
    dept.managerId = head.id;
    withRole(head, Role.MANAGER);
  }
  const supportSize = Math.max(5, Math.round((total * 0.2) / SUPPORT.length));
  const frontSize = Math.max(6, Math.round((total - 3 - supportSize * SUPPORT.length) / frontCount));
  for (const t of front) {
    const fixed = fixedFor(t.name);
    const mgrFixed = fixed.find((f) => 'manages' in f);
    const mgr = addPerson(t, 'Team Manager', ops.managerId, mgrFixed);
    t.managerId = mgr.id;
    withRole(mgr, Role.MANAGER);
    const kindKey = Object.keys(FRONT_POSITION).find((k) => t.name.startsWith(k)) ?? 'Branch';
    const [junior, senior] = FRONT_POSITION[kindKey];
    const members = fixed.filter((f) => !('manages' in f));
    for (let i = 0; i < frontSize - 1; i++) addPerson(t, i % 4 === 3 ? senior : junior, mgr.id, members[i]);
  }
  for (const { spec, team } of support) {
    const fixed = fixedFor(team.name);
    const mgr = addPerson(team, spec.position, sup.managerId);
    team.managerId = mgr.id;
    withRole(mgr, Role.MANAGER);
    withRole(mgr, Role.SUPPORT_AGENT);
    for (let i = 0; i < supportSize - 1; i++) {
      const p = addPerson(team, spec.position, mgr.id, fixed[i]);
      if (team.name !== 'IT Infrastructure' || !fixed[i]) withRole(p, Role.SUPPORT_AGENT);
    }
    if (team.name === 'HR Business Partners')
      for (const p of people.filter((x) => x.teamId === team.id)) withRole(p, Role.HR);
  }
  for (const p of people) p.roles.sort();

  const services = SUPPORT.map((s) => ({
    id: uuidFrom(domain, 'service', s.service!.name),
    name: s.service!.name,
    description: s.service!.description,
    ownerTeamId: support.find((x) => x.spec === s)!.team.id,
  }));
  return {
    id: orgId,
    name: opts.name ?? 'Meridian Mutual',
    kind: OrganizationKind.COMPANY,
    domain,
    // Days off: France's public holidays, any year (date-holidays), none added by hand.
    holidayCountry: 'FR',
    teams,
    positions,
    people,
    services,
  };
}
