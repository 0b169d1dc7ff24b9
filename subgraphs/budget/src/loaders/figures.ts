import DataLoader from 'dataloader';
import { isPostgres, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { mapProposal, RANKED_COLUMNS, rankedProposals } from '../ranking.js';
import type { BudgetFiguresRow, ProposalRow } from '../rows.js';
import { scopeCte } from '../scope.js';
import { toBig } from '../tables.js';
import { moneySummary, statusSummary, turnoutSummary, type SummarySource } from './state-figures.js';

export interface MoneyFigures {
  received: bigint;
  spent: bigint;
  committed: bigint;
}
export interface ConsultationTotals {
  rounds: number;
  eligibleVoters: number;
  ballotsCast: number;
}
export interface WinnersKey extends BudgetFiguresRow {
  limit: number;
  afterId: number;
}
export interface WinnersPage {
  rows: ProposalRow[];
  totalCount: number;
}

/** Where a fact table is read from: joined to the scope CTE (key `s.t`), or whole for the nation (key `'*'`). */
interface Source {
  from(table: string, alias: string, bodyColumn: string): string;
  key: string;
  /** `group by` of the territory key plus `extra` columns (the nation is one group, so it has no key column). */
  groupBy(extra?: string): string;
  /** Window partition by territory. */
  partition: string;
  with: string;
  params: unknown[];
}

const ALL = '*';

/**
 * How a batch's keys are read. Territories below a state join their listed bodies (`scoped`); states and the nation
 * read the state summaries when the figure has them (`summary`, keyed by state id or `'*'`), otherwise a state
 * joins the bodies of its state (scope.ts) and the nation reads the fact tables whole (`everything`).
 */
function sources(em: SqlEntityManager, keys: readonly BudgetFiguresRow[], summarised: boolean): { scoped?: Source; everything?: Source; summary?: SummarySource } {
  const bySummary = (k: BudgetFiguresRow) => summarised && (k.scope.everything || !!k.scope.stateId);
  const scoped = keys.filter((k) => !k.scope.everything && !bySummary(k));
  const states = keys.filter((k) => !k.scope.everything && bySummary(k)).map((k) => k.scope.stateId!);
  const nation = keys.some((k) => k.scope.everything);
  const join = isPostgres(em) ? 'join' : 'cross join';
  return {
    scoped: scoped.length
      ? (() => {
          const cte = scopeCte(em, scoped);
          return {
            // SQLite keeps a CROSS JOIN's left side outermost: the scope drives and the body index does the work
            // (without statistics it would rather scan the table by date and probe the scope for every row).
            from: (table, alias, column) => `s ${join} ${table} ${alias} on ${alias}.${column} = s.b`,
            key: 's.t',
            groupBy: (extra) => `group by s.t${extra ? `, ${extra}` : ''}`,
            partition: 'partition by s.t',
            with: `with ${cte.sql} `,
            params: cte.params,
          } satisfies Source;
        })()
      : undefined,
    everything: nation && !summarised
      ? { from: (table, alias) => `${table} ${alias}`, key: `'${ALL}'`, groupBy: (extra) => (extra ? `group by ${extra}` : ''), partition: '', with: '', params: [] }
      : undefined,
    summary: states.length || (nation && summarised) ? { states: [...new Set(states)], nation: nation && summarised } : undefined,
  };
}

/**
 * A loader of one figure per (territory, arguments). Keys are grouped by their arguments; each group costs one
 * statement for the listed territories and one for the states and the nation (their summaries, or the nation's
 * whole tables), whatever the number of territories or bodies.
 */
function figureLoader<K extends BudgetFiguresRow, R>(
  em: SqlEntityManager,
  groupOf: (key: K) => string,
  cacheKey: (key: K) => string,
  query: (source: Source, sample: K) => Promise<Map<string, R>>,
  empty: () => R,
  summary?: (source: SummarySource, sample: K) => Promise<Map<string, R>>,
): DataLoader<K, R, string> {
  return new DataLoader<K, R, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
      const answers = new Map<string, R>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { scoped, everything, summary: states } = sources(em, group, !!summary);
          const [byTerritory, whole, byState] = await Promise.all([
            scoped ? query(scoped, group[0]!) : undefined,
            everything ? query(everything, group[0]!) : undefined,
            states && summary ? summary(states, group[0]!) : undefined,
          ]);
          for (const key of group) {
            const found = key.scope.everything ? (whole ?? byState)?.get(ALL) : summary && key.scope.stateId ? byState?.get(key.scope.stateId) : byTerritory?.get(key.territoryId);
            answers.set(cacheKey(key), found ?? empty());
          }
        }),
      );
      return keys.map((key) => answers.get(cacheKey(key)) ?? empty());
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

const periodGroup = (k: BudgetFiguresRow) => `${k.from}|${k.to}|${k.currency}`;
const figuresKey = (k: BudgetFiguresRow) => `${k.territoryId}|${periodGroup(k)}`;
// Money asked without `committed` is read without it: a group (and a cache entry) of its own.
const moneyGroup = (k: BudgetFiguresRow) => `${periodGroup(k)}|${k.withCommitted !== false}`;
const moneyKey = (k: BudgetFiguresRow) => `${k.territoryId}|${moneyGroup(k)}`;

