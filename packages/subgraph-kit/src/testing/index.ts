export * from './databases.js';
export * from './fuzz.js';
