import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  COMPANY = 'COMPANY',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description:
    'A COMPANY serves customers; a PUBLIC_SERVICE serves users ("usagers"). The vocabulary follows.',
});

export enum TeamKind {
  FRONT_LINE = 'FRONT_LINE',
  SUPPORT = 'SUPPORT',
  MANAGEMENT = 'MANAGEMENT',
}
registerEnumType(TeamKind, { name: 'TeamKind' });

export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  MANAGER = 'MANAGER',
  SUPPORT_AGENT = 'SUPPORT_AGENT',
  HR = 'HR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role' });
