import { defineEntity, p } from '@mikro-orm/core';
import { CommunalCity } from './communal-city.js';
import { provenanceProperties } from './provenance.js';
import { registryProperties } from './registry-columns.js';
import { State } from './state.js';

export const COMMUNE_KINDS = ['URBAN', 'RURAL', 'MIXED', 'INDIGENOUS'] as const;
export const FORMATION_STEPS = ['PROMOTER_COMMISSION', 'FOUNDING_CHARTER', 'REFERENDUM', 'REGISTRATION'] as const;
export type FormationStep = (typeof FORMATION_STEPS)[number];

/** A commune; its councils point at it. */
export const Commune = defineEntity({
  name: 'Commune',
  tableName: 'commune',
  // Covers the registry-statistics counts of communes (by seat state, status, kind, registered or not).
  indexes: [{ name: 'commune_registry_counts_index', properties: ['seatState', 'status', 'kind', 'registeredOn'] }],
  properties: {
    id: p.integer().primary(),
    ...registryProperties(),
    kind: p.enum(COMMUNE_KINDS).index(),
    formationStep: p.enum(FORMATION_STEPS),
    foundedOn: p.string().length(10),
    // Exact decimal kept as text: areas are reported, not computed on, and must round-trip unchanged.
    areaHectares: p.string().length(30).nullable(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    boundary: p.json<Record<string, unknown>>().nullable(),
    seatState: () => p.manyToOne(State).index(),
    communalCity: () => p.manyToOne(CommunalCity).nullable().index(),
    ...provenanceProperties(),
  },
});
