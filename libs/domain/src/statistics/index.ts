export * from './correlation';
export * from './confidence-interval';
export * from './line-fit';
export * from './lagged-correlation';
export * from './correlation-reading';
