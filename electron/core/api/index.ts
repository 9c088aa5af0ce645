export * from './contract';
export * from './errors';
export * from './events';
export * from './result';
export type { AppInfo, AppMode } from './calls/app';
