import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import { Role, TeamKind } from '../organization/organization.enums';

/** Columns of the people CSV; the first four and hire_date are required. */
export const COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'team',
  'team_kind',
  'parent_team',
  'manager_email',
  'position',
  'position_level',
  'track',
  'hire_date',
  'fte',
  'base_salary',
  'currency',
  'roles',
  'manages_team',
  'left_on',
] as const;
export const REQUIRED = ['email', 'first_name', 'last_name', 'team', 'hire_date'] as const;

export interface ImportRow {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  team: string;
  teamKind: TeamKind | null;
  parentTeam: string | null;
  managerEmail: string | null;
  position: string | null;
  positionLevel: number | null;
  track: string | null;
  hireDate: string;
  fte: string;
  baseSalary: string | null;
  currency: string | null;
  roles: Role[];
  managesTeam: boolean;
  /** Leaving date; undefined (no `left_on` column, or an empty value) keeps the person's current one. */
  leftOn?: string;
}

export interface RowError {
  line: number;
  field: string | null;
  message: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isRealDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
const TRUE = ['yes', 'true', '1', 'y', 'oui'];
const FALSE = ['no', 'false', '0', 'n', 'non', ''];

/**
 * Parses and checks each row on its own (formats, required values). Cross-row rules (teams,
 * managers, duplicates) are checked by the service, which knows the organisation.
 */
export function parsePeopleCsv(csv: string): { rows: ImportRow[]; errors: RowError[]; fatal?: RowError } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return {
      rows: [],
      errors: [],
      fatal: { line: err.lines ?? 1, field: null, message: `Malformed CSV: ${err.message}` },
    };
  }
  const headerLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const header = headerLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    return {
      rows: [],
      errors: [],
      fatal: {
        line: 1,
        field: unknown[0],
        message: `Unknown column(s): ${unknown.join(', ')}. Expected: ${COLUMNS.join(', ')}`,
      },
    };
  }
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      rows: [],
      errors: [],
      fatal: { line: 1, field: missing[0], message: `Missing column(s): ${missing.join(', ')}` },
    };
  }
  if (!records.length)
    return { rows: [], errors: [], fatal: { line: 1, field: null, message: 'The file has no rows' } };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { record: r, info } of records) {
    const line = info.lines;
    const err = (field: string, message: string) => errors.push({ line, field, message });
    const before = errors.length;
    for (const c of REQUIRED) if (!r[c]) err(c, `${c} is required`);
    const email = (r.email ?? '').toLowerCase();
    if (email && (!EMAIL_RE.test(email) || email.length > 254))
      err('email', `"${r.email}" is not a valid e-mail`);
    const managerEmail = (r.manager_email ?? '').toLowerCase() || null;
    if (managerEmail && !EMAIL_RE.test(managerEmail))
      err('manager_email', `"${r.manager_email}" is not a valid e-mail`);
    if (managerEmail && managerEmail === email) err('manager_email', 'A person cannot be their own manager');
    for (const c of ['first_name', 'last_name'] as const)
      if ((r[c] ?? '').length > 100) err(c, `${c} is longer than 100 characters`);
    if ((r.team ?? '').length > 200) err('team', 'team is longer than 200 characters');
    let teamKind: TeamKind | null = null;
    if (r.team_kind) {
      const k = r.team_kind.toUpperCase().replace(/[\s-]/g, '_');
      if (!(k in TeamKind))
        err('team_kind', `team_kind must be FRONT_LINE, SUPPORT or MANAGEMENT, not "${r.team_kind}"`);
      else teamKind = k as TeamKind;
    }
    if (r.hire_date && !isRealDate(r.hire_date))
      err('hire_date', `hire_date "${r.hire_date}" is not a date YYYY-MM-DD`);
    let positionLevel: number | null = null;
    if (r.position_level) {
      positionLevel = Number(r.position_level);
      if (!Number.isInteger(positionLevel) || positionLevel < 1 || positionLevel > 20)
        err('position_level', 'position_level must be an integer from 1 to 20');
    }
    let fte = '1.000';
    if (r.fte) {
      try {
        const d = new Decimal(r.fte);
        if (d.lte(0) || d.gt(1) || d.decimalPlaces() > 3) throw new Error();
        fte = d.toFixed(3);
      } catch {
        err('fte', `fte must be a number above 0 and at most 1 (3 decimals), not "${r.fte}"`);
      }
    }
    let baseSalary: string | null = null;
    if (r.base_salary) {
      try {
        const d = new Decimal(r.base_salary);
        if (d.isNeg() || d.gt('9999999999.99') || d.decimalPlaces() > 2) throw new Error();
        baseSalary = d.toFixed(2);
      } catch {
        err(
          'base_salary',
          `base_salary must be a non-negative amount with at most 2 decimals, not "${r.base_salary}"`,
        );
      }
    }
    const currency = r.currency ? r.currency.toUpperCase() : null;
    if (currency && !/^[A-Z]{3}$/.test(currency))
      err('currency', `currency must be an ISO 4217 code such as EUR, not "${r.currency}"`);
    if (baseSalary && !currency) err('currency', 'currency is required with base_salary');
    const roles = new Set<Role>([Role.EMPLOYEE]);
    for (const raw of (r.roles ?? '')
      .split(/[;|]/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean)) {
      if (!(raw in Role)) err('roles', `Unknown role "${raw}" (roles: ${Object.keys(Role).join(', ')})`);
      else roles.add(raw as Role);
    }
    const leftOn = r.left_on || undefined;
    if (leftOn && !isRealDate(leftOn)) err('left_on', `left_on "${r.left_on}" is not a date YYYY-MM-DD`);
    else if (leftOn && r.hire_date && isRealDate(r.hire_date) && leftOn < r.hire_date)
      err('left_on', `left_on ${leftOn} is before hire_date ${r.hire_date}`);
    const manages = (r.manages_team ?? '').toLowerCase();
    if (!TRUE.includes(manages) && !FALSE.includes(manages))
      err('manages_team', 'manages_team must be yes or no');
    if (errors.length > before) continue;
    rows.push({
      line,
      email,
      firstName: r.first_name,
      lastName: r.last_name,
      team: r.team,
      teamKind,
      parentTeam: r.parent_team || null,
      managerEmail,
      position: r.position || null,
      positionLevel,
      track: r.track || null,
      hireDate: r.hire_date,
      fte,
      baseSalary,
      currency,
      roles: [...roles].sort(),
      managesTeam: TRUE.includes(manages),
      ...(leftOn ? { leftOn } : {}),
    });
  }
  return { rows, errors };
}
