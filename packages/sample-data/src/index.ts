export * from './facts.js';
export * from './random.js';
export * from './states.js';
export * from './territory.js';
export type * from './types.js';
