import { SetMetadata } from '@nestjs/common';
import { Role } from '../../modules/organization/organization.enums';

export const AUTHZ_KEY = 'symmetry:authz';

/** Relations between the viewer and the person a field or operation is about. */
export type Relation = 'SELF' | 'LINE';

export interface ScopeRule {
  /** Who the subject may be, relative to the viewer: themself, or someone in their reporting line. */
  relations: Relation[];
  /** The subject person's id, from the operation's arguments or the parent object. */
  subject: (args: Record<string, unknown>, parent: unknown) => string | null | undefined;
}

export type AuthzRule =
  | { public: true }
  /** Allowed to any signed-in person having one of `roles` ('ANY_MEMBER': every member),
   *  or, failing that, to one whose relation to the subject is in `scope.relations`. */
  | { public?: false; roles: Role[] | 'ANY_MEMBER'; scope?: ScopeRule };

/** No sign-in required (login, refresh, logout, health). */
export const Public = () => SetMetadata(AUTHZ_KEY, { public: true } satisfies AuthzRule);

/** Every signed-in member of the organisation; data is still limited to their organisation. */
export const Members = () => SetMetadata(AUTHZ_KEY, { roles: 'ANY_MEMBER' } satisfies AuthzRule);

/** Role-and-scope rule, evaluated by the one PolicyGuard. */
export const Authorize = (rule: AuthzRule) => SetMetadata(AUTHZ_KEY, rule);

export const HR_OR_ADMIN = [Role.HR, Role.ADMIN];

/** Restricted HR data of a person (pay): the person, their reporting line's managers, HR and admins. */
export const PERSONAL_HR_DATA: AuthzRule = {
  roles: HR_OR_ADMIN,
  scope: { relations: ['SELF', 'LINE'], subject: (_args, parent) => (parent as { id?: string })?.id },
};
