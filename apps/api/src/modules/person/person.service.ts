import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { preparedQuery, prefixedColumns } from '../../platform/database/row-mapper';
import { preload } from '../../platform/graphql/preloaded';
import { Person } from './person.entity';
import { Team } from '../team/team.entity';
import { Position } from '../position/position.entity';
import { PeopleArgs, PersonPage } from './dto/person.types';
import { UserAccount } from '../auth/user-account.entity';
import { Role } from '../organization/organization.enums';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

/**
 * The directory's version as a page depends on it: the organisation's change counter and its
 * current date (in its time zone), since who is current staff changes at midnight by itself.
 */
const VERSION_OF = (org: string) =>
  `SELECT concat(coalesce(v.version, 0), '@', (now() AT TIME ZONE o.time_zone)::date) AS version
     FROM organization o LEFT JOIN directory_version v ON v.organization_id = o.id WHERE o.id = ${org}`;
/** Current staff: no leaving date, or one still to come (the leaving date is the first day away). */
const CURRENT_STAFF = `(left_on IS NULL OR left_on > (SELECT (now() AT TIME ZONE time_zone)::date FROM organization WHERE id = $1))`;

/** A calendar date YYYY-MM-DD that exists. */
export const isRealDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** As the `displayName` field resolver says it. */
export const displayName = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

/** Directory pages kept per instance; each is checked against the directory version before use. */
const PAGE_CACHE_SIZE = 100;

interface CachedPage {
  version: string;
  total: number;
  items: readonly Person[];
}

@Injectable()
export class PersonService {
  private readonly pages = new Map<string, CachedPage>();
  private readonly versionReads = new Map<string, Promise<string>>();
  private cols?: {
    person: ReturnType<typeof prefixedColumns<Person>>;
    team: ReturnType<typeof prefixedColumns<Team>>;
    manager: ReturnType<typeof prefixedColumns<Person>>;
    position: ReturnType<typeof prefixedColumns<Position>>;
  };

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The language the viewer last used the app in, or null. */
  async locale(viewer: Viewer): Promise<string | null> {
    const [r] = await this.db.query(`SELECT locale FROM person_setting WHERE person_id = $1`, [
      viewer.personId,
    ]);
    return r?.locale ?? null;
  }

  /**
   * Remembers the viewer's language (one statement; not audited: a preference, not HR data). Kept
   * apart from `person`, whose changes empty the directory caches.
   */
  async setLocale(viewer: Viewer, locale: string): Promise<string> {
    await this.db.query(
      `INSERT INTO person_setting (person_id, organization_id, locale) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET locale = EXCLUDED.locale, updated_at = now()`,
      [viewer.personId, viewer.organizationId, locale],
    );
    return locale;
  }

  /**
   * One page of the directory, with each person's team, manager and position, and the total.
   *
   * Pages are cached per instance (LRU, PAGE_CACHE_SIZE) with the organisation's directory version
   * (`directory_version`, bumped in the same transaction as any change to a person, team or
   * position, by a trigger): a request reads that number by primary key, one cheap statement, and
   * uses the cached page only if it is unchanged, so every instance answers as the database is
   * now. Otherwise one statement reads the version, the total and the page: a deferred join (the
   * page's ids from an index-only scan of (organization_id, last_name, first_name, id) INCLUDE
   * (left_on), however deep the offset) with team, manager and position joined, in one snapshot.
   * Current staff only, unless HR or ADMIN ask for former staff too (`includeFormer`).
   *
   * The relations are attached to each item with `preload`, so the `team`, `manager`, `position`,
   * `jobTitle` and `displayName` field resolvers (any member may read them) do not run per item.
   * What a viewer may see of a person (pay) is still decided per request by the policy layer.
   */
  async page(viewer: Viewer, args: PeopleArgs): Promise<PersonPage> {
    const org = viewer.organizationId;
    const search = args.search?.trim() || undefined;
    const includeFormer = args.includeFormer === true;
    if (includeFormer && !viewer.roles.some((r) => r === Role.HR || r === Role.ADMIN))
      throw forbidden('Former staff are listed for HR and admins only');
    const key = [org, args.teamId ?? '', search ?? '', includeFormer, args.offset, args.limit].join('\u0001');
    let page = this.pages.get(key);
    if (page) {
      const version = await this.directoryVersion(org);
      this.pages.delete(key);
      if (version !== page.version) page = undefined;
    }
    page ??= await this.loadPage(org, args.teamId, search, includeFormer, args.offset, args.limit);
    this.pages.set(key, page);
    if (this.pages.size > PAGE_CACHE_SIZE) this.pages.delete(this.pages.keys().next().value!);
    return {
      items: page.items as Person[], // frozen: shared by every request that reads this page
      totalCount: page.total,
      offset: args.offset,
      limit: args.limit,
    };
  }

