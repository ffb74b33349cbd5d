export * from './autonomy-index';
