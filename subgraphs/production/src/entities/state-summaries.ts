import { defineEntity, p } from '@mikro-orm/core';

/**
 * Summaries keyed by the state of the owning body (`body_state.state_id`; '' while a body's state is unknown, so
 * the nation still counts it), kept current by triggers on the fact tables in the same transaction as every
 * write (summaries/triggers.ts). A state's or the nation's figures read these few thousand rows instead of
 * joining tens of thousands of bodies with millions of reports.
 */

/** Output and report count per (state, month, product). */
export const StateOutput = defineEntity({
  name: 'StateOutput',
  tableName: 'production_state_output',
  properties: {
    stateId: p.string().length(40).primary(),
    month: p.string().length(7).primary(),
    productId: p.integer().primary(),
    quantity: p.bigint('bigint').default(0),
    reports: p.integer().default(0),
  },
});

/** The same per type of unit, for the output by unit type. */
export const StateTypeOutput = defineEntity({
  name: 'StateTypeOutput',
  tableName: 'production_state_type_output',
  properties: {
    stateId: p.string().length(40).primary(),
    month: p.string().length(7).primary(),
    unitType: p.string().length(30).primary(),
    productId: p.integer().primary(),
    quantity: p.bigint('bigint').default(0),
    reports: p.integer().default(0),
  },
});

/**
 * ACTIVE units and their workers per (state, month founded, type). A period ending mid-month adds the units
 * founded in that month up to its last day from the unit table (loaders/state-rollups.ts).
 */
export const StateUnits = defineEntity({
  name: 'StateUnits',
  tableName: 'production_state_units',
  properties: {
    stateId: p.string().length(40).primary(),
    foundedMonth: p.string().length(7).primary(),
    unitType: p.string().length(30).primary(),
    units: p.integer().default(0),
    workers: p.bigint('bigint').default(0),
  },
});
