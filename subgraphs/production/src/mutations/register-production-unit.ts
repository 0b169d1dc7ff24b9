import { badInput, conflict, performWrite } from '@comuna/subgraph-kit';
import { randomBytes } from 'node:crypto';
import type { BodyDirectory } from '../bodies.js';
import type { ProductionContext } from '../context.js';
import { ProductionUnit, UnitProduct } from '../entities/index.js';
import type { MutationRegisterProductionUnitArgs } from '../generated/resolvers-types.js';
import { bodiesExist, existingProducts, ownerId, pastDate, validText } from './validate.js';

/** Registers a production unit of a commune or council with the products it makes. */
export const registerProductionUnit = (bodies: BodyDirectory) => async (_root: unknown, { input }: MutationRegisterProductionUnitArgs, ctx: ProductionContext) => {
  const owner = ownerId(input.ownerId, 'input.ownerId');
  const id = await performWrite(ctx, ctx.policy, { action: 'registerProductionUnit', bodies: [owner], input }, async (em) => {
    const name = validText(input.name, 'input.name');
    if (!Number.isInteger(input.workers) || input.workers < 1 || input.workers > 100_000) {
      throw badInput(`input.workers must be a whole number from 1 to 100000; got ${input.workers}`, { argument: 'input.workers' });
    }
    const foundedOn = pastDate(input.foundedOn, 'input.foundedOn');
    const code = input.code == null ? null : input.code;
    if (code !== null && !/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(code)) {
      throw badInput(`input.code "${code}" must be 3 to 40 upper-case letters, digits or dashes`, { argument: 'input.code' });
    }
    const productKeys = await existingProducts(em, input.productIds, 'input.productIds');
    if (code !== null && (await em.execute('select 1 as taken from production_unit where code = ?', [code])).length) {
      throw conflict(`Unit code ${code} is already taken`, { argument: 'input.code' });
    }
    await bodiesExist(em, bodies, [{ id: owner, argument: 'input.ownerId' }]);

    const unit = em.create(ProductionUnit, {
      code: code ?? `pending-${randomBytes(8).toString('hex')}`,
      name,
      type: input.type,
      sector: input.sector,
      ownerId: owner,
      workers: input.workers,
      foundedOn,
      status: 'ACTIVE',
      syntheticFields: [],
      sources: ['registry'],
    });
    await em.flush();
    if (code === null) unit.code = `UP-${String(unit.id).padStart(5, '0')}`;
    for (const product of productKeys) em.create(UnitProduct, { unit: unit.id, product });
    await em.flush();
    return unit.id;
  });
  return (await ctx.loaders.unit.load(id))!;
};
