// Framework-free survey engine: plain functions over plain data (no NestJS, no TypeORM, no database).
export * from './errors';
export * from './dates';
export * from './question-types';
export * from './answer-validation';
export * from './scoring';
export * from './templates';
export * from './lifecycle';
export * from './confidentiality';
export {
  auditDisclosure,
  suppress,
  type Cell,
  type Disclosure,
  type DisclosureAudit,
  type Slice,
  type SuppressionDecision,
  type SuppressionOptions,
  type SuppressionReason,
} from './suppression';
export * from './reporting';
export * from './driver-analysis';
export * from './trends';
