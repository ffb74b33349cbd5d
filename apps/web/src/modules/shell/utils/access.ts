import type { Role } from '../../../gql/graphql';

/** Who may open which restricted section: used by both the navigation and the route guards. */
export const ACCESS = {
  myTeam: ['MANAGER'],
  peopleImport: ['HR', 'ADMIN'],
  organizationSettings: ['HR', 'ADMIN'],
  auditLog: ['ADMIN'],
  surveys: ['HR', 'ADMIN'],
  mirror: ['HR', 'ADMIN', 'MANAGER'],
  mirrorIntake: ['HR', 'ADMIN'],
  metricDefinitions: ['HR', 'ADMIN'],
  developmentReview: ['HR', 'ADMIN', 'MANAGER'],
  teamPay: ['HR', 'ADMIN', 'MANAGER'],
  paySchemes: ['HR', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export function hasAnyRole(
  roles: readonly Role[] | undefined,
  allowed: readonly Role[] | undefined,
): boolean {
  if (!allowed) return true;
  return roles?.some((role) => allowed.includes(role)) ?? false;
}
