import type { Role } from '../../../gql/graphql';

/** Most specific first, so the badges read from the broadest responsibility down. */
const ROLE_ORDER: readonly Role[] = ['ADMIN', 'HR', 'MANAGER', 'SUPPORT_AGENT', 'EMPLOYEE'];

export function sortRoles(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
}

export const ROLE_COLORS: Record<Role, string> = {
  ADMIN: 'grape',
  HR: 'pink',
  MANAGER: 'indigo',
  SUPPORT_AGENT: 'cyan',
  EMPLOYEE: 'gray',
};
