import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { preparedQuery, rowMapper } from '../../platform/database/row-mapper';
import { Person } from './person.entity';
import { PeopleArgs, PersonPage } from './dto/person.types';
import { UserAccount } from '../auth/user-account.entity';
import { Role } from '../organization/organization.enums';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

@Injectable()
export class PersonService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * One page of the directory and its total in one statement. A deferred join: the page's ids come
   * from an index-only scan of (organization_id, last_name, first_name, id), however deep the
   * offset, and only those rows are read from the table; the total is an uncorrelated subquery
   * PostgreSQL evaluates once.
   */
  async page(viewer: Viewer, args: PeopleArgs): Promise<PersonPage> {
    const search = args.search?.trim();
    // Placeholders are numbered as filters are added: the SQL text depends only on which filters
    // are present, so there are four prepared statements at most.
    const values: unknown[] = [viewer.organizationId];
    const filters = ['organization_id = $1'];
    if (args.teamId) {
      values.push(args.teamId);
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
    const name = `people-page${args.teamId ? '-team' : ''}${search ? '-search' : ''}`;
    const n = values.length;
    const rows = await preparedQuery<Record<string, unknown>>(
      this.db,
      name,
      `SELECT p.*, (SELECT count(*) FROM person WHERE ${where}) AS total
       FROM (SELECT id FROM person WHERE ${where} ORDER BY last_name, first_name, id OFFSET $${n + 1} LIMIT $${n + 2}) page
       JOIN person p ON p.id = page.id
       ORDER BY p.last_name, p.first_name, p.id`,
      [...values, args.offset, args.limit],
    );
    const { hydrate } = rowMapper(this.db, Person);
    const entities = rows.map(hydrate);
    let totalCount = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && args.offset > 0) {
      // Past the last page no row carries the total: count on its own.
      const [row] = await preparedQuery<{ n: number }>(
        this.db,
        `${name}-count`,
        `SELECT count(*)::int AS n FROM person WHERE ${where}`,
        values,
      );
      totalCount = row?.n ?? 0;
    }
    return { items: entities, totalCount, offset: args.offset, limit: args.limit };
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
