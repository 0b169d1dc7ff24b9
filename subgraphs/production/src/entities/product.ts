import { defineEntity, p } from '@mikro-orm/core';
import { MEASURE_UNITS } from '../units.js';
import { provenanceProperties } from './provenance.js';

/** A product of the catalogue; every quantity of it is recorded in its one unit. */
export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(60).unique(),
    name: p.string().length(120).index(),
    unit: p.enum(MEASURE_UNITS),
    food: p.boolean(),
    // Reference need per person per month, scaled like every quantity (3 places), in the product's unit.
    monthlyNeedPerPerson: p.bigint('bigint').nullable(),
    ...provenanceProperties(),
  },
});
