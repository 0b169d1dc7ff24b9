import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { sampleBodyStates } from '../bodies.js';
import { BodyState, ExchangeFlow, PriceAgreement, Product, ProductionReport, ProductionUnit, ReportRevision, UnitProduct } from '../entities/index.js';
import { sampleProduction } from './build.js';

const REPORT_SYNTHETIC = ['quantity'];

/**
 * Loads the embedded sample into an empty database, in one transaction, with the ids the sample assigns (its
 * bodies are the sample territory's ids). Does nothing if any product exists.
 */
export async function seedSample(em: SqlEntityManager): Promise<boolean> {
  const existing = await em.execute('select count(*) as n from product');
  if (Number(existing[0]!.n) > 0) return false;
  const sample = sampleProduction();
  await em.transactional(async (tx) => {
    // The state of every sample body first, so the summary triggers file each fact under its state.
    await tx.insertMany(BodyState, [...sampleBodyStates()].map(([bodyId, stateId]) => ({ bodyId, stateId })));
    await tx.insertMany(Product, sample.products.map((p) => ({ ...p })));
    await tx.insertMany(ProductionUnit, sample.units.map(({ productIds: _p, communeId: _c, ...u }) => u));
    let link = 0;
    await tx.insertMany(UnitProduct, sample.units.flatMap((u) => u.productIds.map((product) => ({ id: ++link, unit: u.id, product }))));
    await tx.insertMany(PriceAgreement, sample.agreements.map(({ productId, ...a }) => ({ ...a, product: productId, syntheticFields: ['unitCost', 'price', 'validFrom', 'validTo'], sources: ['rabble-2019'] })));
    for (let i = 0; i < sample.reports.length; i += 500) {
      const chunk = sample.reports.slice(i, i + 500);
      await tx.insertMany(ProductionReport, chunk.map((r) => ({ id: r.id, unit: r.unitId, product: r.productId, month: r.month, quantity: r.quantity, revision: r.revisions.length, syntheticFields: REPORT_SYNTHETIC, sources: [] })));
    }
    const revisions = sample.reports.flatMap((r) => r.revisions.map((v) => ({ report: r.id, ...v })));
    for (let i = 0; i < revisions.length; i += 500) {
      await tx.insertMany(ReportRevision, revisions.slice(i, i + 500).map((v, j) => ({ id: i + j + 1, ...v })));
    }
    await tx.insertMany(ExchangeFlow, sample.flows.map((f) => ({
      id: f.id, product: f.productId, quantity: f.quantity, fromUnit: f.fromUnitId, fromBodyId: f.fromBodyId, toBodyId: f.toBodyId, destination: f.destination,
      households: f.households, pricePerUnit: f.pricePerUnit, currency: f.currency, date: f.date, priceAgreement: f.priceAgreementId,
      syntheticFields: ['quantity', 'date', 'pricePerUnit', ...(f.households === null ? [] : ['households'])], sources: [],
    })));
    if (isPostgres(tx as SqlEntityManager)) {
      // Explicit ids leave PostgreSQL's sequences behind; move them past the sample so new rows get fresh ids.
      for (const table of ['product', 'production_unit', 'unit_product', 'production_report', 'report_revision', 'price_agreement', 'exchange_flow']) {
        await tx.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
  });
  return true;
}
