export * from './nps';
export * from './satisfaction';
export * from './rates';
export * from './normalisation';
export * from './percentiles';
