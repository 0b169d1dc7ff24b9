import { groupLoader, placeholders, rowLoader, today } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  assemblyTable,
  decisionTable,
  electionTable,
  federationMemberTable,
  federationTable,
  mandateTable,
  organTable,
  recallTable,
  spokespersonTable,
  type Table,
} from '../tables.js';
import { figuresLoader } from './figures.js';
import { pagedChildren } from './paged-children.js';
import { createAnalyticsLoaders } from '../analytics/loaders.js';

/** SQL condition for mandates in force on a day (one `?`): started, term not run out, not revoked by then. */
export const activeOn = (alias = 'mandate') =>
  `${alias}.start_on <= ? and ${alias}.term_ends_on >= ? and (${alias}.revoked_on is null or ${alias}.revoked_on > ?)`;

/** Per-request DataLoaders: every list or reference a query touches is read in one statement per batch. */
export function createLoaders(em: SqlEntityManager) {
  const select = async <R>(table: Table<R>, where: string, keys: readonly unknown[], orderBy = 'id', extra: unknown[] = []): Promise<R[]> => {
    const rows = await em.execute(`select ${table.columns} from ${table.table} where ${where} in (${placeholders(keys.length)}) order by ${orderBy}`, [...keys, ...extra]);
    return rows.map((raw) => table.map(raw));
  };
  const byId = <R extends { id: number }>(table: Table<R>, column = 'id') => rowLoader<number, R>((ids) => select(table, column, ids, column), (row) => row.id);

  return {
    // Analytics facts and trends (issue 10): here so resetLoaders() clears them after a write.
    analytics: createAnalyticsLoaders(em),
    assembly: byId(assemblyTable),
    decision: byId(decisionTable, 'd.id'),
    organ: byId(organTable),
    spokesperson: byId(spokespersonTable),
    election: byId(electionTable),
    mandate: byId(mandateTable),
    recall: byId(recallTable),
    federation: byId(federationTable),
    decisionsByAssembly: groupLoader((ids: readonly number[]) => select(decisionTable, 'd.assembly_id', ids, 'd.position, d.id'), (row) => row.assemblyId),
    mandatesBySpokesperson: groupLoader((ids: readonly number[]) => select(mandateTable, 'spokesperson_id', ids, 'start_on desc, id desc'), (row) => row.spokespersonId),
    recallByMandate: rowLoader((ids: readonly number[]) => select(recallTable, 'mandate_id', ids), (row) => row.mandateId),
    currentMandatesByOrgan: groupLoader(async (ids: readonly number[]) => {
      const day = today();
      const rows = await em.execute(
        `select ${mandateTable.columns} from mandate where organ_id in (${placeholders(ids.length)}) and ${activeOn()} order by role, seat, id`,
        [...ids, day, day, day],
      );
      return rows.map((raw) => mandateTable.map(raw));
    }, (row) => row.organId),
    mandatesByOrgan: pagedChildren(em, { table: mandateTable, parentColumn: 'organ_id', sort: 'start_on', direction: 'DESC' }),
    membersByFederation: pagedChildren(em, {
      table: federationMemberTable,
      parentColumn: 'federation_id',
      // Communes before movements, then by name: one sortable text, so the keyset cursor stays a single value.
      sort: "(case when kind = 'COMMUNE' then '0' else '1' end) || name",
      direction: 'ASC',
    }),
    figures: figuresLoader(em),
  };
}

export type GovernanceLoaders = ReturnType<typeof createLoaders>;
