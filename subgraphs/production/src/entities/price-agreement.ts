import { defineEntity, p } from '@mikro-orm/core';
import { Product } from './product.js';
import { provenanceProperties } from './provenance.js';

/** A fair price set by a producers' council from its costs, for a period (José Pío Tamayo's feed price). */
export const PriceAgreement = defineEntity({
  name: 'PriceAgreement',
  tableName: 'price_agreement',
  properties: {
    id: p.integer().primary(),
    product: () => p.manyToOne(Product).index(),
    bodyId: p.string().length(40).index(),
    councilName: p.string().length(200),
    // Cents (scale 2) per unit of measure.
    unitCost: p.bigint('bigint'),
    price: p.bigint('bigint'),
    currency: p.string().length(3),
    validFrom: p.string().length(10),
    validTo: p.string().length(10).nullable(),
    basis: p.string().length(1000),
    ...provenanceProperties(),
  },
});
