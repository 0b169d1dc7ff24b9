import { createRequire } from 'node:module';

/**
 * `require` as @apollo/gateway itself resolves: its own files and the copies of its dependencies it loads (which
 * flat-exports.ts may have replaced in the module cache). What the gateway patches or tests inside @apollo/gateway
 * is reached through this, so it is the copy @apollo/gateway uses.
 */
export const fromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
