import { defineEntity, p } from '@mikro-orm/core';
import { Product } from './product.js';
import { ProductionUnit } from './production-unit.js';

/** A product a unit is registered to make: reports and flows from the unit are accepted for these only. */
export const UnitProduct = defineEntity({
  name: 'UnitProduct',
  tableName: 'unit_product',
  uniques: [{ properties: ['unit', 'product'] }],
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(ProductionUnit).index(),
    product: () => p.manyToOne(Product).index(),
  },
});
