import { describe, expect, it } from 'vitest';
import { statementText, statementVerb } from './statement-text.js';

describe('statement text for traces', () => {
  it('keeps placeholders, names and quoted identifiers, and drops every literal', () => {
    expect(statementText(`select "t0".* from "council" as "t0" where "t0"."id" in (?, ?) and t1.x = $1 limit 20`)).toBe(`select "t0".* from "council" as "t0" where "t0"."id" in (?, ?) and t1.x = $1 limit ?`);
    expect(statementText(`insert into ballot (voter, choice, weight) values ('V-12.345.678', 'it''s yes', -1.5e3)`)).toBe('insert into ballot (voter, choice, weight) values (?, ?, ?)');
    expect(statementText('do $$ begin perform 1; end $$')).toBe('do ?');
  });

  it('names a span by its leading keyword', () => {
    expect(statementVerb('  SELECT 1')).toBe('select');
    expect(statementVerb('begin')).toBe('begin');
    expect(statementVerb('')).toBe('sql');
  });
});
