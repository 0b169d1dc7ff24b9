import { encodeDashboardScopes, placeholders, toInt, type CommuneScope } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { communeTable } from '../bodies.js';
import type { CommuneRow } from '../rows.js';

/** Which communes a level's dashboard counts: the nation all, a state those seated in it, a city its own. */
export type DashboardLevel = { level: 'NATION' } | { level: 'STATE'; id: number } | { level: 'COMMUNAL_CITY'; id: number };

export const levelKey = (l: DashboardLevel) => (l.level === 'NATION' ? 'NATION' : `${l.level}:${l.id}`);

/** Per level kind: the column that places a commune in a level (none for the nation), and a number naming the kind in SQL. */
const KINDS = [
  { level: 'NATION', tag: 0, column: null },
  { level: 'STATE', tag: 1, column: 'c.seat_state_id' },
  { level: 'COMMUNAL_CITY', tag: 2, column: 'c.communal_city_id' },
] as const;

/**
 * One UNION ALL over the level kinds a batch holds, each part selecting `lt` (the kind's tag) and `li` (the
 * level's id) next to `select`: a batch of 24 state dashboards is one statement, like one state's.
 */
function perLevel(levels: readonly DashboardLevel[], select: string, from: string, where: string, groupBy?: string) {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const kind of KINDS) {
    const ids = [...new Set(levels.filter((l) => l.level === kind.level).map((l) => ('id' in l ? l.id : 0)))];
    if (!ids.length) continue;
    const li = kind.column ?? '0';
    const condition = kind.column ? `${kind.column} in (${placeholders(ids.length)})` : '1 = 1';
    const group = groupBy === undefined ? '' : ` group by ${[kind.column, groupBy].filter(Boolean).join(', ')}`;
    parts.push(`select ${kind.tag} as lt, ${li} as li, ${select} from ${from} where ${condition}${where ? ` and ${where}` : ''}${group}`);
    if (kind.column) params.push(...ids);
  }
  return { sql: parts.join(' union all '), params };
}

const keyOfRow = (row: Record<string, unknown>) => {
  const kind = KINDS.find((k) => k.tag === toInt(row.lt))!;
  return kind.level === 'NATION' ? 'NATION' : `${kind.level}:${toInt(row.li)}`;
};

export const QUARTER = (column: string) => `substr(${column}, 1, 4) || '-Q' || cast((cast(substr(${column}, 6, 2) as integer) + 2) / 3 as varchar(1))`;

/** New registrations and recorded moves to INACTIVE of a level's communes, per quarter label. */
export interface LevelQuarters {
  registered: Map<string, number>;
  inactivated: Map<string, number>;
}

/**
 * Per-request loaders of the registry dashboards, one statement per batch of levels each. In the request's loader
 * set (as `dashboards`), so resetLoaders() after a write clears them with the others.
 */
export function createDashboardLoaders(em: SqlEntityManager) {
  const loaders: {
    communes: DataLoader<DashboardLevel, CommuneRow[], string>;
    scopes: DataLoader<DashboardLevel, string, string>;
    quarters: DataLoader<DashboardLevel, LevelQuarters, string>;
  } = {
    /** The communes of each level, by id: the list is read twice in one federated query, so its order depends on ids only. */
    communes: new DataLoader<DashboardLevel, CommuneRow[], string>(
      async (levels) => {
        const { sql, params } = perLevel(levels, communeTable.columns, 'commune c', '');
        const out = new Map<string, CommuneRow[]>();
        for (const raw of await em.execute(sql, params)) {
          const key = keyOfRow(raw);
          out.set(key, [...(out.get(key) ?? []), communeTable.map(raw) as CommuneRow]);
        }
        return levels.map((l) => (out.get(levelKey(l)) ?? []).sort((a, b) => a.id - b.id));
      },
      { cacheKeyFn: levelKey, maxBatchSize: 1000 },
    ),
    /**
     * The scopes of each level's communes as the compact text the domains read (ADR 0005): every commune of the
     * level with its councils and circuits, in the order of `communes`. Two statements per batch of levels.
     */
    scopes: new DataLoader<DashboardLevel, string, string>(
      async (levels) => {
        const members = (table: string) => perLevel(levels, 'm.commune_id as k, m.id as id', `${table} m join commune c on c.id = m.commune_id`, '');
        const [councils, circuits, communes] = await Promise.all([
          (async () => { const q = members('communal_council'); return em.execute(q.sql, q.params); })(),
          (async () => { const q = members('communal_circuit'); return em.execute(q.sql, q.params); })(),
          loaders.communes.loadMany(levels),
        ]);
        const byLevel = new Map<string, Map<number, CommuneScope>>();
        levels.forEach((level, i) => {
          const list = communes[i];
          if (!list || list instanceof Error) throw list ?? new Error(`no communes for ${levelKey(level)}`);
          byLevel.set(levelKey(level), new Map(list.map((c) => [c.id, { commune: c.id, councils: [], circuits: [] }])));
        });
        for (const [rows, kind] of [[councils, 'councils'], [circuits, 'circuits']] as const) {
          for (const r of rows) byLevel.get(keyOfRow(r))?.get(toInt(r.k))?.[kind].push(toInt(r.id));
        }
        return levels.map((level) => {
          const scopes = [...byLevel.get(levelKey(level))!.values()];
          for (const s of scopes) [s.councils, s.circuits].forEach((ids) => ids.sort((a, b) => a - b));
          return encodeDashboardScopes(scopes);
        });
      },
      { cacheKeyFn: levelKey, maxBatchSize: 1000 },
    ),
    /** Registrations and recorded inactivations per quarter of each level: two grouped statements per batch. */
    quarters: new DataLoader<DashboardLevel, LevelQuarters, string>(
      async (levels) => {
        const registrations = perLevel(levels, `${QUARTER('c.registered_on')} as p, count(*) as n`, 'commune c', 'c.registered_on is not null', QUARTER('c.registered_on'));
        const inactivations = perLevel(
          levels,
          `${QUARTER('h.effective_on')} as p, count(*) as n`,
          `status_change h join commune c on h.body_id = 'commune:' || c.id`,
          `h.status = 'INACTIVE'`,
          QUARTER('h.effective_on'),
        );
        const [registered, inactivated] = await Promise.all([em.execute(registrations.sql, registrations.params), em.execute(inactivations.sql, inactivations.params)]);
        const out = new Map<string, LevelQuarters>(levels.map((l) => [levelKey(l), { registered: new Map(), inactivated: new Map() }]));
        for (const r of registered) out.get(keyOfRow(r))?.registered.set(String(r.p), toInt(r.n));
        for (const r of inactivated) out.get(keyOfRow(r))?.inactivated.set(String(r.p), toInt(r.n));
        return levels.map((l) => out.get(levelKey(l))!);
      },
      { cacheKeyFn: levelKey, maxBatchSize: 1000 },
    ),
  };
  return {
    ...loaders,
    /** Forgets every cached list (called by resetLoaders after a write). */
    clearAll() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}
