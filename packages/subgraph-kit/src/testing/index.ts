export * from './databases.js';
export * from './fuzz.js';
export * from './clone-rows.js';
export * from './dashboard-scopes.js';
