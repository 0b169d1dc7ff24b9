import { badInput, conflict, fromScaled, notFound, parseGlobalId, performWrite, positiveScaled, toScaled } from '@comuna/subgraph-kit';
import type { BodyDirectory } from '../bodies.js';
import type { ProductionContext } from '../context.js';
import { ExchangeFlow } from '../entities/index.js';
import type { MutationRecordExchangeFlowArgs } from '../generated/resolvers-types.js';
import { agreementTable } from '../tables.js';
import { MONEY_SCALE, QUANTITY_SCALE } from '../units.js';
import { assertProduces, bodiesExist, existingProduct, existingUnit, ownerId, pastDate, validCurrency } from './validate.js';

/** Records a product moved from a unit or body to another body, or distributed to a body's households. */
export const recordExchangeFlow = (bodies: BodyDirectory) => async (_root: unknown, { input }: MutationRecordExchangeFlowArgs, ctx: ProductionContext) => {
  if ((input.fromUnitId == null) === (input.fromBodyId == null)) {
    throw badInput('Give exactly one of input.fromUnitId or input.fromBodyId', { argument: 'input.fromUnitId' });
  }
  const toBodyId = ownerId(input.toBodyId, 'input.toBodyId');
  const fromUnit = input.fromUnitId == null ? null : await existingUnit(ctx.em, input.fromUnitId, 'input.fromUnitId');
  const fromBodyId = fromUnit ? fromUnit.ownerId : ownerId(input.fromBodyId!, 'input.fromBodyId');

  // The sender records a flow (its spokespersons know what left); the receiver is named in the audited input.
  const id = await performWrite(ctx, ctx.policy, { action: 'recordExchangeFlow', bodies: [fromBodyId], input }, async (em) => {
    const product = await existingProduct(em, input.productId, 'input.productId');
    const quantity = positiveScaled(input.quantity, QUANTITY_SCALE, 'input.quantity');
    const price = toScaled(input.pricePerUnit, MONEY_SCALE, 'input.pricePerUnit');
    if (price < 0n) throw badInput(`input.pricePerUnit must be zero or more; got ${input.pricePerUnit}`, { argument: 'input.pricePerUnit' });
    const currency = validCurrency(input.currency, 'input.currency');
    const date = pastDate(input.date, 'input.date');
    const destination = input.destination ?? 'BODY';
    if (destination === 'HOUSEHOLDS' && (input.households == null || !Number.isInteger(input.households) || input.households < 1)) {
      throw badInput('input.households must be 1 or more for a distribution to households', { argument: 'input.households' });
    }
    if (destination === 'BODY' && input.households != null) throw badInput('input.households applies only to destination HOUSEHOLDS', { argument: 'input.households' });
    if (destination === 'BODY' && fromBodyId === toBodyId) {
      throw badInput(`input.toBodyId ${toBodyId} is the sender itself; record an exchange between two bodies, or use destination HOUSEHOLDS`, { argument: 'input.toBodyId' });
    }
    if (fromUnit) await assertProduces(em, fromUnit, product, 'input.productId');

    let agreementId: number | null = null;
    if (input.priceAgreementId != null) {
      agreementId = parseGlobalId(input.priceAgreementId, 'price', 'input.priceAgreementId');
      const rows = await em.execute(`select ${agreementTable.columns} from price_agreement where id = ?`, [agreementId]);
      if (!rows[0]) throw notFound(`No price agreement with id ${input.priceAgreementId}`, { argument: 'input.priceAgreementId' });
      const agreement = agreementTable.map(rows[0]);
      if (agreement.productId !== product.id) throw badInput(`${input.priceAgreementId} is for product:${agreement.productId}, not ${input.productId}`, { argument: 'input.priceAgreementId' });
      if (agreement.validFrom > date || (agreement.validTo !== null && agreement.validTo < date)) {
        throw conflict(`${input.priceAgreementId} is not in force on ${date} (valid ${agreement.validFrom} to ${agreement.validTo ?? 'open'})`, { argument: 'input.priceAgreementId' });
      }
      if (agreement.currency !== currency || agreement.price !== price) {
        throw conflict(`input.pricePerUnit ${input.pricePerUnit} ${currency} does not follow ${input.priceAgreementId}, which sets ${fromScaled(agreement.price, MONEY_SCALE)} ${agreement.currency}`, {
          argument: 'input.pricePerUnit',
        });
      }
    }
    await bodiesExist(em, bodies, [
      ...(fromUnit ? [] : [{ id: fromBodyId, argument: 'input.fromBodyId' }]),
      { id: toBodyId, argument: 'input.toBodyId' },
    ]);

    const flow = em.create(ExchangeFlow, {
      product: product.id,
      quantity,
      fromUnit: fromUnit?.id ?? null,
      fromBodyId,
      toBodyId,
      destination,
      households: input.households ?? null,
      pricePerUnit: price,
      currency,
      date,
      priceAgreement: agreementId,
      syntheticFields: [],
      sources: ['report'],
    });
    await em.flush();
    return flow.id;
  });
  return (await ctx.loaders.flow.load(id))!;
};
