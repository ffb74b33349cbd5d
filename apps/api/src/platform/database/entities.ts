import { Organization } from '../../modules/organization/organization.entity';
import { Team } from '../../modules/team/team.entity';
import { Position } from '../../modules/position/position.entity';
import { Person } from '../../modules/person/person.entity';
import { SupportService } from '../../modules/support-service/support-service.entity';
import { UserAccount } from '../../modules/auth/user-account.entity';
import { RefreshToken } from '../../modules/auth/refresh-token.entity';
import { LoginThrottle } from '../../modules/auth/login-throttle.entity';
import { AuditEvent } from '../audit/audit-event.entity';

/** Every entity, in one list: the data source, the migration generator and the tests use it. */
export const ENTITIES = [
  Organization,
  Team,
  Position,
  Person,
  SupportService,
  UserAccount,
  RefreshToken,
  LoginThrottle,
  AuditEvent,
];
