import { badInput, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { GovernanceFiguresRow, TerritoryRef } from '../rows.js';
import { scopeTable, STATE_ROW, type ScopeRow } from './scope-table.js';

/**
 * What a selection needs: the assembly aggregate's column groups (its statement selects only those asked for:
 * the national roll-up's two fields read a third of its columns, ~2.5× faster over a year of daily summaries), and
 * the three other aggregates, each run only when asked for.
 */
export type FiguresPart = AssemblyColumns | 'decisions' | 'mandates' | 'recalls';
type AssemblyColumns = 'held' | 'quorate' | 'attendance' | 'last' | 'citizens';

/** Which parts each field of GovernanceFigures comes from (`from` and `to` need none). */
const PARTS_OF_FIELD: Record<string, FiguresPart[]> = {
  assembliesHeld: ['held'],
  quorateAssemblies: ['quorate'],
  quorumRate: ['quorate', 'held'],
  averageAttendance: ['citizens'],
  attendanceRate: ['attendance'],
  lastAssemblyOn: ['last'],
  decisionsAdopted: ['decisions'],
  decisionsVoid: ['decisions'],
  activeMandates: ['mandates'],
  recalls: ['recalls'],
};

const ASSEMBLY_COLUMNS: readonly AssemblyColumns[] = ['held', 'quorate', 'attendance', 'last', 'citizens'];
const ALL_PARTS: readonly FiguresPart[] = [...ASSEMBLY_COLUMNS, 'decisions', 'mandates', 'recalls'];

/** The parts a selection of GovernanceFigures fields needs, in a stable order. */
export function figuresParts(fields: Iterable<string>): FiguresPart[] {
  const parts = new Set<FiguresPart>();
  for (const field of fields) for (const part of PARTS_OF_FIELD[field] ?? []) parts.add(part);
  return ALL_PARTS.filter((p) => parts.has(p));
}

export interface FiguresKey {
  territory: TerritoryRef;
  from: string;
  to: string;
  /** The aggregates to run (all four when absent); the others stay at zero. */
  parts?: readonly FiguresPart[];
}

const EVERY_BODY = '*';
/** A state's scope row carries `@<state id>` instead of bodies: it reads the state summaries. */
const STATE = STATE_ROW;

/**
 * Listed bodies drive the join from the scope by equality (SQLite keeps a CROSS JOIN's left side outermost, so
 * the body index does the work, where `s.b = '*' or s.b = column` scanned every row). Every half orders its
 * scope rows by key: the joined rows then arrive grouped, and SQLite's GROUP BY s.k streams them instead of
 * sorting them all in a temporary B-tree (the 24 states' year of daily summaries: 2.6 → 1.5 ms on SQLite).
 */
const LISTED = `(select * from s where b <> '${EVERY_BODY}' and b not like '${STATE}%' order by k) s cross join`;

/**
 * States and the nation read the summaries keyed by state and day (entities/summaries.ts): a state its own rows,
 * the nation every state's. Each figure is one statement whatever the mix of territories: the listed half and
 * the two summary halves are joined by UNION ALL, and a territory's key lies in exactly one of them. The scope is
 * MATERIALIZED: inlined, its JSON columns were extracted again for every summary row compared (7 ms → 4.6 ms for
 * the 24 states' year of daily rows on SQLite).
 */
const SUMMARY_HALVES = [
  { from: `(select k, substr(b, ${STATE.length + 1}) as st, f, t from s where b like '${STATE}%' order by k) s cross join`, on: 'g.state_id = s.st' },
  { from: `(select * from s where b = '${EVERY_BODY}' order by k) s cross join`, on: '1 = 1' },
];
const withSummaries = (listed: string, summary: (h: { from: string; on: string }) => string) => (scope: string) =>
  `with s as materialized (${scope}) ${listed} union all ${SUMMARY_HALVES.map(summary).join(' union all ')}`;

type Row = Record<string, unknown>;

/**
 * Each column group of the assembly aggregate: its columns over the facts (listed bodies) and over the state
 * summaries, and the figures it fills from a result row.
 */
const ASSEMBLY_SELECT: Record<AssemblyColumns, { listed: string; summary: string; read: (row: Row) => Partial<GovernanceFiguresRow> }> = {
  held: { listed: 'count(a.id) as held', summary: 'sum(g.held) as held', read: (row) => ({ assembliesHeld: toInt(row.held) }) },
  quorate: {
    listed: 'sum(case when a.quorate then 1 else 0 end) as quorate',
    summary: 'sum(g.quorate) as quorate',
    read: (row) => ({ quorateAssemblies: toInt(row.quorate) }),
  },
  attendance: {
    listed: 'coalesce(sum(a.attendance), 0) as attendance, coalesce(sum(a.body_size), 0) as size',
    summary: 'coalesce(sum(g.attendance), 0) as attendance, coalesce(sum(g.body_size), 0) as size',
    read: (row) => ({ attendanceSum: toInt(row.attendance), bodySizeSum: toInt(row.size) }),
  },
  last: {
    listed: 'max(a.held_on) as last',
    summary: 'max(case when g.held > 0 then g.day end) as last',
    read: (row) => ({ lastAssemblyOn: (row.last as string | null) ?? null }),
  },
  citizens: {
    listed: `sum(case when a.kind = 'CITIZENS_ASSEMBLY' then 1 else 0 end) as citizens,
      coalesce(sum(case when a.kind = 'CITIZENS_ASSEMBLY' then a.attendance else 0 end), 0) as families`,
    summary: `sum(case when g.kind = 'CITIZENS_ASSEMBLY' then g.held else 0 end) as citizens,
      coalesce(sum(case when g.kind = 'CITIZENS_ASSEMBLY' then g.attendance else 0 end), 0) as families`,
    read: (row) => ({ citizensAssemblies: toInt(row.citizens), familiesPresent: toInt(row.families) }),
  },
};

/** The four aggregates, each one GROUP BY statement over the whole batch (the assemblies' with the columns asked for). */
const STATEMENTS = {
  assemblies: (columns: readonly AssemblyColumns[]) =>
    withSummaries(
      `select s.k as k, ${columns.map((c) => ASSEMBLY_SELECT[c].listed).join(', ')}
    from ${LISTED} assembly a where s.b = a.body_id and a.held_on between s.f and s.t
    group by s.k`,
      (h) => `
    select s.k as k, ${columns.map((c) => ASSEMBLY_SELECT[c].summary).join(', ')}
    from ${h.from} governance_state_assemblies g where ${h.on} and g.day between s.f and s.t
    group by s.k`,
    ),
  decisions: withSummaries(
    `select s.k as k, sum(case when a.quorate and d.carried then 1 else 0 end) as adopted, sum(case when a.quorate then 0 else 1 end) as void
    from ${LISTED} assembly a join decision d on d.assembly_id = a.id where s.b = a.body_id and a.held_on between s.f and s.t
    group by s.k`,
    (h) => `
    select s.k as k, sum(g.adopted) as adopted, sum(g.voided) as void
    from ${h.from} governance_state_decisions g where ${h.on} and g.day between s.f and s.t
    group by s.k`,
  ),
  mandates: withSummaries(
    `select s.k as k, count(m.id) as active
    from ${LISTED} organ o join mandate m on m.organ_id = o.id
    where s.b = o.body_id and m.start_on <= s.t and m.term_ends_on >= s.t and (m.revoked_on is null or m.revoked_on > s.t)
    group by s.k`,
    // In force on the last day: every mandate that began up to it minus every one that ended up to it.
    (h) => `
    select s.k as k, sum(g.change) as active
    from ${h.from} governance_state_mandates g where ${h.on} and g.day <= s.t
    group by s.k`,
  ),
  recalls: withSummaries(
    `select s.k as k, count(r.id) as recalls
    from ${LISTED} organ o join mandate m on m.organ_id = o.id join recall r on r.mandate_id = m.id
    where s.b = o.body_id and r.decided_on between s.f and s.t
    group by s.k`,
    (h) => `
    select s.k as k, sum(g.recalls) as recalls
    from ${h.from} governance_state_recalls g where ${h.on} and g.day between s.f and s.t
    group by s.k`,
  ),
};

export const figuresCacheKey = (key: FiguresKey) => `${key.territory.id}|${key.from}|${key.to}`;
/** Per territory, period and parts: a later load needing more parts is not answered from a narrower one. */
const loadKey = (key: FiguresKey) => `${figuresCacheKey(key)}|${(key.parts ?? ALL_PARTS).join(',')}`;

function scopeRows(keys: readonly FiguresKey[]): ScopeRow[] {
  const rows: ScopeRow[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const k = figuresCacheKey(key);
    // The same territory and period asked with other parts in the same batch: its bodies count once.
    if (seen.has(k)) continue;
    seen.add(k);
    const scope = key.territory.scope;
    if (!scope) throw badInput(`Territory ${key.territory.id} came without its scope; ask for governance through the gateway`);
    if (scope.everything) {
      rows.push([k, EVERY_BODY, key.from, key.to]);
      continue;
    }
    if (scope.stateId) {
      rows.push([k, `${STATE}${scope.stateId}`, key.from, key.to]);
      continue;
    }
    for (const body of new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds])) rows.push([k, body, key.from, key.to]);
  }
  return rows;
}

