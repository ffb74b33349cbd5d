export * from './notification-words';
