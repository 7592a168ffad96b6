export * from './auth';
export * from './common';
export * from './errors';
export * from './evaluation';
export * from './org';
export * from './reports';
export * from './settings';
export * from './weeks';
