import { toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { toBig } from '../tables.js';
import { bucketSql, communeMonthsByLevel, dashboardFactsText, levelScopeCte, monthListSql, monthsByKey, today, type LevelScopes, type TrendBucket } from '@comuna/subgraph-kit';
import { scopedRows, type ScopedKey } from './scoped-query.js';

export interface LatestRound {
  consultationId: number;
  heldOn: string;
}
export interface Participation {
  /** Circuits in scope with a recorded tally in the round. */
  circuitsTallied: number;
  eligibleVoters: number;
  ballotsCast: number;
  /** Proposals on the round's slates whose project belongs to a body in scope. */
  proposals: number;
}
export interface TrendKey extends ScopedKey {
  from: string;
  to: string;
  currency: string;
  bucket: TrendBucket;
}
export interface TrendBucketFigures {
  received: bigint;
  spent: bigint;
  eligibleVoters: number;
  ballotsCast: number;
}

export const trendKey = (k: TrendKey) => `${k.territoryId}|${k.from}|${k.to}|${k.currency}|${k.bucket}`;
const emptyParticipation = (): Participation => ({ circuitsTallied: 0, eligibleVoters: 0, ballotsCast: 0, proposals: 0 });
const emptyBucket = (): TrendBucketFigures => ({ received: 0n, spent: 0n, eligibleVoters: 0, ballotsCast: 0 });

/**
 * Per-request loaders of the analytics facts and trends. They sit in the request's loader set (as `analytics`), so
 * the write gate's resetLoaders() clears them with the others: a read after a write in one request sees the write.
 */
export function createAnalyticsLoaders(em: SqlEntityManager) {
  let latest: Promise<LatestRound | null> | undefined;
  const latestRound = () =>
    (latest ??= em
      .execute(`select id, held_on as "heldOn" from consultation where held_on <= ? order by held_on desc, id desc limit 1`, [new Date().toISOString().slice(0, 10)])
      .then((rows) => (rows[0] ? { consultationId: toInt(rows[0].id), heldOn: String(rows[0].heldOn) } : null)));
  let held: Promise<LatestRound[]> | undefined;
  /** Every round held up to today, oldest first (the same order latestRound picks the last of). */
  const roundsHeld = () =>
    (held ??= em
      .execute(`select id, held_on as "heldOn" from consultation where held_on <= ? order by held_on, id`, [today()])
      .then((rows) => rows.map((r) => ({ consultationId: toInt(r.id), heldOn: String(r.heldOn) }))));

  const loaders = {
    latestRound,
    roundsHeld,
    /** Months (first days, ascending) with a ledger entry paid up to today, per territory: one GROUP BY for the batch. */
    ledgerMonths: new DataLoader<ScopedKey, string[], string>(
      async (keys) => {
        const month = 'substr(l.paid_on, 1, 7)';
        const rows = await scopedRows(em, keys, (src) => ({
          sql: `${src.with}select ${src.key} as t, ${month} as m from ${src.from('ledger_entry', 'l', 'body_id')} where l.paid_on <= ? ${src.groupBy(month)}`,
          params: [...src.params, today()],
        }));
        return monthsByKey(rows.map((r) => ({ k: r.t, m: r.m })), keys.map((k) => k.territoryId));
      },
      { cacheKeyFn: (k) => k.territoryId, maxBatchSize: 1000 },
    ),
    /** Tallies and proposals of the bodies in scope per round held, for every round: one UNION statement for the batch. */
    participationByRound: new DataLoader<ScopedKey, Map<number, Participation>, string>(
      async (keys) => {
        const rows = await scopedRows(em, keys, (src) => ({
          sql: `${src.with}select ${src.key} as t, ct.consultation_id as c, 'tally' as k, count(*) as n, coalesce(sum(ct.eligible_voters), 0) as eligible, coalesce(sum(ct.ballots_cast), 0) as cast
                from ${src.from('circuit_tally', 'ct', 'circuit_id')} ${src.groupBy('ct.consultation_id')}
              union all
              select ${src.key} as t, pr.consultation_id as c, 'proposal' as k, count(*) as n, 0 as eligible, 0 as cast
                from ${src.from('project', 'p', 'body_id')} join proposal pr on pr.project_id = p.id ${src.groupBy('pr.consultation_id')}`,
          params: src.params,
        }));
        const out = new Map<string, Map<number, Participation>>();
        for (const r of rows) {
          const rounds = out.get(String(r.t)) ?? new Map<number, Participation>();
          const p = rounds.get(toInt(r.c)) ?? emptyParticipation();
          if (r.k === 'tally') Object.assign(p, { circuitsTallied: toInt(r.n), eligibleVoters: toInt(r.eligible), ballotsCast: toInt(r.cast) });
          else p.proposals = toInt(r.n);
          rounds.set(toInt(r.c), p);
          out.set(String(r.t), rounds);
        }
        return keys.map((k) => out.get(k.territoryId) ?? new Map());
      },
      { cacheKeyFn: (k) => k.territoryId, maxBatchSize: 1000 },
    ),
    /** Latest ledger entry per territory (reversals too: they are entries of the open books). */
    lastLedgerEntry: new DataLoader<ScopedKey, string | null, string>(
      async (keys) => {
        const rows = await scopedRows(em, keys, (src) => ({
          sql: `${src.with}select ${src.key} as t, max(l.paid_on) as last from ${src.from('ledger_entry', 'l', 'body_id')} ${src.groupBy()}`,
          params: src.params,
        }));
        const byId = new Map(rows.map((r) => [String(r.t), r.last === null || r.last === undefined ? null : String(r.last)]));
        return keys.map((k) => byId.get(k.territoryId) ?? null);
      },
      { cacheKeyFn: (k) => k.territoryId, maxBatchSize: 1000 },
    ),
    /** Tallies and proposals of the bodies in scope in the latest round: one UNION statement for the batch. */
    participation: new DataLoader<ScopedKey, Participation, string>(
      async (keys) => {
        const round = await latestRound();
        if (!round) return keys.map(emptyParticipation);
        const rows = await scopedRows(em, keys, (src) => ({
          sql: `${src.with}select ${src.key} as t, 'tally' as k, count(*) as n, coalesce(sum(ct.eligible_voters), 0) as eligible, coalesce(sum(ct.ballots_cast), 0) as cast
                from ${src.from('circuit_tally', 'ct', 'circuit_id')} where ct.consultation_id = ? ${src.groupBy()}
              union all
              select ${src.key} as t, 'proposal' as k, count(*) as n, 0 as eligible, 0 as cast
                from ${src.from('project', 'p', 'body_id')} join proposal pr on pr.project_id = p.id where pr.consultation_id = ? ${src.groupBy()}`,
          params: [...src.params, round.consultationId, round.consultationId],
        }));
        const out = new Map<string, Participation>();
        for (const r of rows) {
          const p = out.get(String(r.t)) ?? emptyParticipation();
          if (r.k === 'tally') Object.assign(p, { circuitsTallied: toInt(r.n), eligibleVoters: toInt(r.eligible), ballotsCast: toInt(r.cast) });
          else p.proposals = toInt(r.n);
          out.set(String(r.t), p);
        }
        return keys.map((k) => out.get(k.territoryId) ?? emptyParticipation());
      },
      { cacheKeyFn: (k) => k.territoryId, maxBatchSize: 1000 },
    ),
    /**
     * Per commune of each dashboard level (ADR 0005, "Dashboards by level"): the latest ledger entry, the months
     * with one up to today, and the rounds held in which it took part (a circuit in scope cast ballots, or a body
     * in scope had a proposal), as the facts text territory reads. Two statements for the whole batch.
     */
    dashboardFacts: new DataLoader<LevelScopes, string, string>(
      async (levels) => {
        const cte = levelScopeCte(em, levels);
        const [ledger, parts, rounds] = await Promise.all([
          em.execute(
            `with ${cte.sql} select d.k as k, ${monthListSql(em, 'case when l.paid_on <= ? then substr(l.paid_on, 1, 7) end')} as months, max(l.paid_on) as last
             from d join ledger_entry l on l.body_id = d.b group by d.k`,
            [...cte.params, today()],
          ),
          em.execute(
            `with ${cte.sql} select d.k as k, ct.consultation_id as c from d join circuit_tally ct on ct.circuit_id = d.b where ct.ballots_cast > 0
             union select d.k as k, pr.consultation_id as c from d join project p on p.body_id = d.b join proposal pr on pr.project_id = p.id`,
            cte.params,
          ),
          roundsHeld(),
        ]);
        const roundIndex = new Map(rounds.map((r, i) => [r.consultationId, i]));
        // Per level, per commune: the indexes of the rounds it took part in (keys are `<level>|<commune>`).
        const taken = new Map<string, Map<number, number[]>>();
        for (const r of parts) {
          const i = roundIndex.get(toInt(r.c));
          if (i === undefined) continue;
          const k = String(r.k);
          const bar = k.lastIndexOf('|');
          const communes = taken.get(k.slice(0, bar)) ?? new Map<number, number[]>();
          const commune = Number(k.slice(bar + 1));
          communes.set(commune, [...(communes.get(commune) ?? []), i]);
          taken.set(k.slice(0, bar), communes);
        }
        const byLevel = communeMonthsByLevel(ledger);
        return levels.map((level) =>
          dashboardFactsText(level.scopes, byLevel.get(level.key), { rounds: rounds.map((r) => r.heldOn), taken: taken.get(level.key) ?? new Map() }),
        );
      },
      { cacheKeyFn: (level) => level.key, maxBatchSize: 1000 },
    ),
    /** Money and turnout per bucket: one UNION of three GROUP BYs per (period, currency, bucket) in the batch. */
    trend: new DataLoader<TrendKey, Map<string, TrendBucketFigures>, string>(
      async (keys) => {
        const groups = new Map<string, TrendKey[]>();
        for (const k of keys) {
          const g = `${k.from}|${k.to}|${k.currency}|${k.bucket}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const out = new Map<string, Map<string, TrendBucketFigures>>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { from, to, currency, bucket } = group[0]!;
            const rows = await scopedRows(em, group, (src) => ({
              sql: `${src.with}select ${src.key} as t, ${bucketSql('x.transferred_on', bucket)} as p, 'received' as k, sum(x.amount_minor) as a, 0 as b
                    from ${src.from('transfer', 'x', 'body_id')} where x.currency = ? and x.transferred_on between ? and ? ${src.groupBy(bucketSql('x.transferred_on', bucket))}
                  union all
                  select ${src.key} as t, ${bucketSql('l.paid_on', bucket)} as p, 'spent' as k, sum(l.amount_minor) as a, 0 as b
                    from ${src.from('ledger_entry', 'l', 'body_id')} where l.currency = ? and l.paid_on between ? and ? ${src.groupBy(bucketSql('l.paid_on', bucket))}
                  union all
                  select ${src.key} as t, ${bucketSql('c.held_on', bucket)} as p, 'turnout' as k, sum(ct.eligible_voters) as a, sum(ct.ballots_cast) as b
                    from ${src.from('circuit_tally', 'ct', 'circuit_id')} join consultation c on c.id = ct.consultation_id
                    where c.held_on between ? and ? ${src.groupBy(bucketSql('c.held_on', bucket))}`,
              params: [...src.params, currency, from, to, currency, from, to, from, to],
            }));
            for (const r of rows) {
              const key = trendKey({ ...group[0]!, territoryId: String(r.t) });
              const series = out.get(key) ?? new Map<string, TrendBucketFigures>();
              const figures = series.get(String(r.p)) ?? emptyBucket();
              if (r.k === 'received') figures.received = toBig(r.a);
              else if (r.k === 'spent') figures.spent = toBig(r.a);
              else Object.assign(figures, { eligibleVoters: toInt(r.a), ballotsCast: toInt(r.b) });
              series.set(String(r.p), figures);
              out.set(key, series);
            }
          }),
        );
        return keys.map((k) => out.get(trendKey(k)) ?? new Map());
      },
      { cacheKeyFn: trendKey, maxBatchSize: 1000 },
    ),
  };
  return {
    ...loaders,
    /** Forgets every cached fact (called by resetLoaders after a write). */
    clearAll() {
      latest = undefined;
      held = undefined;
      for (const loader of Object.values(loaders)) if (loader instanceof DataLoader) loader.clearAll();
    },
  };
}

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