/**
 * Governance figures for a batch of territories (any mix of levels and periods): up to four SQL aggregates for the
 * whole batch (those its selections need), joined against the batch's scopes (below a state) or the state summaries (states and the nation),
 * whatever the number of territories or bodies.
 */
export function figuresLoader(em: SqlEntityManager): DataLoader<FiguresKey, GovernanceFiguresRow, string> {
  return new DataLoader<FiguresKey, GovernanceFiguresRow, string>(
    async (keys) => {
      const rows = scopeRows(keys);
      const results = new Map<string, GovernanceFiguresRow>(
        keys.map((key) => [
          figuresCacheKey(key),
          { from: key.from, to: key.to, assembliesHeld: 0, quorateAssemblies: 0, attendanceSum: 0, bodySizeSum: 0, citizensAssemblies: 0, familiesPresent: 0, lastAssemblyOn: null, decisionsAdopted: 0, decisionsVoid: 0, activeMandates: 0, recalls: 0 },
        ]),
      );
      if (rows.length === 0) return keys.map((key) => results.get(figuresCacheKey(key))!);
      const scope = scopeTable(em, rows, { keepStates: true });
      const needed = new Set(keys.flatMap((key) => key.parts ?? ALL_PARTS));
      const columns = ASSEMBLY_COLUMNS.filter((c) => needed.has(c));
      const run = async (part: Exclude<FiguresPart, AssemblyColumns>): Promise<Row[]> => (needed.has(part) ? em.execute(STATEMENTS[part](scope.sql), scope.params) : []);
      const [assemblies, decisions, mandates, recalls] = await Promise.all([
        columns.length ? em.execute(STATEMENTS.assemblies(columns)(scope.sql), scope.params) : [],
        run('decisions'),
        run('mandates'),
        run('recalls'),
      ]);
      const at = (row: Row) => results.get(String(row.k))!;
      // Columns not selected stay at their zero: no field asked in this batch reads them.
      for (const row of assemblies) for (const c of columns) Object.assign(at(row), ASSEMBLY_SELECT[c].read(row));
      for (const row of decisions) Object.assign(at(row), { decisionsAdopted: toInt(row.adopted), decisionsVoid: toInt(row.void) });
      for (const row of mandates) at(row).activeMandates = toInt(row.active);
      for (const row of recalls) at(row).recalls = toInt(row.recalls);
      return keys.map((key) => results.get(figuresCacheKey(key))!);
    },
    { cacheKeyFn: loadKey, maxBatchSize: 1000 },
  );
}
