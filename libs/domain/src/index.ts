/**
 * @symmetry/domain — framework-free rules of the Symmetry platform: plain TypeScript functions over
 * plain data (decimal.js for money). See libs/domain/README.md.
 */
export * from './errors/domain-rule-error';
export * from './metrics';
export * from './calendar';
export * from './statistics';
export * from './incentives';
export * from './autonomy';
export * from './commitments';
export * from './notifications';
