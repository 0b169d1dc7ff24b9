import { placeholders, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { BudgetFiguresRow } from '../rows.js';
import { toBig } from '../tables.js';
import type { ConsultationTotals, MoneyFigures } from './figures.js';

/** The states of a batch (by id) and whether the nation is in it: what one summary statement answers. */
export interface SummarySource {
  states: string[];
  nation: boolean;
}

/** The nation's answers are keyed `'*'`, a state's by its id. */
export const NATION = '*';

/**
 * One statement for every state of the batch and the nation: the states grouped by state, the nation as one more
 * row summing every state (and the bodies of no known state, kept under '').
 */
function byStateAndNation(source: SummarySource, select: (key: string) => string, where: string, groupBy: string, params: unknown[], stateColumn = 'state_id', listStates = true) {
  const parts: { sql: string; params: unknown[] }[] = [];
  if (source.states.length) {
    const only = listStates ? ` and ${stateColumn} in (${placeholders(source.states.length)})` : '';
    parts.push({
      sql: `select ${select(stateColumn)} ${where}${only} group by ${[stateColumn, groupBy].filter(Boolean).join(', ')}`,
      params: listStates ? [...params, ...source.states] : params,
    });
  }
  if (source.nation) parts.push({ sql: `select ${select(`'${NATION}'`)} ${where}${groupBy ? ` group by ${groupBy}` : ''}`, params });
  return { sql: parts.map((p) => p.sql).join(' union all '), params: parts.flatMap((p) => p.params) };
}

/**
 * Received, spent (and committed, when asked) money of states and the nation, from the daily money summary. Every
 * state is summed and the batch's are kept: the key (currency, day, state) reads the same rows whichever states are
 * listed (the state follows the day range), and testing each row against a list of 24 states cost ~0.4 ms of a
 * ~3 ms statement for the national roll-up.
 */
export async function moneySummary(em: SqlEntityManager, source: SummarySource, { from, to, currency, withCommitted }: BudgetFiguresRow): Promise<Map<string, MoneyFigures>> {
  const committed = withCommitted !== false;
  const { sql, params } = byStateAndNation(
    source,
    (key) => `${key} as t, coalesce(sum(received), 0) as received, coalesce(sum(spent), 0) as spent${committed ? ', coalesce(sum(committed), 0) as committed' : ''}`,
    'from budget_state_money where currency = ? and day between ? and ?',
    '',
    [currency, from, to],
    'state_id',
    false,
  );
  const rows = await em.execute(sql, params);
  return new Map(rows.map((row) => [String(row.t), { received: toBig(row.received), spent: toBig(row.spent), committed: committed ? toBig(row.committed) : 0n }]));
}

/** Projects proposed in the period by current status, of states and the nation. */
export async function statusSummary(em: SqlEntityManager, source: SummarySource, { from, to }: BudgetFiguresRow): Promise<Map<string, Map<string, number>>> {
  const { sql, params } = byStateAndNation(source, (key) => `${key} as t, status, sum(projects) as n`, 'from budget_state_projects where day between ? and ?', 'status', [from, to]);
  const out = new Map<string, Map<string, number>>();
  for (const row of await em.execute(sql, params)) {
    const counts = out.get(String(row.t)) ?? new Map<string, number>();
    counts.set(String(row.status), toInt(row.n));
    out.set(String(row.t), counts);
  }
  return out;
}

/** Rounds with a tallied circuit, eligible voters and ballots cast, of states and the nation. */
export async function turnoutSummary(em: SqlEntityManager, source: SummarySource, { from, to }: BudgetFiguresRow): Promise<Map<string, ConsultationTotals>> {
  const { sql, params } = byStateAndNation(
    source,
    (key) => `${key} as t, count(distinct case when st.circuits > 0 then st.consultation_id end) as rounds, coalesce(sum(st.eligible_voters), 0) as eligible, coalesce(sum(st.ballots_cast), 0) as cast`,
    'from budget_state_turnout st join consultation c on c.id = st.consultation_id where c.held_on between ? and ?',
    '',
    [from, to],
    'st.state_id',
  );
  const rows = await em.execute(sql, params);
  return new Map(rows.map((row) => [String(row.t), { rounds: toInt(row.rounds), eligibleVoters: toInt(row.eligible), ballotsCast: toInt(row.cast) }]));
}
