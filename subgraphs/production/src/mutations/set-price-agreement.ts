import { badInput, conflict, performWrite, positiveScaled, toScaled } from '@comuna/subgraph-kit';
import type { BodyDirectory } from '../bodies.js';
import type { ProductionContext } from '../context.js';
import { PriceAgreement } from '../entities/index.js';
import type { MutationSetPriceAgreementArgs } from '../generated/resolvers-types.js';
import { MONEY_SCALE } from '../units.js';
import { bodiesExist, existingProduct, ownerId, validCurrency, validDate, validText } from './validate.js';

/**
 * Sets a fair price worked out by a producers' council from its costs. One body has at most one price per
 * product and currency on any day, so periods of its agreements may not overlap.
 */
export const setPriceAgreement = (bodies: BodyDirectory) => async (_root: unknown, { input }: MutationSetPriceAgreementArgs, ctx: ProductionContext) => {
  const bodyId = ownerId(input.bodyId, 'input.bodyId');
  const id = await performWrite(ctx, ctx.policy, { action: 'setPriceAgreement', bodies: [bodyId], input }, async (em) => {
    const product = await existingProduct(em, input.productId, 'input.productId');
    const councilName = validText(input.councilName, 'input.councilName');
    const basis = validText(input.basis, 'input.basis', 10, 1000);
    const unitCost = toScaled(input.unitCost, MONEY_SCALE, 'input.unitCost');
    if (unitCost < 0n) throw badInput(`input.unitCost must be zero or more; got ${input.unitCost}`, { argument: 'input.unitCost' });
    const price = positiveScaled(input.price, MONEY_SCALE, 'input.price');
    const currency = validCurrency(input.currency, 'input.currency');
    const validFrom = validDate(input.validFrom, 'input.validFrom');
    const validTo = input.validTo == null ? null : validDate(input.validTo, 'input.validTo');
    if (validTo !== null && validTo < validFrom) throw badInput(`input.validTo ${validTo} is before input.validFrom ${validFrom}`, { argument: 'input.validTo' });
    const overlapping = await em.execute(
      `select id, valid_from as "validFrom", valid_to as "validTo" from price_agreement
       where product_id = ? and body_id = ? and currency = ? and (valid_to is null or valid_to >= ?)${validTo === null ? '' : ' and valid_from <= ?'}`,
      [product.id, bodyId, currency, validFrom, ...(validTo === null ? [] : [validTo])],
    );
    if (overlapping[0]) {
      const o = overlapping[0];
      throw conflict(`price:${String(o.id)} already sets a ${currency} price for ${product.name} by ${bodyId} from ${String(o.validFrom)} to ${String(o.validTo ?? 'open')}; close it or choose another period`, {
        argument: 'input.validFrom',
      });
    }
    await bodiesExist(em, bodies, [{ id: bodyId, argument: 'input.bodyId' }]);
    const agreement = em.create(PriceAgreement, {
      product: product.id,
      bodyId,
      councilName,
      unitCost,
      price,
      currency,
      validFrom,
      validTo,
      basis,
      syntheticFields: [],
      sources: ['report'],
    });
    await em.flush();
    return agreement.id;
  });
  return (await ctx.loaders.agreement.load(id))!;
};
