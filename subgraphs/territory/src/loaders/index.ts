import { groupLoader, placeholders, rowLoader, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { cityTable, circuitTable, communeTable, councilTable, municipalityTable, parishTable, stateTable } from '../bodies.js';
import { createDashboardLoaders } from '../analytics/dashboard-loaders.js';
import { censusLoaders } from './census.js';
import { scopeLoader } from './scope.js';

interface Table<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

export interface HistoryRow {
  bodyId: string;
  status: string;
  previousStatus: string | null;
  effectiveOn: string;
  reason: string;
}

/** Per-request DataLoaders: every list or reference a query touches is read in one statement per batch. */
export function createLoaders(em: SqlEntityManager) {
  const select = async <R>(table: Table<R>, where: string, keys: readonly unknown[], orderBy = 'name, id'): Promise<R[]> => {
    const rows = await em.execute(`select ${table.columns} from ${table.table} where ${where} in (${placeholders(keys.length)}) order by ${orderBy}`, [...keys]);
    return rows.map((raw) => table.map(raw));
  };
  const byId = <R extends { id: number }>(table: Table<R>) => rowLoader<number, R>((ids) => select(table, 'id', ids), (row) => row.id);

  return {
    // Registry dashboards (issue 10): here so resetLoaders() clears them after a write.
    dashboards: createDashboardLoaders(em),
    state: byId(stateTable),
    municipality: byId(municipalityTable),
    parish: byId(parishTable),
    council: byId(councilTable),
    commune: byId(communeTable),
    city: byId(cityTable),
    circuit: byId(circuitTable),
    municipalitiesByState: groupLoader((ids: readonly number[]) => select(municipalityTable, 'state_id', ids), (row) => row.stateId),
    parishesByMunicipality: groupLoader((ids: readonly number[]) => select(parishTable, 'municipality_id', ids), (row) => row.municipalityId),
    councilsByCommune: groupLoader((ids: readonly number[]) => select(councilTable, 'commune_id', ids), (row) => row.communeId!),
    councilsByCircuit: groupLoader((ids: readonly number[]) => select(councilTable, 'circuit_id', ids), (row) => row.circuitId!),
    communesByCity: groupLoader((ids: readonly number[]) => select(communeTable, 'communal_city_id', ids), (row) => row.communalCityId!),
    stateIdsOfCommune: groupLoader(
      async (ids: readonly number[]) =>
        (
          await em.execute(
            `select distinct commune_id as "communeId", state_id as "stateId" from communal_council where commune_id in (${placeholders(ids.length)}) order by state_id`,
            [...ids],
          )
        ).map((row) => ({ communeId: toInt(row.communeId), stateId: toInt(row.stateId) })),
      (row) => row.communeId,
    ),
    history: groupLoader(
      async (bodyIds: readonly string[]) =>
        (await em.execute(
          `select body_id as "bodyId", status, previous_status as "previousStatus", effective_on as "effectiveOn", reason from status_change where body_id in (${placeholders(bodyIds.length)}) order by effective_on, id`,
          [...bodyIds],
        )) as unknown as HistoryRow[],
      (row) => row.bodyId,
    ),
    census: censusLoaders(em),
    scope: scopeLoader(em),
  };
}

export type TerritoryLoaders = ReturnType<typeof createLoaders>;
