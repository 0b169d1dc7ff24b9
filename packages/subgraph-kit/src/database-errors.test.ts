import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './database-errors.js';

describe('databaseUnavailable', () => {
  it('recognises a locked SQLite database through the GraphQL wrapper', () => {
    const sqlite = Object.assign(new Error('database is locked'), { code: 'ERR_SQLITE_ERROR', errcode: 5 });
    expect(databaseUnavailable(new GraphQLError('database is locked', { originalError: sqlite }))).toMatch(/busy/);
  });
  it('recognises PostgreSQL shutting down, starting up and lost connections', () => {
    expect(databaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toMatch(/restarting/);
    expect(databaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toMatch(/restarting/);
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' }))).toMatch(/restarting/);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toMatch(/restarting/);
  });
  it('leaves other failures alone', () => {
    expect(databaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBeUndefined();
    expect(databaseUnavailable(new Error('Cannot read properties of undefined'))).toBeUndefined();
  });
});
