import type { MigrationInterface } from 'typeorm';
import { Initial1795352653391 } from './1795352653391-Initial';

/** Every migration, in order. `npm run db:generate -- <Name>` appends new ones here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795352653391];
