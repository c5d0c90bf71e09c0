export * from './schemas.js';
export * from './draft.js';
export * from './thread.js';
