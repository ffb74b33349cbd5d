import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { rowMapper } from '../database/row-mapper';
import { Person } from '../../modules/person/person.entity';
import { Team } from '../../modules/team/team.entity';
import { Position } from '../../modules/position/position.entity';
import { SupportService } from '../../modules/support-service/support-service.entity';
import { UserAccount } from '../../modules/auth/user-account.entity';

type EntityClass<T> = { new (): T };

/** Current staff of the organisation $1: no leaving date, or one still to come (in its time zone). */
const CURRENT_STAFF =
  '(left_on IS NULL OR left_on > (SELECT (now() AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = $1))';

/**
 * Per-request DataLoaders: every relation is fetched in one query per kind and request, never one
 * per parent row. Created lazily, so a request pays only for what it resolves. Every loader is
 * limited to the viewer's organisation.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly db: DataSource,
    private org: string | null,
  ) {}

  /** After sign-in within a request: from now on, load for this organisation. */
  switchOrganization(organizationId: string) {
    this.org = organizationId;
    this.cache.clear();
  }

  private organizationId(): string | null {
    return this.org;
  }

  private byId<T extends { id: string }>(name: string, entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.memo(name, async (ids) => {
      const org = this.organizationId();
      if (!org) return ids.map(() => null);
      const { table, hydrate } = rowMapper(this.db, entity);
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT * FROM "${table}" WHERE id = ANY($1::uuid[]) AND organization_id = $2`,
        [ids, org],
      );
      const map = new Map(rows.map((r) => [r.id as string, hydrate(r)]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  private groupBy<T>(
    name: string,
    entity: EntityClass<T>,
    column: keyof T & string,
    order?: Record<string, 'ASC' | 'DESC'>,
  ) {
    return this.memo<T[]>(name, async (keys) => {
      const org = this.organizationId();
      if (!org) return keys.map(() => []);
      const rows = await this.db
        .getRepository(entity)
        .find({ where: { [column]: In([...keys]), organizationId: org } as never, order: order as never });
      const map = new Map<string, T[]>();
      for (const r of rows as T[]) {
        const k = r[column] as unknown as string;
        if (!map.has(k)) map.set(k, []);
        map.get(k)!.push(r);
      }
      return keys.map((k) => map.get(k) ?? []);
    });
  }

  private memo<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let l = this.cache.get(name) as DataLoader<string, V> | undefined;
    if (!l) {
      l = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.cache.set(name, l as DataLoader<string, unknown>);
    }
    return l;
  }

  get person() {
    return this.byId('person', Person);
  }
  get team() {
    return this.byId('team', Team);
  }
  get position() {
    return this.byId('position', Position);
  }
  get supportService() {
    return this.byId('supportService', SupportService);
  }
  /** Current staff reporting to each person (former staff, whose leaving date has come, are left out). */
  get directReports() {
    return this.memo<Person[]>('directReports', async (managerIds) => {
      const org = this.organizationId();
      if (!org) return managerIds.map(() => []);
      const { hydrate } = rowMapper(this.db, Person);
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT * FROM person
          WHERE organization_id = $1 AND manager_id = ANY($2::uuid[]) AND ${CURRENT_STAFF}
          ORDER BY last_name, first_name`,
        [org, [...managerIds]],
      );
      const map = new Map<string, Person[]>();
      for (const r of rows) {
        const p = hydrate(r);
        if (!map.has(p.managerId!)) map.set(p.managerId!, []);
        map.get(p.managerId!)!.push(p);
      }
      return managerIds.map((k) => map.get(k) ?? []);
    });
  }
  get teamChildren() {
    return this.groupBy('teamChildren', Team, 'parentId', { name: 'ASC' });
  }
  get supportServicesByTeam() {
    return this.groupBy('supportServicesByTeam', SupportService, 'ownerTeamId', { name: 'ASC' });
  }
  get requestCategory() {
    return this.memo<{ id: string; name: string } | null>('requestCategory', async (ids) => {
      const org = this.organizationId();
      if (!org) return ids.map(() => null);
      const rows: { id: string; name: string }[] = await this.db.query(
        'SELECT id, name FROM request_category WHERE id = ANY($1::uuid[]) AND organization_id = $2',
        [[...ids], org],
      );
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }
  get accountByPerson() {
    return this.memo<UserAccount | null>('accountByPerson', async (ids) => {
      const org = this.organizationId();
      if (!org) return ids.map(() => null);
      const rows = await this.db
        .getRepository(UserAccount)
        .find({ where: { personId: In([...ids]), organizationId: org } });
      const map = new Map(rows.map((r) => [r.personId, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }
  get memberCount() {
    return this.memo<number>('memberCount', async (teamIds) => {
      const org = this.organizationId();
      if (!org) return teamIds.map(() => 0);
      const rows: { team_id: string; n: string }[] = await this.db.query(
        `SELECT team_id, count(*)::int AS n FROM person
          WHERE organization_id = $1 AND team_id = ANY($2::uuid[]) AND ${CURRENT_STAFF} GROUP BY team_id`,
        [org, [...teamIds]],
      );
      const map = new Map(rows.map((r) => [r.team_id, Number(r.n)]));
      return teamIds.map((id) => map.get(id) ?? 0);
    });
  }
}
