import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../apps/api/src/modules/auth/password';
import { OrganizationKind, Role, TeamKind } from '../../apps/api/src/modules/organization/organization.enums';

/** Small factories for what a test needs beyond the demo organisation. */
export async function newOrganization(
  db: DataSource,
  name = 'Other Org',
  kind = OrganizationKind.PUBLIC_SERVICE,
) {
  const id = randomUUID();
  await db.query('INSERT INTO organization (id, name, kind) VALUES ($1, $2, $3)', [id, name, kind]);
  return id;
}

export async function newTeam(
  db: DataSource,
  organizationId: string,
  name: string,
  kind = TeamKind.FRONT_LINE,
  parentId: string | null = null,
) {
  const id = randomUUID();
  await db.query(
    'INSERT INTO team (id, organization_id, name, kind, parent_id) VALUES ($1, $2, $3, $4, $5)',
    [id, organizationId, name, kind, parentId],
  );
  return id;
}

export async function newPerson(
  db: DataSource,
  organizationId: string,
  opts: {
    email?: string;
    teamId?: string | null;
    managerId?: string | null;
    roles?: Role[];
    password?: string;
    baseSalary?: string;
  } = {},
) {
  const id = randomUUID();
  const email = opts.email ?? `p-${id.slice(0, 8)}@example.org`;
  await db.query(
    `INSERT INTO person (id, organization_id, first_name, last_name, email, team_id, manager_id, hire_date, base_salary, salary_currency)
     VALUES ($1, $2, 'Test', $3, $4, $5, $6, '2024-01-01', $7, 'EUR')`,
    [
      id,
      organizationId,
      id.slice(0, 8),
      email,
      opts.teamId ?? null,
      opts.managerId ?? null,
      opts.baseSalary ?? '30000.00',
    ],
  );
  if (opts.password) {
    await db.query(
      'INSERT INTO user_account (organization_id, person_id, email, password_hash, roles) VALUES ($1, $2, $3, $4, $5::role[])',
      [organizationId, id, email, await hashPassword(opts.password), opts.roles ?? [Role.EMPLOYEE]],
    );
  }
  return { id, email };
}
