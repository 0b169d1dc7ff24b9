/**
 * What each fact row adds to the state summaries (entities/summaries.ts), declared once so the triggers, the
 * re-keying of a body that changes state and the bulk rebuild cannot disagree. Expressions are written over a
 * row alias (`new`, `old`, or a table alias) passed as `r`.
 */
export interface Summary {
  table: string;
  /** Key columns besides `state_id`. */
  keys: string[];
}

export interface Contribution {
  /** Fact table. */
  source: string;
  /** Its column naming the body whose state keys the summary. */
  body: string;
  target: Summary;
  /** Summary key column → expression over the fact row. */
  key(r: string): Record<string, string>;
  /** Summary value column → expression over the fact row, added (or subtracted when the row goes). */
  values(r: string): Record<string, string>;
  /** Whether the row counts at all; true when absent. */
  when?(r: string): string;
}

export const MONEY: Summary = { table: 'budget_state_money', keys: ['currency', 'day'] };
export const PROJECTS: Summary = { table: 'budget_state_projects', keys: ['day', 'status'] };
export const TURNOUT: Summary = { table: 'budget_state_turnout', keys: ['consultation_id'] };
export const SUMMARIES = [MONEY, PROJECTS, TURNOUT];

/** The statuses whose approved cost counts as committed (as loaders/figures.ts reads it on the listed path). */
export const COMMITTED_STATUSES = "('APPROVED', 'IN_EXECUTION', 'DONE')";

export const CONTRIBUTIONS: Contribution[] = [
  { source: 'transfer', body: 'body_id', target: MONEY, key: (r) => ({ currency: `${r}.currency`, day: `${r}.transferred_on` }), values: (r) => ({ received: `${r}.amount_minor` }) },
  { source: 'ledger_entry', body: 'body_id', target: MONEY, key: (r) => ({ currency: `${r}.currency`, day: `${r}.paid_on` }), values: (r) => ({ spent: `${r}.amount_minor` }) },
  {
    source: 'project',
    body: 'body_id',
    target: MONEY,
    key: (r) => ({ currency: `${r}.currency`, day: `${r}.approved_on` }),
    values: (r) => ({ committed: `${r}.estimated_cost_minor` }),
    when: (r) => `${r}.approved_on is not null and ${r}.status in ${COMMITTED_STATUSES}`,
  },
  { source: 'project', body: 'body_id', target: PROJECTS, key: (r) => ({ day: `${r}.proposed_on`, status: `${r}.status` }), values: () => ({ projects: '1' }) },
  {
    source: 'circuit_tally',
    body: 'circuit_id',
    target: TURNOUT,
    key: (r) => ({ consultation_id: `${r}.consultation_id` }),
    values: (r) => ({ circuits: '1', eligible_voters: `${r}.eligible_voters`, ballots_cast: `${r}.ballots_cast` }),
  },
];

/** The fact tables that feed summaries, each once. */
export const SOURCES = [...new Set(CONTRIBUTIONS.map((c) => c.source))];

/** The upsert tail: add the incoming values to the row already there. */
function accumulate(c: Contribution, columns: string[]): string {
  const t = c.target.table;
  return `on conflict (${[...c.target.keys, 'state_id'].join(', ')}) do update set ${columns.map((v) => `${v} = ${t}.${v} + excluded.${v}`).join(', ')}`;
}

/** Adds (sign 1) or removes (sign -1) one fact row `r` (`new` or `old` in a trigger) to its state's summary. */
export function rowDelta(c: Contribution, r: string, sign: 1 | -1): string {
  const key = c.key(r);
  const values = c.values(r);
  const columns = Object.keys(values);
  const state = `coalesce((select kb.state_id from known_body kb where kb.id = ${r}.${c.body}), '')`;
  // A WHERE is always present: SQLite needs one before an upsert's ON CONFLICT in INSERT … SELECT.
  return `insert into ${c.target.table} (state_id, ${Object.keys(key).join(', ')}, ${columns.join(', ')})
    select ${state}, ${Object.values(key).join(', ')}, ${Object.values(values).map((v) => (sign < 0 ? `-(${v})` : v)).join(', ')}
    where ${c.when?.(r) ?? 'true'} ${accumulate(c, columns)}`;
}

/**
 * Moves one body's facts between states (sign -1 from the old state, 1 to the new): `body` is the body id and
 * `state` the state expression (e.g. `old.id`, `old.state_id` inside a trigger on known_body).
 */
export function bodyDelta(c: Contribution, body: string, state: string, sign: 1 | -1): string {
  const key = c.key('f');
  const values = c.values('f');
  const columns = Object.keys(values);
  return `insert into ${c.target.table} (state_id, ${Object.keys(key).join(', ')}, ${columns.join(', ')})
    select coalesce(${state}, ''), ${Object.values(key).join(', ')}, ${Object.values(values).map((v) => `${sign < 0 ? '-' : ''}sum(${v})`).join(', ')}
    from ${c.source} f where f.${c.body} = ${body} and ${c.when?.('f') ?? 'true'} group by ${Object.values(key).join(', ')} ${accumulate(c, columns)}`;
}

/** Every summary recomputed from the facts (after a bulk load without triggers, or to repair). */
export function rebuildStatements(): string[] {
  return [
    ...SUMMARIES.map((s) => `delete from ${s.table}`),
    ...CONTRIBUTIONS.map((c) => {
      const key = c.key('f');
      const values = c.values('f');
      const columns = Object.keys(values);
      return `insert into ${c.target.table} (state_id, ${Object.keys(key).join(', ')}, ${columns.join(', ')})
        select coalesce(kb.state_id, ''), ${Object.values(key).join(', ')}, ${Object.values(values).map((v) => `sum(${v})`).join(', ')}
        from ${c.source} f left join known_body kb on kb.id = f.${c.body} where ${c.when?.('f') ?? 'true'}
        group by coalesce(kb.state_id, ''), ${Object.values(key).join(', ')} ${accumulate(c, columns)}`;
    }),
  ];
}
