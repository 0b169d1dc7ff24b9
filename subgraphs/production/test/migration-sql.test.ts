import { describe, expect, it } from 'vitest';
import { DROP_TRIGGERS, REBUILD, TRIGGERS } from '../src/migrations/Migration20261125080000_state_summaries.js';
import { rebuildStatements } from '../src/summaries/contributions.js';
import { dropPostgresTriggers, postgresTriggers } from '../src/summaries/triggers.js';

const tidy = (sql: string) => sql.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');

// The migration keeps its own copy of the statements; when the summaries' SQL changes, this fails until a new
// migration installs the new triggers on PostgreSQL (SQLite reinstalls them on start).
describe('state summaries migration', () => {
  it('installs the triggers and rebuild the code defines today', () => {
    expect(TRIGGERS).toEqual(postgresTriggers().map(tidy));
    expect(REBUILD).toEqual(rebuildStatements().map(tidy));
    expect(DROP_TRIGGERS).toEqual(dropPostgresTriggers().map(tidy));
  });
});
