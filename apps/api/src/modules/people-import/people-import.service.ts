import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parsePeopleCsv, type ImportRow, type RowError } from './people-import.parser';
import { ImportMode, PeopleImportResult } from './dto/people-import.types';
import { Person } from '../person/person.entity';
import { Team } from '../team/team.entity';
import { Position } from '../position/position.entity';
import { UserAccount } from '../auth/user-account.entity';
import { AuditEvent } from '../../platform/audit/audit-event.entity';
import type { Viewer } from '../../platform/auth/viewer';

/** Password hash placeholder of imported accounts: no password verifies until one is set. */
const NO_PASSWORD = '!no-password-set';
const key = (s: string) => s.trim().toLowerCase();

interface Existing {
  people: Map<string, Person>;
  peopleById: Map<string, Person>;
  teams: Map<string, Team>;
  positions: Map<string, Position>;
  accounts: Map<string, UserAccount>;
}

/**
 * HR's people import. Every row is validated first (formats, then teams, managers, cycles,
 * duplicates); nothing is written unless the whole file is valid, or HR chose to apply the valid
 * rows only. Applying is one transaction and only writes differences, so re-importing the same
 * file changes nothing. Role, pay and leaving-date changes are audited.
 */
@Injectable()
export class PeopleImportService {
  constructor(private readonly db: DataSource) {}

  async run(viewer: Viewer, csv: string, mode: ImportMode, requestId: string): Promise<PeopleImportResult> {
    const parsed = parsePeopleCsv(csv);
    if (parsed.fatal) {
      return {
        valid: false,
        applied: false,
        totalRows: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        errors: [parsed.fatal],
      };
    }
    const totalRows = parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size;
    if (mode === ImportMode.VALIDATE) {
      const existing = await this.load(this.db.manager, viewer.organizationId);
      const { rows, errors } = this.crossCheck(parsed.rows, parsed.errors, existing, false);
      const plan = this.plan(rows, existing);
      return {
        valid: errors.length === 0,
        applied: false,
        totalRows,
        ...plan.counts,
        errors: sortErrors(errors),
      };
    }
    return this.db.transaction(async (m) => {
      // Serialise imports of one organisation: two HR sessions cannot interleave.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['people-import:' + viewer.organizationId]);
      const existing = await this.load(m, viewer.organizationId);
      const { rows, errors } = this.crossCheck(
        parsed.rows,
        parsed.errors,
        existing,
        mode === ImportMode.APPLY_VALID_ROWS,
      );
      const valid = errors.length === 0;
      const plan = this.plan(rows, existing);
      if (!valid && mode === ImportMode.APPLY) {
        return { valid, applied: false, totalRows, ...plan.counts, errors: sortErrors(errors) };
      }
      await this.apply(m, viewer, rows, existing, plan.changed, requestId);
      return { valid, applied: true, totalRows, ...plan.counts, errors: sortErrors(errors) };
    });
  }

  private async load(m: EntityManager, organizationId: string): Promise<Existing> {
    // One after the other: a transaction is one connection, which runs one query at a time
    // (queued queries on one pg client are deprecated and go in pg 9).
    const people = await m.getRepository(Person).findBy({ organizationId });
    const teams = await m.getRepository(Team).findBy({ organizationId });
    const positions = await m.getRepository(Position).findBy({ organizationId });
    const accounts = await m.getRepository(UserAccount).findBy({ organizationId });
    return {
      people: new Map(people.map((p) => [p.email, p])),
      peopleById: new Map(people.map((p) => [p.id, p])),
      teams: new Map(teams.map((t) => [key(t.name), t])),
      positions: new Map(positions.map((p) => [key(p.title), p])),
      accounts: new Map(accounts.map((a) => [a.personId, a])),
    };
  }

