import DataLoader from 'dataloader';
import { kindOfGlobalId, placeholders, toGlobalId, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

export interface Scope {
  everything: boolean;
  councilIds: string[];
  communeIds: string[];
  circuitIds: string[];
  /** Set for a state only: the domains read their state summaries by it. */
  stateId: string | null;
}

type Member = 'council' | 'commune' | 'circuit';

/**
 * For each level, the statements that list its member bodies: `k` is the territory's key, `id` the member's. A
 * state lists none: it is sent by `stateId`, and every domain files each body under its state itself (ADR 0003),
 * so the gateway no longer ships tens of thousands of ids per state.
 */
const MEMBERS: Record<string, [Member, string][]> = {
  commune: [
    ['council', 'select commune_id as k, id from communal_council where commune_id in (#)'],
    ['circuit', 'select commune_id as k, id from communal_circuit where commune_id in (#)'],
  ],
  city: [
    ['commune', 'select communal_city_id as k, id from commune where communal_city_id in (#)'],
    ['council', 'select c.communal_city_id as k, cc.id from communal_council cc join commune c on c.id = cc.commune_id where c.communal_city_id in (#)'],
    ['circuit', 'select c.communal_city_id as k, ci.id from communal_circuit ci join commune c on c.id = ci.commune_id where c.communal_city_id in (#)'],
  ],
  circuit: [['council', 'select circuit_id as k, id from communal_council where circuit_id in (#)']],
  municipality: [['council', 'select p.municipality_id as k, cc.id from communal_council cc join parish p on p.id = cc.parish_id where p.municipality_id in (#)']],
  parish: [['council', 'select parish_id as k, id from communal_council where parish_id in (#)']],
};

/** The bodies a territory includes themselves, before any member query. */
const SELF: Partial<Record<string, Member>> = { council: 'council', commune: 'commune', circuit: 'circuit' };

/**
 * Scopes keyed by global id. A batch costs one statement per (level, member kind) present, whatever the number
 * of territories: other subgraphs ask for many territories' scopes at once when they roll figures up.
 */
export function scopeLoader(em: SqlEntityManager): DataLoader<string, Scope> {
  return new DataLoader<string, Scope>(async (ids) => {
    const scopes = new Map<string, Scope>();
    const byLevel = new Map<string, number[]>();
    for (const id of ids) {
      const kind = kindOfGlobalId(id) ?? '';
      const scope: Scope = { everything: id === 'nation:ve', councilIds: [], communeIds: [], circuitIds: [], stateId: kind === 'state' ? id : null };
      scopes.set(id, scope);
      const self = SELF[kind];
      if (self) scope[`${self}Ids`].push(id);
      const key = Number(id.slice(kind.length + 1));
      if (MEMBERS[kind] && Number.isSafeInteger(key)) byLevel.set(kind, [...(byLevel.get(kind) ?? []), key]);
    }
    await Promise.all(
      [...byLevel].flatMap(([kind, keys]) =>
        MEMBERS[kind]!.map(async ([member, sql]) => {
          const rows = await em.execute(`${sql.replace('#', placeholders(keys.length))} order by 2`, keys);
          for (const row of rows) scopes.get(`${kind}:${toInt(row.k)}`)?.[`${member}Ids`].push(toGlobalId(member, toInt(row.id)));
        }),
      ),
    );
    return ids.map((id) => scopes.get(id)!);
  });
}
