export * from './request-state-machine';
export * from './service-commitment';
export * from './conformity';
export * from './risk-status';