  /** Rules across rows and against the organisation. With `dropInvalid`, rows depending on an invalid row become invalid too. */
  private crossCheck(input: ImportRow[], formatErrors: RowError[], ex: Existing, dropInvalid: boolean) {
    const errors = [...formatErrors];
    const invalidLines = new Set(formatErrors.map((e) => e.line));
    const invalidEmails = new Set<string>();
    const fail = (r: ImportRow, field: string, message: string) => {
      errors.push({ line: r.line, field, message });
      invalidLines.add(r.line);
      invalidEmails.add(r.email);
    };
    const seen = new Map<string, number>();
    for (const r of input) {
      const first = seen.get(r.email);
      if (first !== undefined) fail(r, 'email', `${r.email} already appears on line ${first}`);
      else seen.set(r.email, r.line);
    }
    // Teams: new ones need a kind; the same team must be described the same way on every row.
    const newTeams = new Map<string, { kind: string | null; parent: string | null; line: number }>();
    for (const r of input) {
      if (invalidLines.has(r.line)) continue;
      const k = key(r.team);
      const prev = newTeams.get(k);
      if (prev) {
        if (r.teamKind && prev.kind && r.teamKind !== prev.kind)
          fail(r, 'team_kind', `team "${r.team}" has kind ${prev.kind} on line ${prev.line}`);
        if (r.parentTeam && prev.parent && key(r.parentTeam) !== key(prev.parent))
          fail(r, 'parent_team', `team "${r.team}" has parent "${prev.parent}" on line ${prev.line}`);
        prev.kind ??= r.teamKind;
        prev.parent ??= r.parentTeam;
      } else {
        newTeams.set(k, { kind: r.teamKind, parent: r.parentTeam, line: r.line });
      }
    }
    for (const r of input) {
      if (invalidLines.has(r.line)) continue;
      const t = newTeams.get(key(r.team))!;
      if (!ex.teams.has(key(r.team)) && !t.kind)
        fail(r, 'team_kind', `team "${r.team}" does not exist: give its team_kind to create it`);
      if (r.parentTeam) {
        const p = key(r.parentTeam);
        if (p === key(r.team)) fail(r, 'parent_team', 'A team cannot be its own parent');
        else if (!ex.teams.has(p) && !newTeams.has(p))
          fail(r, 'parent_team', `parent team "${r.parentTeam}" does not exist`);
      }
    }
    // Team parent cycles, with the file's parents applied over the existing ones.
    const parentOf = new Map<string, string | null>();
    for (const [k, t] of ex.teams)
      parentOf.set(
        k,
        t.parentId ? key([...ex.teams.values()].find((x) => x.id === t.parentId)?.name ?? '') : null,
      );
    for (const [k, t] of newTeams) if (t.parent) parentOf.set(k, key(t.parent));
    for (const r of input) {
      if (invalidLines.has(r.line)) continue;
      const visited = new Set<string>();
      let cur: string | null | undefined = key(r.team);
      while (cur && !visited.has(cur)) {
        visited.add(cur);
        cur = parentOf.get(cur) ?? null;
      }
      if (cur) fail(r, 'parent_team', `team "${r.team}" would be its own ancestor`);
    }
    // A leaving date kept from the organisation's data (no left_on given) must not precede a new hire date.
    for (const r of input) {
      if (invalidLines.has(r.line) || r.leftOn !== undefined) continue;
      const kept = ex.people.get(r.email)?.leftOn;
      if (kept && kept < r.hireDate)
        fail(r, 'hire_date', `hire_date ${r.hireDate} is after the person's leaving date ${kept}`);
    }
    const managesSeen = new Map<string, number>();
    for (const r of input) {
      if (invalidLines.has(r.line) || !r.managesTeam) continue;
      const prev = managesSeen.get(key(r.team));
      if (prev !== undefined)
        fail(r, 'manages_team', `team "${r.team}" already has its manager on line ${prev}`);
      else managesSeen.set(key(r.team), r.line);
    }
    // Managers must exist (in the organisation or the file); no management cycles.
    const fileByEmail = new Map(input.map((r) => [r.email, r]));
    for (const r of input) {
      if (invalidLines.has(r.line) || !r.managerEmail) continue;
      if (!ex.people.has(r.managerEmail) && !fileByEmail.has(r.managerEmail))
        fail(r, 'manager_email', `manager ${r.managerEmail} is not a known person`);
    }
    const managerOf = (email: string): string | null => {
      const r = fileByEmail.get(email);
      if (r && !invalidLines.has(r.line)) return r.managerEmail;
      const p = ex.people.get(email);
      if (!p?.managerId) return null;
      return ex.peopleById.get(p.managerId)?.email ?? null;
    };
    for (const r of input) {
      if (invalidLines.has(r.line)) continue;
      const visited = new Set<string>([r.email]);
      let cur = r.managerEmail;
      while (cur) {
        if (visited.has(cur)) {
          fail(r, 'manager_email', `management cycle: ${r.email} would manage themself through ${cur}`);
          break;
        }
        visited.add(cur);
        cur = managerOf(cur);
      }
    }
    if (dropInvalid) {
      // A row whose manager is only on an invalid row cannot be applied either.
      let changed = true;
      while (changed) {
        changed = false;
        for (const r of input) {
          if (invalidLines.has(r.line) || !r.managerEmail) continue;
          const mr = fileByEmail.get(r.managerEmail);
          if (mr && invalidLines.has(mr.line) && !ex.people.has(r.managerEmail)) {
            fail(r, 'manager_email', `manager ${r.managerEmail} is on an invalid row (line ${mr.line})`);
            changed = true;
          }
        }
      }
    }
    return { rows: input.filter((r) => !invalidLines.has(r.line)), errors };
  }