/** Received, spent and committed money: one UNION statement per group. */
export function moneyLoader(em: SqlEntityManager) {
  return figureLoader<BudgetFiguresRow, MoneyFigures>(
    em,
    moneyGroup,
    moneyKey,
    async (src, { from, to, currency, withCommitted }) => {
      const committed = withCommitted !== false;
      const rows = await em.execute(
        `${src.with}select ${src.key} as t, 'received' as k, coalesce(sum(x.amount_minor), 0) as v from ${src.from('transfer', 'x', 'body_id')}
           where x.currency = ? and x.transferred_on between ? and ? ${src.groupBy()}
         union all
         select ${src.key} as t, 'spent' as k, coalesce(sum(l.amount_minor), 0) as v from ${src.from('ledger_entry', 'l', 'body_id')}
           where l.currency = ? and l.paid_on between ? and ? ${src.groupBy()}${
             committed
               ? `
         union all
         select ${src.key} as t, 'committed' as k, coalesce(sum(p.estimated_cost_minor), 0) as v from ${src.from('project', 'p', 'body_id')}
           where p.currency = ? and p.approved_on between ? and ? and p.status in ('APPROVED', 'IN_EXECUTION', 'DONE') ${src.groupBy()}`
               : ''
           }`,
        [...src.params, currency, from, to, currency, from, to, ...(committed ? [currency, from, to] : [])],
      );
      const out = new Map<string, MoneyFigures>();
      for (const row of rows) {
        const t = String(row.t);
        const figures = out.get(t) ?? { received: 0n, spent: 0n, committed: 0n };
        figures[row.k as keyof MoneyFigures] = toBig(row.v);
        out.set(t, figures);
      }
      return out;
    },
    () => ({ received: 0n, spent: 0n, committed: 0n }),
    (states, key) => moneySummary(em, states, key),
  );
}

/** Projects proposed in the period, counted by current status. */
export function statusLoader(em: SqlEntityManager) {
  return figureLoader<BudgetFiguresRow, Map<string, number>>(
    em,
    (k) => `${k.from}|${k.to}`,
    (k) => `${k.territoryId}|${k.from}|${k.to}`,
    async (src, { from, to }) => {
      const rows = await em.execute(
        `${src.with}select ${src.key} as t, p.status as status, count(*) as n from ${src.from('project', 'p', 'body_id')}
         where p.proposed_on between ? and ? ${src.groupBy('p.status')}`,
        [...src.params, from, to],
      );
      const out = new Map<string, Map<string, number>>();
      for (const row of rows) {
        const counts = out.get(String(row.t)) ?? new Map<string, number>();
        counts.set(String(row.status), toInt(row.n));
        out.set(String(row.t), counts);
      }
      return out;
    },
    () => new Map(),
    (states, key) => statusSummary(em, states, key),
  );
}

/** Turnout of the tallied circuits in scope over the rounds held in the period. */
export function turnoutLoader(em: SqlEntityManager) {
  return figureLoader<BudgetFiguresRow, ConsultationTotals>(
    em,
    (k) => `${k.from}|${k.to}`,
    (k) => `${k.territoryId}|${k.from}|${k.to}`,
    async (src, { from, to }) => {
      const rows = await em.execute(
        `${src.with}select ${src.key} as t, count(distinct ct.consultation_id) as rounds, coalesce(sum(ct.eligible_voters), 0) as eligible, coalesce(sum(ct.ballots_cast), 0) as cast
         from ${src.from('circuit_tally', 'ct', 'circuit_id')} join consultation c on c.id = ct.consultation_id
         where c.held_on between ? and ? ${src.groupBy()}`,
        [...src.params, from, to],
      );
      return new Map(rows.map((row) => [String(row.t), { rounds: toInt(row.rounds), eligibleVoters: toInt(row.eligible), ballotsCast: toInt(row.cast) }]));
    },
    () => ({ rounds: 0, eligibleVoters: 0, ballotsCast: 0 }),
    (states, key) => turnoutSummary(em, states, key),
  );
}

/** A page of winning proposals per territory: the page and the totals, two statements per group. */
export function winnersLoader(em: SqlEntityManager) {
  const group = (k: WinnersKey) => `${k.from}|${k.to}|${k.limit}|${k.afterId}`;
  return figureLoader<WinnersKey, WinnersPage>(
    em,
    group,
    (k) => `${k.territoryId}|${group(k)}`,
    async (src, { from, to, limit, afterId }) => {
      const winners = `${src.from(rankedProposals('1 = 1'), 'r', 'circuit_id')} where r.selected = 1 and r.held_on between ? and ?`;
      const [pages, totals] = await Promise.all([
        limit === 0
          ? Promise.resolve([])
          : em.execute(
              `${src.with}select * from (select ${src.key} as t, ${RANKED_COLUMNS}, row_number() over (${src.partition} order by r.id) as m
               from ${winners} and r.id > ?) w where w.m <= ? order by w.id`,
              [...src.params, from, to, afterId, limit + 1],
            ),
        em.execute(`${src.with}select ${src.key} as t, count(*) as n from ${winners} ${src.groupBy()}`, [...src.params, from, to]),
      ]);
      const out = new Map<string, WinnersPage>();
      for (const row of totals) out.set(String(row.t), { rows: [], totalCount: toInt(row.n) });
      for (const row of pages) out.get(String(row.t))?.rows.push(mapProposal(row));
      return out;
    },
    () => ({ rows: [], totalCount: 0 }),
  );
}
