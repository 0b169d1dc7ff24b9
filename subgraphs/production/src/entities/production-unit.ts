import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const UNIT_TYPES = ['DIRECT_COMMUNAL', 'INDIRECT_COMMUNAL', 'FAMILY', 'SOCIAL_EXCHANGE_GROUP'] as const;
export const SECTORS = ['AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'MANUFACTURING', 'DISTRIBUTION', 'RECYCLING', 'SERVICES'] as const;
export const UNIT_STATUSES = ['ACTIVE', 'PAUSED', 'CLOSED'] as const;

/** A socially-owned production unit; `ownerId` is territory's global id of the commune or council that owns it. */
export const ProductionUnit = defineEntity({
  name: 'ProductionUnit',
  tableName: 'production_unit',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(40).unique(),
    name: p.string().length(200).index(),
    type: p.enum(UNIT_TYPES).index(),
    sector: p.enum(SECTORS),
    ownerId: p.string().length(40).index(),
    workers: p.integer(),
    // Indexed for the units founded in the last, partial month of a period (state summaries are by month).
    foundedOn: p.string().length(10).index(),
    status: p.enum(UNIT_STATUSES).index(),
    ...provenanceProperties(),
  },
});
