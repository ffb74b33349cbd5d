import type { Role } from '../../modules/organization/organization.enums';

/** Who is asking: taken from a verified access token, never from anything the client sends. */
export interface Viewer {
  accountId: string;
  personId: string;
  organizationId: string;
  roles: Role[];
}
