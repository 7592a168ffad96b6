export * from './auth';
export * from './common';
export * from './errors';
export * from './org';
export * from './settings';
export * from './weeks';
