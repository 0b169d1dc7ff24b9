import { describe, expect, it } from 'vitest';
import { FILL, TRIGGERS } from '../src/migrations/Migration20261125100000_body_months.js';
import { DROP_TRIGGERS, REBUILD } from '../src/migrations/Migration20261125080000_state_summaries.js';
import { rebuildStatements } from '../src/summaries/contributions.js';
import { dropPostgresTriggers, postgresTriggers } from '../src/summaries/triggers.js';

const tidy = (sql: string) => sql.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');

// The migrations keep their own copies of the statements; when the summaries' SQL changes, this fails until a new
// migration installs the new triggers on PostgreSQL (SQLite reinstalls them on every start).
describe('summary migrations', () => {
  it('install the triggers and rebuild the code defines today', () => {
    expect(TRIGGERS).toEqual(postgresTriggers().map(tidy));
    const rebuild = rebuildStatements().map(tidy);
    const bodyMonths = rebuild.filter((s) => s.includes('production_body_months'));
    expect(bodyMonths).toEqual(['delete from production_body_months', ...FILL.map(tidy)]);
    expect(REBUILD).toEqual(rebuild.filter((s) => !bodyMonths.includes(s)));
    expect(DROP_TRIGGERS).toEqual(dropPostgresTriggers().map(tidy));
  });
});