  /**
   * The organisation's directory version as committed now. Requests asking at the same time share
   * one read: the read is sent at the end of the event loop's current turn (setImmediate), and only
   * requests that asked before it was sent wait for it, so each sees every change committed before
   * it asked. Under load several requests share a read (about 4 to 5 at 10 connections).
   */
  private directoryVersion(org: string): Promise<string> {
    let read = this.versionReads.get(org);
    if (!read) {
      read = new Promise<string>((resolve, reject) => {
        setImmediate(() => {
          this.versionReads.delete(org); // whoever asks from now on waits for a later read
          preparedQuery<{ version: string }>(this.db, 'directory-version', VERSION_OF('$1'), [org]).then(
            (rows) => resolve(rows[0]?.version ?? '0'),
            reject,
          );
        });
      });
      this.versionReads.set(org, read);
    }
    return read;
  }

  private async loadPage(
    org: string,
    teamId: string | undefined,
    search: string | undefined,
    includeFormer: boolean,
    offset: number,
    limit: number,
  ): Promise<CachedPage> {
    // Placeholders are numbered as filters are added: the SQL text depends only on which filters
    // are present, so there are eight prepared statements (and eight count statements) at most.
    const values: unknown[] = [org];
    const filters = ['organization_id = $1'];
    if (!includeFormer) filters.push(CURRENT_STAFF);
    if (teamId) {
      values.push(teamId);
      filters.push(`team_id = $${values.length}`);
    }
    if (search) {
      values.push(`%${escapeLike(search)}%`);
      const q = `$${values.length}`;
      filters.push(
        `(first_name || ' ' || last_name ILIKE ${q} OR last_name || ' ' || first_name ILIKE ${q} OR email ILIKE ${q})`,
      );
    }
    const where = filters.join(' AND ');
    const name = `people-page${teamId ? '-team' : ''}${search ? '-search' : ''}${includeFormer ? '-former' : ''}`;
    const n = values.length;
    const c = this.columns();
    const rows = await preparedQuery<Record<string, unknown>>(
      this.db,
      name,
      `SELECT (${VERSION_OF('$1')}) AS directory_version,
              (SELECT count(*) FROM person WHERE ${where}) AS total,
              ${c.person.select}, ${c.team.select}, ${c.manager.select}, ${c.position.select}
       FROM (SELECT id FROM person WHERE ${where} ORDER BY last_name, first_name, id OFFSET $${n + 1} LIMIT $${n + 2}) page
       JOIN person p ON p.id = page.id
       LEFT JOIN team t ON t.id = p.team_id AND t.organization_id = p.organization_id
       LEFT JOIN person m ON m.id = p.manager_id AND m.organization_id = p.organization_id
       LEFT JOIN position pos ON pos.id = p.position_id AND pos.organization_id = p.organization_id
       ORDER BY p.last_name, p.first_name, p.id`,
      [...values, offset, limit],
    );
    if (rows.length) {
      return {
        version: String(rows[0].directory_version ?? '0'),
        total: Number(rows[0].total),
        items: this.directoryItems(rows),
      };
    }
    // An empty page carries no total: count on its own (with the version, in one snapshot).
    const [row] = await preparedQuery<{ n: number; v: string | null }>(
      this.db,
      `${name}-count`,
      `SELECT count(*)::int AS n, (${VERSION_OF('$1')}) AS v
       FROM person WHERE ${where}`,
      values,
    );
    return { version: String(row?.v ?? '0'), total: row?.n ?? 0, items: [] };
  }

  /**
   * The page's people with their relations preloaded. They are shared by every request that reads
   * this cached page, so they are frozen: nothing may change them (a change would throw).
   */
  private directoryItems(rows: Record<string, unknown>[]): Person[] {
    const c = this.columns();
    const once = <T extends { id: string }>(seen: Map<string, T>, o: T | null): T | null => {
      if (!o) return null;
      if (!seen.has(o.id)) seen.set(o.id, Object.freeze(o));
      return seen.get(o.id)!;
    };
    const teams = new Map<string, Team>();
    const managers = new Map<string, Person>();
    const positions = new Map<string, Position>();
    const items = rows.map((row) => {
      const person = c.person.hydrate(row)!;
      const team = once(teams, c.team.hydrate(row));
      const position = once(positions, c.position.hydrate(row));
      const m = c.manager.hydrate(row);
      const manager = once(managers, m && preload(m, { displayName: displayName(m) }));
      return Object.freeze(
        preload(person, {
          displayName: displayName(person),
          jobTitle: position?.title ?? null,
          team,
          manager,
          position,
        }),
      );
    });
    return Object.freeze(items) as Person[];
  }

