import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rebuildStatements } from './contributions.js';
import { dropPostgresTriggers, postgresTriggers, sqliteTriggerNames, sqliteTriggers } from './triggers.js';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const migration = squash(readFileSync(new URL('../migrations/Migration20261125071000_state_summaries.ts', import.meta.url), 'utf8'));

describe('summary triggers', () => {
  it('are what the PostgreSQL migration installs and removes (a change to them needs a new migration)', () => {
    const inserts = rebuildStatements('postgresql').filter((s) => s.startsWith('insert'));
    for (const statement of [...inserts, ...postgresTriggers(), ...dropPostgresTriggers()]) expect(migration).toContain(squash(statement));
  });

  it('cover insert, update and delete of every fact table on SQLite, and name every trigger they create', () => {
    const created = sqliteTriggers().map((s) => /create trigger if not exists (\w+)/.exec(s)![1]);
    expect(created).toEqual(sqliteTriggerNames());
    for (const table of ['assembly', 'decision', 'mandate', 'recall']) {
      for (const op of ['insert', 'update', 'delete']) expect(created).toContain(`${table}_summary_${op}`);
    }
  });
});
