import DataLoader from 'dataloader';
import { groupLoader, placeholders, rowLoader, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { agreementTable, flowTable, productColumns, productTable, reportTable, revisionTable, unitTable } from '../tables.js';
import type { ProductRow } from '../rows.js';
import { rollupLoaders } from './rollups.js';
import { unitReportsLoader, type UnitReportsArgs } from './unit-reports.js';
import { createAnalyticsLoaders } from '../analytics/loaders.js';

interface Table<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

/** Per-request DataLoaders: every list or reference a query touches is read in one statement per batch. */
export function createLoaders(em: SqlEntityManager) {
  const select = async <R>(table: Table<R>, where: string, keys: readonly unknown[], orderBy = 'id'): Promise<R[]> => {
    const rows = await em.execute(`select ${table.columns} from ${table.table} where ${where} in (${placeholders(keys.length)}) order by ${orderBy}`, [...keys]);
    return rows.map((raw) => table.map(raw));
  };
  const byId = <R extends { id: number }>(table: Table<R>) => rowLoader<number, R>((ids) => select(table, 'id', ids), (row) => row.id);

  // The catalogue is small (tens to a few hundred products) and nearly every answer names products, so it is
  // read whole, once per request: one statement however many resolvers, in however many ticks, ask for products.
  let catalogue: Promise<ProductRow[]> | undefined;
  let catalogueById: Promise<Map<number, ProductRow>> | undefined;
  const wholeCatalogue = () => (catalogue ??= em.execute(`select ${productTable.columns} from product order by name, id`).then((rows) => rows.map(productTable.map)));
  const productsById = () => (catalogueById ??= wholeCatalogue().then((products) => new Map(products.map((p) => [p.id, p]))));

  const unitReports = new Map<string, ReturnType<typeof unitReportsLoader>>();

  return {
    // Analytics facts and trends (issue 10): here so resetLoaders() clears them after a write.
    analytics: createAnalyticsLoaders(em),
    /** Forgets the request's catalogue and report pages after a write (the kit clears every `clearAll` here). */
    requestCaches: {
      clearAll() {
        catalogue = undefined;
        catalogueById = undefined;
        unitReports.clear();
      },
    },
    /** The reports page of each unit, one loader per distinct page arguments. */
    unitReports(args: UnitReportsArgs) {
      const key = JSON.stringify(args);
      if (!unitReports.has(key)) unitReports.set(key, unitReportsLoader(em, args));
      return unitReports.get(key)!;
    },
    product: new DataLoader<number, ProductRow | null>(async (ids) => {
      const byId = await productsById();
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The request's catalogue by id (read whole, once). */
    productsById,
    unit: byId(unitTable),
    agreement: byId(agreementTable),
    report: byId(reportTable),
    flow: byId(flowTable),
    productsOfUnit: groupLoader(
      async (unitIds: readonly number[]) => {
        const rows = await em.execute(
          `select up.unit_id as "unitId", ${productColumns('p.')} from unit_product up join product p on p.id = up.product_id where up.unit_id in (${placeholders(unitIds.length)}) order by p.name, p.id`,
          [...unitIds],
        );
        return rows.map((raw) => ({ unitId: toInt(raw.unitId), product: productTable.map(raw) }));
      },
      (row) => row.unitId,
    ),
    revisions: groupLoader(
      async (reportIds: readonly number[]) =>
        (
          await em.execute(`select ${revisionTable.columns} from ${revisionTable.from} where rv.report_id in (${placeholders(reportIds.length)}) order by rv.report_id, rv.revision`, [
            ...reportIds,
          ])
        ).map(revisionTable.map),
      (row) => row.reportId,
    ),
    /** Food products with a reference need: the rows of every self-sufficiency answer. */
    foodProducts: async () => (await wholeCatalogue()).filter((p) => p.food && p.monthlyNeedPerPerson !== null),
    rollups: rollupLoaders(em),
  };
}

export type ProductionLoaders = ReturnType<typeof createLoaders>;
