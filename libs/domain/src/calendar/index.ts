export * from './business-calendar';
export * from './business-time';
export type { CivilDate, WallClock } from './zoned-time';
export {
  formatCivilDate,
  isValidTimeZone,
  localDateAsUtc,
  parseCivilDate,
  wallClockAt,
  zoneOffsetMs,
} from './zoned-time';
