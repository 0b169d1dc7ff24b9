import { badInput, conflict, fromScaled, performWrite, trackedUpdate } from '@comuna/subgraph-kit';
import type { ProductionContext } from '../context.js';
import { ProductionReport, ReportRevision } from '../entities/index.js';
import type { MutationReportProductionArgs } from '../generated/resolvers-types.js';
import { currentMonth } from '../period.js';
import { reportTable } from '../tables.js';
import { QUANTITY_SCALE } from '../units.js';
import { assertProduces, existingProduct, existingUnit, nonNegativeQuantity, validText } from './validate.js';

type Outcome = 'CREATED' | 'UNCHANGED' | 'CORRECTED';

function validMonth(month: string, foundedOn: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput(`input.month "${month}" is not a month; write it as YYYY-MM, e.g. 2025-03`, { argument: 'input.month' });
  if (month > currentMonth()) throw badInput(`input.month ${month} is in the future; report a month once it has begun`, { argument: 'input.month' });
  if (month < foundedOn.slice(0, 7)) throw badInput(`input.month ${month} is before the unit was founded (${foundedOn})`, { argument: 'input.month' });
  return month;
}

/**
 * Submits a monthly report. Idempotency rule: unit × product × month identifies a report (a unique constraint
 * in the database). The same quantity again is a retry and changes nothing; a different quantity is a
 * correction, accepted only with a reason, and the previous version stays in report_revision. A stale retry of
 * an earlier figure therefore can never silently undo a correction: it differs and carries no reason.
 */
export const reportProduction = async (_root: unknown, { input }: MutationReportProductionArgs, ctx: ProductionContext) => {
  // The owner is read first so the write gate knows which body the report concerns.
  const owner = await existingUnit(ctx.em, input.unitId, 'input.unitId');
  const result = await performWrite(ctx, ctx.policy, { action: 'reportProduction', bodies: [owner.ownerId], input }, async (em) => {
    const unit = await existingUnit(em, input.unitId, 'input.unitId');
    const product = await existingProduct(em, input.productId, 'input.productId');
    const quantity = nonNegativeQuantity(input.quantity, 'input.quantity');
    const month = validMonth(input.month, unit.foundedOn);
    const reason = input.correctionReason == null ? null : validText(input.correctionReason, 'input.correctionReason', 3, 500);
    await assertProduces(em, unit, product, 'input.productId');
    if (unit.status === 'CLOSED') throw conflict(`${unit.name} (unit:${unit.id}) is closed and takes no reports`, { argument: 'input.unitId' });

    const existing = await em.execute(`select ${reportTable.columns} from production_report where unit_id = ? and product_id = ? and month = ?`, [unit.id, product.id, month]);
    const recordedAt = new Date().toISOString();
    if (existing[0]) {
      const report = reportTable.map(existing[0]);
      if (report.quantity === quantity) return { id: report.id, outcome: 'UNCHANGED' as Outcome };
      if (reason === null) {
        throw conflict(
          `report:${report.id} already records ${fromScaled(report.quantity, QUANTITY_SCALE)} ${product.unit} of ${product.name} for ${month}; to correct it to ${input.quantity}, send correctionReason`,
          { argument: 'input.correctionReason', reportId: `report:${report.id}` },
        );
      }
      const revision = report.revision + 1;
      await trackedUpdate(em, ProductionReport, [report.id], () => em.execute('update production_report set quantity = ?, revision = ? where id = ?', [quantity, revision, report.id]));
      em.create(ReportRevision, { report: report.id, revision, quantity, reason, recordedAt });
      await em.flush();
      return { id: report.id, outcome: 'CORRECTED' as Outcome };
    }
    const report = em.create(ProductionReport, { unit: unit.id, product: product.id, month, quantity, revision: 1, syntheticFields: [], sources: ['report'] });
    await em.flush();
    em.create(ReportRevision, { report: report.id, revision: 1, quantity, reason: null, recordedAt });
    await em.flush();
    return { id: report.id, outcome: 'CREATED' as Outcome };
  });
  return { report: (await ctx.loaders.report.load(result.id))!, outcome: result.outcome };
};