  private columns() {
    this.cols ??= {
      person: prefixedColumns(this.db, Person, 'p', 'p'),
      team: prefixedColumns(this.db, Team, 't', 't'),
      manager: prefixedColumns(this.db, Person, 'm', 'm'),
      position: prefixedColumns(this.db, Position, 'pos', 'pos'),
    };
    return this.cols;
  }

  /** Sets a person's roles (ADMIN); audited. EMPLOYEE is always kept. */
  async setRoles(viewer: Viewer, personId: string, roles: Role[], requestId: string): Promise<Person> {
    const next = [...new Set([Role.EMPLOYEE, ...roles])].sort();
    return this.db.transaction(async (m) => {
      const account = await m.getRepository(UserAccount).findOne({
        where: { personId, organizationId: viewer.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!account) throw notFound('Account of this person');
      if (personId === viewer.personId && !next.includes(Role.ADMIN)) {
        throw badInput('roles', 'You cannot remove your own ADMIN role');
      }
      const before = [...account.roles].sort();
      if (JSON.stringify(before) !== JSON.stringify(next)) {
        await m.update(UserAccount, { id: account.id }, { roles: next });
        await this.audit.record(m, {
          organizationId: viewer.organizationId,
          actorPersonId: viewer.personId,
          requestId,
          action: 'person.roles.set',
          entityType: 'Person',
          entityId: personId,
          before: { roles: before },
          after: { roles: next },
        });
      }
      return m.getRepository(Person).findOneByOrFail({ id: personId });
    });
  }

  /**
   * Sets or clears a person's leaving date (HR, ADMIN; any person of the organisation); audited.
   * From that day on the person cannot sign in and is no longer listed as current staff.
   */
  async setLeaving(
    viewer: Viewer,
    personId: string,
    leftOn: string | null,
    requestId: string,
  ): Promise<Person> {
    if (leftOn !== null && !isRealDate(leftOn)) throw badInput('leftOn', 'leftOn must be a date YYYY-MM-DD');
    return this.db.transaction(async (m) => {
      const person = await m.getRepository(Person).findOne({
        where: { id: personId, organizationId: viewer.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw notFound('Person');
      if (leftOn !== null && leftOn < person.hireDate)
        throw badInput('leftOn', `The leaving date cannot be before the hire date (${person.hireDate})`);
      if (person.leftOn === leftOn) return person;
      const before = { leftOn: person.leftOn };
      person.leftOn = leftOn;
      const saved = await m.save(person);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'person.leaving.set',
        entityType: 'Person',
        entityId: personId,
        before,
        after: { leftOn },
      });
      return saved;
    });
  }

  /** Sets base salary and currency (HR); audited with before/after. */
  async setPay(
    viewer: Viewer,
    personId: string,
    baseSalary: string,
    currency: string,
    requestId: string,
  ): Promise<Person> {
    let amount: Decimal;
    try {
      amount = new Decimal(baseSalary);
    } catch {
      throw badInput('baseSalary', 'baseSalary must be a decimal number');
    }
    if (amount.isNegative() || amount.greaterThan('9999999999.99') || amount.decimalPlaces() > 2) {
      throw badInput('baseSalary', 'baseSalary must be between 0 and 9999999999.99, with at most 2 decimals');
    }
    const cur = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(cur)) throw badInput('currency', 'currency must be an ISO 4217 code such as EUR');
    return this.db.transaction(async (m) => {
      const person = await m.getRepository(Person).findOne({
        where: { id: personId, organizationId: viewer.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw notFound('Person');
      const before = { baseSalary: person.baseSalary, currency: person.salaryCurrency };
      const after = { baseSalary: amount.toFixed(2), currency: cur };
      if (
        before.baseSalary !== null &&
        new Decimal(before.baseSalary).equals(amount) &&
        before.currency === cur
      )
        return person;
      person.baseSalary = after.baseSalary;
      person.salaryCurrency = cur;
      const saved = await m.save(person);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'person.pay.set',
        entityType: 'Person',
        entityId: personId,
        before,
        after,
      });
      return saved;
    });
  }
}
