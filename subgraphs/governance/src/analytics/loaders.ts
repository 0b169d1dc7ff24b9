import { badInput, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { scopeTable, STATE_ROW, type ScopeRow } from '../loaders/scope-table.js';
import type { TerritoryRef } from '../rows.js';
import { bucketSql, communeMonthsByLevel, dashboardFactsText, levelScopeCte, monthListSql, monthsByKey, today, type LevelScopes, type TrendBucket } from '@comuna/subgraph-kit';

export interface TrendKey {
  territory: TerritoryRef;
  from: string;
  to: string;
  bucket: TrendBucket;
}
export interface TrendCounts {
  held: number;
  quorate: number;
}

const EVERY_BODY = '*';

/** A batch's scopes as rows of the shared scope table; the nation is one `*` row, not 50,000 ids. */
function rowsOf(key: string, territory: TerritoryRef, from = '', to = ''): ScopeRow[] {
  const scope = territory.scope;
  if (!scope) throw badInput(`Territory ${territory.id} came without its scope; ask for governance analytics through the gateway`);
  if (scope.everything) return [[key, EVERY_BODY, from, to]];
  // A state's bodies are the ones body_state files under it (scope-table.ts), whatever territory lists.
  if (scope.stateId) return [[key, `${STATE_ROW}${scope.stateId}`, from, to]];
  return [...new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds])].map((b): ScopeRow => [key, b, from, to]);
}

/**
 * Runs `statement` over the scope rows `s(k, b, f, t)` of a batch: once for the listed bodies, joined to the fact
 * table by its body index, and once for the nation's `*` rows, which take every row. One join condition
 * `s.b = '*' or s.b = a.body_id` would defeat the index and scan the table once per scope row (seconds per commune
 * at national scale). `on(column)` is the join condition for the fact table's body column.
 */
async function perScope(em: SqlEntityManager, rows: ScopeRow[], statement: (on: (column: string) => string) => string, params: unknown[] = []) {
  const runs: Promise<Record<string, unknown>[]>[] = [];
  const listed = rows.filter(([, body]) => body !== EVERY_BODY);
  const every = rows.filter(([, body]) => body === EVERY_BODY);
  for (const [part, on] of [[listed, (column: string) => `${column} = s.b`], [every, () => '1 = 1']] as const) {
    if (!part.length) continue;
    const table = scopeTable(em, part);
    runs.push(em.execute(`with s as (${table.sql}) ${statement(on)}`, [...table.params, ...params]));
  }
  return (await Promise.all(runs)).flat();
}

/**
 * Assemblies per bucket of states and the nation, from the state summaries (ADR 0003) instead of their ~50,000
 * bodies' assemblies: one statement for the states of a batch (by the summaries' key) and one for the nation (every
 * state's rows, the unknown state '' included).
 */
async function summaryTrend(em: SqlEntityManager, rows: ScopeRow[], bucket: TrendBucket) {
  const label = bucketSql('g.day', bucket);
  const parts = [
    [rows.filter(([, body]) => body.startsWith(STATE_ROW)), `g.state_id = substr(s.b, ${STATE_ROW.length + 1})`],
    [rows.filter(([, body]) => body === EVERY_BODY), '1 = 1'],
  ] as const;
  const runs = parts
    .filter(([part]) => part.length)
    .map(([part, on]) => {
      const table = scopeTable(em, [...part], { keepStates: true });
      return em.execute(
        `with s as (${table.sql}) select s.k as k, ${label} as p, sum(g.held) as held, sum(g.quorate) as quorate
         from s join governance_state_assemblies g on ${on} and g.day between s.f and s.t group by s.k, ${label}`,
        table.params,
      );
    });
  return (await Promise.all(runs)).flat();
}

/**
 * Per-request loaders of the analytics facts and trends. They sit in the request's loader set (as `analytics`), so
 * the write gate's resetLoaders() clears them with the others: a read after a write in one request sees the write.
 */
