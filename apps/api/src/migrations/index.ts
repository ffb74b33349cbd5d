import type { MigrationInterface } from 'typeorm';
import { Initial1795352653391 } from './1795352653391-Initial';
import { Surveys1795800000000 } from './1795800000000-Surveys';
import { EmailOutbox1795800000001 } from './1795800000001-EmailOutbox';
import { ServiceDesk1795900000000 } from './1795900000000-ServiceDesk';
import { Mirror1796000000000 } from './1796000000000-Mirror';
import { DeskSweep1796000000001 } from './1796000000001-DeskSweep';
import { MirrorIntake1796000000002 } from './1796000000002-MirrorIntake';
import { Incentives1796200000000 } from './1796200000000-Incentives';
import { Development1796100000000 } from './1796100000000-Development';
import { DevelopmentCoverage1796100000001 } from './1796100000001-DevelopmentCoverage';
import { DirectoryVersion1796250000000 } from './1796250000000-DirectoryVersion';
import { PersonLeaving1796300000000 } from './1796300000000-PersonLeaving';
import { DeskMetricStore1796320000000 } from './1796320000000-DeskMetricStore';
import { MirrorValueRefs1796347000000 } from './1796347000000-MirrorValueRefs';
import { DeskQueueIndex1796400000000 } from './1796400000000-DeskQueueIndex';
import { RunParticipantRef1796450000000 } from './1796450000000-RunParticipantRef';
import { DeskQueueVersion1796500000000 } from './1796500000000-DeskQueueVersion';
import { RiskWarnings1796550000000 } from './1796550000000-RiskWarnings';
import { ReaderLocale1796600000000 } from './1796600000000-ReaderLocale';
import { MirrorOneValue1796700000000 } from './1796700000000-MirrorOneValue';
import { HolidayCalendar1796750000000 } from './1796750000000-HolidayCalendar';

/** Every migration, in order. `npm run db:generate -- <Name>` appends new ones here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795352653391,
  Surveys1795800000000,
  EmailOutbox1795800000001,
  ServiceDesk1795900000000,
  Mirror1796000000000,
  DeskSweep1796000000001,
  MirrorIntake1796000000002,
  Development1796100000000,
  DevelopmentCoverage1796100000001,
  Incentives1796200000000,
  DirectoryVersion1796250000000,
  PersonLeaving1796300000000,
  DeskMetricStore1796320000000,
  MirrorValueRefs1796347000000,
  DeskQueueIndex1796400000000,
  RunParticipantRef1796450000000,
  DeskQueueVersion1796500000000,
  RiskWarnings1796550000000,
  ReaderLocale1796600000000,
  MirrorOneValue1796700000000,
  HolidayCalendar1796750000000,
];
