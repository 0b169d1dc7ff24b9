import { defineEntity, p } from '@mikro-orm/core';
import { PriceAgreement } from './price-agreement.js';
import { Product } from './product.js';
import { ProductionUnit } from './production-unit.js';
import { provenanceProperties } from './provenance.js';

export const DESTINATIONS = ['BODY', 'HOUSEHOLDS'] as const;

/**
 * A product moved between bodies. Both ends are kept as territory global ids (the sender is copied from the
 * unit when one is named) so that boundary roll-ups need only these columns.
 */
export const ExchangeFlow = defineEntity({
  name: 'ExchangeFlow',
  tableName: 'exchange_flow',
  properties: {
    id: p.integer().primary(),
    product: () => p.manyToOne(Product).index(),
    quantity: p.bigint('bigint'),
    fromUnit: () => p.manyToOne(ProductionUnit).nullable().index(),
    fromBodyId: p.string().length(40).index(),
    toBodyId: p.string().length(40).index(),
    destination: p.enum(DESTINATIONS),
    households: p.integer().nullable(),
    // Money in cents (scale 2) per unit of measure.
    pricePerUnit: p.bigint('bigint'),
    currency: p.string().length(3),
    date: p.string().length(10).index(),
    priceAgreement: () => p.manyToOne(PriceAgreement).nullable(),
    ...provenanceProperties(),
  },
});
