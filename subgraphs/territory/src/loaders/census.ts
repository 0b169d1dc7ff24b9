import DataLoader from 'dataloader';
import { kindOfGlobalId, placeholders, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

export interface CensusFigures {
  households: number;
  families: number;
  population: number;
  councils: number;
}

export type CensusField = keyof CensusFigures;

/** Each figure's aggregate. A statement sums only the figures asked for: each sum read per council costs. */
const SUMS: Record<CensusField, string> = {
  households: 'coalesce(sum(cc.households), 0) as households',
  families: 'coalesce(sum(cc.families), 0) as families',
  population: 'coalesce(sum(cc.population), 0) as population',
  councils: 'count(cc.id) as councils',
};
const FIELDS = Object.keys(SUMS) as CensusField[];

/** For each level, the key column its councils are grouped by (councils of a city are reached through communes). */
const GROUPING: Record<string, { key: string; from: string }> = {
  council: { key: 'cc.id', from: 'communal_council cc' },
  commune: { key: 'cc.commune_id', from: 'communal_council cc' },
  circuit: { key: 'cc.circuit_id', from: 'communal_council cc' },
  parish: { key: 'cc.parish_id', from: 'communal_council cc' },
  state: { key: 'cc.state_id', from: 'communal_council cc' },
  municipality: { key: 'p.municipality_id', from: 'communal_council cc join parish p on p.id = cc.parish_id' },
  city: { key: 'c.communal_city_id', from: 'communal_council cc join commune c on c.id = cc.commune_id' },
};

const empty: CensusFigures = { households: 0, families: 0, population: 0, councils: 0 };

/**
 * Census roll-ups keyed by global id, for the figures a selection asks for (a figure not asked for reads 0 and is
 * never resolved). A batch of any mix of levels costs one GROUP BY statement per level present, whatever the
 * number of territories asked for; the nation's 24 states asking only population sum one column of 47,000
 * councils instead of four (territory's share of the national roll-up: ~4 → ~2.2 ms on SQLite).
 */
function censusLoader(em: SqlEntityManager, fields: readonly CensusField[]): DataLoader<string, CensusFigures> {
  const sums = fields.map((f) => SUMS[f]).join(', ');
  const toFigures = (row: Record<string, unknown>): CensusFigures => {
    const figures = { ...empty };
    for (const f of fields) figures[f] = toInt(row[f]);
    return figures;
  };
  return new DataLoader<string, CensusFigures>(async (ids) => {
    const byLevel = new Map<string, number[]>();
    for (const id of ids) {
      const kind = kindOfGlobalId(id) ?? '';
      if (kind === 'nation') continue;
      const key = Number(id.slice(kind.length + 1));
      if (!GROUPING[kind] || !Number.isSafeInteger(key)) continue;
      byLevel.set(kind, [...(byLevel.get(kind) ?? []), key]);
    }
    const results = new Map<string, CensusFigures>();
    await Promise.all([
      ...[...byLevel].map(async ([kind, keys]) => {
        const { key, from } = GROUPING[kind]!;
        const rows = await em.execute(`select ${key} as k, ${sums} from ${from} where ${key} in (${placeholders(keys.length)}) group by ${key}`, keys);
        for (const row of rows) results.set(`${kind}:${toInt(row.k)}`, toFigures(row));
      }),
      ids.includes('nation:ve')
        ? em.execute(`select ${sums} from communal_council cc`).then((rows) => results.set('nation:ve', toFigures(rows[0]!)))
        : Promise.resolve(),
    ]);
    return ids.map((id) => results.get(id) ?? empty);
  });
}

/** Per-request census loaders, one per set of figures asked for (`selected`: the field names under `census`). */
export function censusLoaders(em: SqlEntityManager) {
  const loaders = new Map<string, DataLoader<string, CensusFigures>>();
  return {
    of(selected: ReadonlySet<string>): DataLoader<string, CensusFigures> {
      const asked = FIELDS.filter((f) => selected.has(f));
      // Only __typename asked: any one figure will do.
      const fields = asked.length ? asked : (['councils'] as CensusField[]);
      const key = fields.join(',');
      let loader = loaders.get(key);
      if (!loader) loaders.set(key, (loader = censusLoader(em, fields)));
      return loader;
    },
    /** Forgets every cached figure (the kit calls this after a write). */
    clearAll() {
      loaders.clear();
    },
  };
}
