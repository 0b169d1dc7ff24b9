import { defineEntity, p } from '@mikro-orm/core';
import { Product } from './product.js';
import { ProductionUnit } from './production-unit.js';
import { provenanceProperties } from './provenance.js';

/**
 * The current figure of one unit × product × month. The unique constraint is the idempotency rule in the
 * database: a retried submission can never add a second row, whatever the application does.
 */
export const ProductionReport = defineEntity({
  name: 'ProductionReport',
  tableName: 'production_report',
  uniques: [{ properties: ['unit', 'product', 'month'] }],
  indexes: [{ properties: ['month'] }],
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(ProductionUnit).index(),
    product: () => p.manyToOne(Product).index(),
    // YYYY-MM: sorts chronologically as text on both databases.
    month: p.string().length(7),
    quantity: p.bigint('bigint'),
    revision: p.integer(),
    ...provenanceProperties(),
  },
});