export function createAnalyticsLoaders(em: SqlEntityManager) {
  const loaders = {
    /** Last quorate assembly per territory: one aggregate for the listed scopes of the batch, one for the nation. */
    lastQuorate: new DataLoader<TerritoryRef, string | null, string>(
      async (refs) => {
        const found = await perScope(
          em,
          refs.flatMap((ref) => rowsOf(ref.id, ref)),
          (on) => `select s.k as k, max(case when a.quorate then a.held_on end) as last from s join assembly a on ${on('a.body_id')} group by s.k`,
        );
        const byKey = new Map(found.map((r) => [String(r.k), r.last === null ? null : String(r.last)]));
        return refs.map((ref) => byKey.get(ref.id) ?? null);
      },
      { cacheKeyFn: (ref) => ref.id, maxBatchSize: 1000 },
    ),
    /** Months (first days, ascending) with a quorate assembly up to today, per territory: one GROUP BY per part (listed, nation). */
    quorateMonths: new DataLoader<TerritoryRef, string[], string>(
      async (refs) => {
        const month = 'substr(a.held_on, 1, 7)';
        const found = await perScope(
          em,
          refs.flatMap((ref) => rowsOf(ref.id, ref)),
          (on) => `select s.k as k, ${month} as m from s join assembly a on ${on('a.body_id')} and a.quorate and a.held_on <= ? group by s.k, ${month}`,
          [today()],
        );
        return monthsByKey(found, refs.map((ref) => ref.id));
      },
      { cacheKeyFn: (ref) => ref.id, maxBatchSize: 1000 },
    ),
    /**
     * Per commune of each dashboard level (ADR 0005, "Dashboards by level"): the last quorate assembly and the
     * months with one, as the facts text territory reads. One GROUP BY commune for the whole batch.
     */
    dashboardFacts: new DataLoader<LevelScopes, string, string>(
      async (levels) => {
        const cte = levelScopeCte(em, levels);
        const rows = await em.execute(
          `with ${cte.sql} select d.k as k, ${monthListSql(em, 'case when a.held_on <= ? then substr(a.held_on, 1, 7) end')} as months, max(a.held_on) as last
           from d join assembly a on a.body_id = d.b and a.quorate group by d.k`,
          [...cte.params, today()],
        );
        const byLevel = communeMonthsByLevel(rows);
        return levels.map((level) => dashboardFactsText(level.scopes, byLevel.get(level.key)));
      },
      { cacheKeyFn: (level) => level.key, maxBatchSize: 1000 },
    ),
    /** Assemblies per bucket per territory: one GROUP BY (territory, bucket) per bucket size and part (listed bodies, states, nation). */
    trend: new DataLoader<TrendKey, Map<string, TrendCounts>, string>(
      async (keys) => {
        const answers = new Map<string, Map<string, TrendCounts>>();
        for (const bucket of new Set(keys.map((k) => k.bucket))) {
          const group = keys.filter((k) => k.bucket === bucket);
          const label = bucketSql('a.held_on', bucket);
          const rows = group.flatMap((k) => rowsOf(trendKey(k), k.territory, k.from, k.to));
          const summarised = (body: string) => body === EVERY_BODY || body.startsWith(STATE_ROW);
          const found = [
            ...(await perScope(
              em,
              rows.filter(([, body]) => !summarised(body)),
              (on) => `select s.k as k, ${label} as p, count(a.id) as held, sum(case when a.quorate then 1 else 0 end) as quorate
               from s join assembly a on ${on('a.body_id')} and a.held_on between s.f and s.t group by s.k, ${label}`,
            )),
            ...(await summaryTrend(em, rows.filter(([, body]) => summarised(body)), bucket)),
          ];
          for (const r of found) {
            const series = answers.get(String(r.k)) ?? new Map<string, TrendCounts>();
            series.set(String(r.p), { held: toInt(r.held), quorate: toInt(r.quorate) });
            answers.set(String(r.k), series);
          }
        }
        return keys.map((k) => answers.get(trendKey(k)) ?? new Map());
      },
      { cacheKeyFn: (k) => trendKey(k), maxBatchSize: 1000 },
    ),
  };
  return {
    ...loaders,
    /** Forgets every cached fact (called by resetLoaders after a write). */
    clearAll() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

export const trendKey = (k: TrendKey) => `${k.territory.id}|${k.from}|${k.to}|${k.bucket}`;

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