  /** What would change: counts and the rows that differ from the organisation's data. */
  private plan(rows: ImportRow[], ex: Existing) {
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const changed = new Set<string>();
    const teamName = (id: string | null) =>
      id ? ([...ex.teams.values()].find((t) => t.id === id)?.name ?? '') : '';
    const teamById = new Map([...ex.teams.values()].map((t) => [t.id, t]));
    const posById = new Map([...ex.positions.values()].map((p) => [p.id, p]));
    for (const r of rows) {
      const p = ex.people.get(r.email);
      if (!p) {
        created++;
        changed.add(r.email);
        continue;
      }
      const team = p.teamId ? teamById.get(p.teamId) : undefined;
      const pos = p.positionId ? posById.get(p.positionId) : undefined;
      const manager = p.managerId ? (ex.peopleById.get(p.managerId)?.email ?? null) : null;
      const account = ex.accounts.get(p.id);
      const same =
        p.firstName === r.firstName &&
        p.lastName === r.lastName &&
        key(team?.name ?? teamName(p.teamId)) === key(r.team) &&
        manager === r.managerEmail &&
        (r.position ? key(pos?.title ?? '') === key(r.position) : !pos) &&
        p.hireDate === r.hireDate &&
        Number(p.fte).toFixed(3) === r.fte &&
        (r.baseSalary === null ||
          (p.baseSalary !== null &&
            Number(p.baseSalary).toFixed(2) === r.baseSalary &&
            p.salaryCurrency === r.currency)) &&
        JSON.stringify([...(account?.roles ?? [])].sort()) === JSON.stringify(r.roles) &&
        (!r.managesTeam || team?.managerId === p.id) &&
        (r.leftOn === undefined || p.leftOn === r.leftOn);
      if (same) unchanged++;
      else {
        updated++;
        changed.add(r.email);
      }
    }
    return { counts: { created, updated, unchanged }, changed };
  }

