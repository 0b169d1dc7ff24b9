import DataLoader from 'dataloader';
import { kindOfGlobalId, placeholders, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

export interface CensusFigures {
  households: number;
  families: number;
  population: number;
  councils: number;
}

const SUMS = 'coalesce(sum(cc.households), 0) as households, coalesce(sum(cc.families), 0) as families, coalesce(sum(cc.population), 0) as population, count(cc.id) as councils';

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
 * Census roll-ups keyed by global id. A batch of any mix of levels costs one GROUP BY statement per level
 * present, whatever the number of territories asked for.
 */
export function censusLoader(em: SqlEntityManager): DataLoader<string, CensusFigures> {
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
    const toFigures = (row: Record<string, unknown>): CensusFigures => ({
      households: toInt(row.households),
      families: toInt(row.families),
      population: toInt(row.population),
      councils: toInt(row.councils),
    });
    await Promise.all([
      ...[...byLevel].map(async ([kind, keys]) => {
        const { key, from } = GROUPING[kind]!;
        const rows = await em.execute(`select ${key} as k, ${SUMS} from ${from} where ${key} in (${placeholders(keys.length)}) group by ${key}`, keys);
        for (const row of rows) results.set(`${kind}:${toInt(row.k)}`, toFigures(row));
      }),
      ids.includes('nation:ve')
        ? em.execute(`select ${SUMS} from communal_council cc`).then((rows) => results.set('nation:ve', toFigures(rows[0]!)))
        : Promise.resolve(),
    ]);
    return ids.map((id) => results.get(id) ?? empty);
  });
}
