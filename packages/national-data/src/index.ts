export * from './bulk-load.js';
export * from './dataset.js';
export * from './load.js';
export type { Table } from './table.js';
export type { NationalTerritory } from './territory.js';