  private async apply(
    m: EntityManager,
    viewer: Viewer,
    rows: ImportRow[],
    ex: Existing,
    changed: Set<string>,
    requestId: string,
  ) {
    const org = viewer.organizationId;
    const audit: Partial<AuditEvent>[] = [];
    // 1. Teams, then their parents (a parent may be created by the same file).
    const teamSpecs = new Map<string, { name: string; kind: string | null; parent: string | null }>();
    for (const r of rows) {
      const k = key(r.team);
      const s = teamSpecs.get(k) ?? { name: r.team, kind: null, parent: null };
      s.kind ??= r.teamKind;
      s.parent ??= r.parentTeam;
      teamSpecs.set(k, s);
    }
    const newTeams = [...teamSpecs.entries()].filter(([k]) => !ex.teams.has(k));
    if (newTeams.length) {
      const inserted = await m
        .getRepository(Team)
        .save(
          newTeams.map(([, s]) =>
            m.getRepository(Team).create({ organizationId: org, name: s.name, kind: s.kind as Team['kind'] }),
          ),
        );
      for (const t of inserted) ex.teams.set(key(t.name), t);
    }
    const teamUpdates: { id: string; parent_id: string | null; kind: string }[] = [];
    for (const [k, s] of teamSpecs) {
      const t = ex.teams.get(k)!;
      const parentId = s.parent ? ex.teams.get(key(s.parent))!.id : t.parentId;
      const kind = s.kind ?? t.kind;
      if (parentId !== t.parentId || kind !== t.kind)
        teamUpdates.push({ id: t.id, parent_id: parentId, kind });
    }
    if (teamUpdates.length) {
      await m.query(
        `UPDATE team t SET parent_id = v.parent_id, kind = v.kind::team_kind
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, parent_id uuid, kind text) WHERE t.id = v.id AND t.organization_id = $2`,
        [JSON.stringify(teamUpdates), org],
      );
    }
    // 2. Positions.
    const newPositions = new Map<string, ImportRow>();
    for (const r of rows)
      if (r.position && !ex.positions.has(key(r.position)) && !newPositions.has(key(r.position)))
        newPositions.set(key(r.position), r);
    if (newPositions.size) {
      const inserted = await m.getRepository(Position).save(
        [...newPositions.values()].map((r) =>
          m.getRepository(Position).create({
            organizationId: org,
            title: r.position!,
            level: r.positionLevel ?? 1,
            track: r.track ?? 'General',
          }),
        ),
      );
      for (const p of inserted) ex.positions.set(key(p.title), p);
    }
    // 3. People: insert the new, update the changed (one statement each way).
    const todo = rows.filter((r) => changed.has(r.email));
    const fresh = todo.filter((r) => !ex.people.has(r.email));
    const ids = new Map<string, string>([...ex.people.values()].map((p) => [p.email, p.id]));
    for (const r of fresh) ids.set(r.email, randomUUID());
    const values = (r: ImportRow) => {
      const old = ex.people.get(r.email);
      return {
        id: ids.get(r.email)!,
        first_name: r.firstName,
        last_name: r.lastName,
        email: r.email,
        team_id: ex.teams.get(key(r.team))!.id,
        position_id: r.position ? ex.positions.get(key(r.position))!.id : null,
        hire_date: r.hireDate,
        fte: r.fte,
        base_salary: r.baseSalary ?? old?.baseSalary ?? null,
        salary_currency: r.baseSalary ? r.currency : (old?.salaryCurrency ?? null),
        left_on: r.leftOn === undefined ? (old?.leftOn ?? null) : r.leftOn,
      };
    };
    for (let i = 0; i < fresh.length; i += 2000) {
      await m.query(
        `INSERT INTO person (id, organization_id, first_name, last_name, email, team_id, position_id, hire_date, fte, base_salary, salary_currency, left_on)
         SELECT v.id, $2, v.first_name, v.last_name, v.email, v.team_id, v.position_id, v.hire_date, v.fte, v.base_salary, v.salary_currency, v.left_on
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, first_name text, last_name text, email text, team_id uuid, position_id uuid,
              hire_date date, fte numeric, base_salary numeric, salary_currency text, left_on date)`,
        [JSON.stringify(fresh.slice(i, i + 2000).map(values)), org],
      );
    }
    const upd = todo.filter((r) => ex.people.has(r.email));
    if (upd.length) {
      await m.query(
        `UPDATE person p SET first_name = v.first_name, last_name = v.last_name, team_id = v.team_id, position_id = v.position_id,
           hire_date = v.hire_date, fte = v.fte, base_salary = v.base_salary, salary_currency = v.salary_currency,
           left_on = v.left_on, updated_at = now(), version = p.version + 1
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, first_name text, last_name text, team_id uuid, position_id uuid,
              hire_date date, fte numeric, base_salary numeric, salary_currency text, left_on date)
         WHERE p.id = v.id AND p.organization_id = $2`,
        [JSON.stringify(upd.map(values)), org],
      );
    }
    // 4. Managers, now that everyone exists.
    const managers = todo.map((r) => ({
      id: ids.get(r.email)!,
      manager_id: r.managerEmail ? ids.get(r.managerEmail)! : null,
    }));
    if (managers.length) {
      await m.query(
        `UPDATE person p SET manager_id = v.manager_id FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, manager_id uuid)
         WHERE p.id = v.id AND p.organization_id = $2 AND p.manager_id IS DISTINCT FROM v.manager_id`,
        [JSON.stringify(managers), org],
      );
    }
    // 5. Accounts and roles.
    const newAccounts = todo.filter((r) => !ex.accounts.has(ids.get(r.email)!));
    if (newAccounts.length) {
      await m.query(
        `INSERT INTO user_account (organization_id, person_id, email, password_hash, roles)
         SELECT $2, v.person_id, v.email, $3, v.roles::role[] FROM jsonb_to_recordset($1::jsonb) AS v(person_id uuid, email text, roles text[])
         ON CONFLICT (email) DO NOTHING`,
        [
          JSON.stringify(
            newAccounts.map((r) => ({ person_id: ids.get(r.email), email: r.email, roles: r.roles })),
          ),
          org,
          NO_PASSWORD,
        ],
      );
    }
    const roleChanges = todo.flatMap((r) => {
      const a = ex.accounts.get(ids.get(r.email)!);
      if (!a) return [];
      const before = [...a.roles].sort();
      return JSON.stringify(before) === JSON.stringify(r.roles)
        ? []
        : [{ id: a.id, person_id: a.personId, before, roles: r.roles }];
    });
    if (roleChanges.length) {
      await m.query(
        `UPDATE user_account a SET roles = v.roles::role[], updated_at = now() FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, roles text[])
         WHERE a.id = v.id AND a.organization_id = $2`,
        [JSON.stringify(roleChanges), org],
      );
      for (const c of roleChanges) {
        audit.push({
          action: 'person.roles.set',
          entityType: 'Person',
          entityId: c.person_id,
          before: { roles: c.before },
          after: { roles: c.roles },
        });
      }
    }
    // 6. Team managers named by the file.
    const teamManagers = todo
      .filter((r) => r.managesTeam)
      .map((r) => ({ id: ex.teams.get(key(r.team))!.id, manager_id: ids.get(r.email) }));
    if (teamManagers.length) {
      await m.query(
        `UPDATE team t SET manager_id = v.manager_id FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, manager_id uuid)
         WHERE t.id = v.id AND t.organization_id = $2`,
        [JSON.stringify(teamManagers), org],
      );
    }
    // 7. Audit: pay changes person by person, and the import itself.
    for (const r of todo) {
      if (!r.baseSalary) continue;
      const old = ex.people.get(r.email);
      const before = old ? { baseSalary: old.baseSalary, currency: old.salaryCurrency } : null;
      if (
        before &&
        before.baseSalary !== null &&
        Number(before.baseSalary).toFixed(2) === r.baseSalary &&
        before.currency === r.currency
      )
        continue;
      audit.push({
        action: 'person.pay.set',
        entityType: 'Person',
        entityId: ids.get(r.email)!,
        before,
        after: { baseSalary: r.baseSalary, currency: r.currency },
      });
    }
    for (const r of todo) {
      if (r.leftOn === undefined) continue;
      const before = ex.people.get(r.email)?.leftOn ?? null;
      if (before === r.leftOn) continue;
      audit.push({
        action: 'person.leaving.set',
        entityType: 'Person',
        entityId: ids.get(r.email)!,
        before: ex.people.has(r.email) ? { leftOn: before } : null,
        after: { leftOn: r.leftOn },
      });
    }
    audit.push({
      action: 'people.import',
      entityType: 'Organization',
      entityId: org,
      before: null,
      after: { rows: rows.length, created: fresh.length, updated: upd.length },
    });
    if (fresh.length >= 500) await m.query('ANALYZE person'); // a large import changes the planner's picture
    for (let i = 0; i < audit.length; i += 2000) {
      await m.insert(
        AuditEvent,
        audit
          .slice(i, i + 2000)
          .map((a) => ({ ...a, organizationId: org, actorPersonId: viewer.personId, requestId })) as never,
      );
    }
  }
}

const sortErrors = (errors: RowError[]) => [...errors].sort((a, b) => a.line - b.line);
