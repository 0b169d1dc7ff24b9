/**
 * What each governance fact row adds to the state summaries (entities/summaries.ts), declared once so the
 * triggers, the re-keying of a body whose state changes and the bulk rebuild cannot disagree. Expressions are
 * written over a row alias (`new`, `old` in a trigger, or a table alias) passed as `r`; the few date functions
 * the two databases spell differently take the dialect.
 */
export type Dialect = 'sqlite' | 'postgresql';

export interface Summary {
  table: string;
  /** Key columns besides `state_id`. */
  keys: string[];
}

export interface Contribution {
  source: string;
  target: Summary;
  /** The body a row counts for, as an expression over the row. */
  body(r: string): string;
  /** The rows of body `b`, as a predicate over alias `f` that an index serves (for re-keying one body). */
  ofBody(f: string, b: string): string;
  key(r: string, dialect: Dialect): Record<string, string>;
  values(r: string): Record<string, string>;
}

export const ASSEMBLIES: Summary = { table: 'governance_state_assemblies', keys: ['day', 'kind'] };
export const DECISIONS: Summary = { table: 'governance_state_decisions', keys: ['day'] };
export const MANDATES: Summary = { table: 'governance_state_mandates', keys: ['day'] };
export const RECALLS: Summary = { table: 'governance_state_recalls', keys: ['day'] };
export const SUMMARIES = [ASSEMBLIES, DECISIONS, MANDATES, RECALLS];

const assemblyOf = (r: string, column: string) => `(select a.${column} from assembly a where a.id = ${r}.assembly_id)`;
const organBody = (r: string) => `(select o.body_id from organ o where o.id = ${r}.organ_id)`;
const mandatesOf = (f: string, b: string) => `${f}.organ_id in (select o.id from organ o where o.body_id = ${b})`;

/**
 * The first day a mandate is no longer in force: the day after its term, or its revocation if earlier, never
 * before its start (a mandate revoked before it began never counts). Dates are ISO text, so they order as text.
 */
function mandateEnd(r: string, dialect: Dialect): string {
  if (dialect === 'sqlite') return `max(${r}.start_on, min(date(${r}.term_ends_on, '+1 day'), coalesce(${r}.revoked_on, '9999-12-31')))`;
  return `greatest(${r}.start_on, least(to_char(cast(${r}.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(${r}.revoked_on, '9999-12-31')))`;
}

export const CONTRIBUTIONS: Contribution[] = [
  {
    source: 'assembly',
    target: ASSEMBLIES,
    body: (r) => `${r}.body_id`,
    ofBody: (f, b) => `${f}.body_id = ${b}`,
    key: (r) => ({ day: `${r}.held_on`, kind: `${r}.kind` }),
    values: (r) => ({ held: '1', quorate: `case when ${r}.quorate then 1 else 0 end`, attendance: `${r}.attendance`, body_size: `${r}.body_size` }),
  },
  {
    // Assemblies are never edited (their quorum is frozen when recorded), so a decision reads its assembly once.
    source: 'decision',
    target: DECISIONS,
    body: (r) => assemblyOf(r, 'body_id'),
    ofBody: (f, b) => `${f}.assembly_id in (select a.id from assembly a where a.body_id = ${b})`,
    key: (r) => ({ day: assemblyOf(r, 'held_on') }),
    values: (r) => ({ adopted: `case when ${assemblyOf(r, 'quorate')} and ${r}.carried then 1 else 0 end`, voided: `case when ${assemblyOf(r, 'quorate')} then 0 else 1 end` }),
  },
  { source: 'mandate', target: MANDATES, body: organBody, ofBody: mandatesOf, key: (r) => ({ day: `${r}.start_on` }), values: () => ({ change: '1' }) },
  { source: 'mandate', target: MANDATES, body: organBody, ofBody: mandatesOf, key: (r, d) => ({ day: mandateEnd(r, d) }), values: () => ({ change: '-1' }) },
  {
    source: 'recall',
    target: RECALLS,
    body: (r) => `(select o.body_id from mandate m join organ o on o.id = m.organ_id where m.id = ${r}.mandate_id)`,
    ofBody: (f, b) => `${f}.mandate_id in (select m.id from mandate m join organ o on o.id = m.organ_id where o.body_id = ${b})`,
    key: (r) => ({ day: `${r}.decided_on` }),
    values: () => ({ recalls: '1' }),
  },
];

/** The fact tables that feed summaries, each once. */
export const SOURCES = [...new Set(CONTRIBUTIONS.map((c) => c.source))];

const stateOf = (body: string) => `coalesce((select bs.state_id from body_state bs where bs.body_id = ${body}), '')`;

function accumulate(c: Contribution, columns: string[]): string {
  const t = c.target.table;
  return `on conflict (state_id, ${c.target.keys.join(', ')}) do update set ${columns.map((v) => `${v} = ${t}.${v} + excluded.${v}`).join(', ')}`;
}

function insertInto(c: Contribution, key: Record<string, string>, values: Record<string, string>): string {
  return `insert into ${c.target.table} (state_id, ${Object.keys(key).join(', ')}, ${Object.keys(values).join(', ')})`;
}

/** Adds (sign 1) or removes (sign -1) one fact row `r` to its state's summary. */
export function rowDelta(c: Contribution, r: string, sign: 1 | -1, dialect: Dialect): string {
  const key = c.key(r, dialect);
  const values = c.values(r);
  // A WHERE is always present: SQLite needs one before an upsert's ON CONFLICT in INSERT … SELECT.
  return `${insertInto(c, key, values)}
    select ${stateOf(c.body(r))}, ${Object.values(key).join(', ')}, ${Object.values(values).map((v) => (sign < 0 ? `-(${v})` : v)).join(', ')}
    where true ${accumulate(c, Object.keys(values))}`;
}

/**
 * `insert … select` of the rows of `source` that `where` picks, summed per state and key: the expressions are
 * computed in a derived table first, so grouping never repeats a correlated subquery (PostgreSQL would refuse).
 */
function summed(c: Contribution, dialect: Dialect, state: string, where: string, sign: 1 | -1): string {
  const key = c.key('f', dialect);
  const values = c.values('f');
  const k = Object.keys(key);
  const v = Object.keys(values);
  const inner = [`${state} as st`, ...k.map((name) => `${key[name]} as k_${name}`), ...v.map((name) => `${values[name]} as v_${name}`)].join(', ');
  return `${insertInto(c, key, values)}
    select x.st, ${k.map((name) => `x.k_${name}`).join(', ')}, ${v.map((name) => `${sign < 0 ? '-' : ''}sum(x.v_${name})`).join(', ')}
    from (select ${inner} from ${c.source} f where ${where}) x where true group by x.st, ${k.map((name) => `x.k_${name}`).join(', ')} ${accumulate(c, v)}`;
}

/** Moves the facts of body `body` out of (sign -1) or into (sign 1) the state `state` (expressions in a trigger). */
export function bodyDelta(c: Contribution, body: string, state: string, sign: 1 | -1, dialect: Dialect): string {
  return summed(c, dialect, `coalesce(${state}, '')`, c.ofBody('f', body), sign);
}

/** Every summary recomputed from the facts (after a bulk load without triggers, or to repair). */
export function rebuildStatements(dialect: Dialect): string[] {
  return [...SUMMARIES.map((s) => `delete from ${s.table}`), ...CONTRIBUTIONS.map((c) => summed(c, dialect, stateOf(c.body('f')), 'true', 1))];
}
