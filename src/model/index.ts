export * from './schemas.js';
export * from './thread.js';
