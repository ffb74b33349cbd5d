import type { MigrationInterface } from 'typeorm';
import { Initial1795352653391 } from './1795352653391-Initial';
import { Surveys1795800000000 } from './1795800000000-Surveys';
import { EmailOutbox1795800000001 } from './1795800000001-EmailOutbox';
import { ServiceDesk1795900000000 } from './1795900000000-ServiceDesk';
import { Mirror1796000000000 } from './1796000000000-Mirror';
import { DeskSweep1796000000001 } from './1796000000001-DeskSweep';
import { MirrorIntake1796000000002 } from './1796000000002-MirrorIntake';

/** Every migration, in order. `npm run db:generate -- <Name>` appends new ones here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795352653391,
  Surveys1795800000000,
  EmailOutbox1795800000001,
  ServiceDesk1795900000000,
  Mirror1796000000000,
  DeskSweep1796000000001,
  MirrorIntake1796000000002,
];
