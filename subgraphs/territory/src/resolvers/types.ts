import { selectedFields, toGlobalId } from '@comuna/subgraph-kit';
import { bodyGlobalId } from '../bodies.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AnyBodyRow, ProvenanceRow, RegistryRow } from '../rows.js';
import { allStates, territoryById } from './lookup.js';

const registry = (row: AnyBodyRow): RegistryRow => ({ bodyId: bodyGlobalId(row), code: row.code, registeredOn: row.registeredOn, status: row.status, version: row.version });
const provenance = (row: ProvenanceRow): ProvenanceRow => row;
// An unknown id resolves to null, which Apollo turns into a null entity; the generated types expect the row.
const reference = { __resolveReference: (ref: { id: string }, ctx: Parameters<typeof territoryById>[0]) => territoryById(ctx, ref.id) as Promise<never> };

/** Field resolvers of the map and the communal bodies; every relation goes through a loader. */
export const typeResolvers: Resolvers = {
  Territory: {
    __resolveType: (row) => row.__typename,
    __resolveReference: (ref, ctx) => territoryById(ctx, ref.id),
  },
  RegistryBody: { __resolveType: (row) => row.__typename },
  Nation: {
    ...reference,
    level: () => 'NATION',
    name: () => 'Venezuela',
    census: (_row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load('nation:ve'),
    scope: (_row, _args, ctx) => ctx.loaders.scope.load('nation:ve'),
    states: (_row, _args, ctx) => allStates(ctx),
  },
  State: {
    ...reference,
    id: (row) => toGlobalId('state', row.id),
    level: () => 'STATE',
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('state', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('state', row.id)),
    municipalities: (row, _args, ctx) => ctx.loaders.municipalitiesByState.load(row.id),
  },
  Municipality: {
    ...reference,
    id: (row) => toGlobalId('municipality', row.id),
    level: () => 'MUNICIPALITY',
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('municipality', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('municipality', row.id)),
    state: async (row, _args, ctx) => (await ctx.loaders.state.load(row.stateId))!,
    parishes: (row, _args, ctx) => ctx.loaders.parishesByMunicipality.load(row.id),
    provenance,
  },
  Parish: {
    ...reference,
    id: (row) => toGlobalId('parish', row.id),
    level: () => 'PARISH',
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('parish', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('parish', row.id)),
    municipality: async (row, _args, ctx) => (await ctx.loaders.municipality.load(row.municipalityId))!,
    provenance,
  },
  CommunalCouncil: {
    ...reference,
    id: (row) => toGlobalId('council', row.id),
    level: () => 'COMMUNAL_COUNCIL',
    // A council's own figures are on its row: no query needed.
    census: (row) => ({ households: row.households, families: row.families, population: row.population, councils: 1 }),
    scope: (row) => ({ everything: false, councilIds: [toGlobalId('council', row.id)], communeIds: [], circuitIds: [], stateId: null }),
    parish: async (row, _args, ctx) => (await ctx.loaders.parish.load(row.parishId))!,
    state: async (row, _args, ctx) => (await ctx.loaders.state.load(row.stateId))!,
    commune: (row, _args, ctx) => (row.communeId === null ? null : ctx.loaders.commune.load(row.communeId)),
    circuit: (row, _args, ctx) => (row.circuitId === null ? null : ctx.loaders.circuit.load(row.circuitId)),
    registry,
    provenance,
  },
  Commune: {
    ...reference,
    id: (row) => toGlobalId('commune', row.id),
    level: () => 'COMMUNE',
    centroid: (row) => (row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude }),
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('commune', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('commune', row.id)),
    seatState: async (row, _args, ctx) => (await ctx.loaders.state.load(row.seatStateId))!,
    states: async (row, _args, ctx) => {
      const links = await ctx.loaders.stateIdsOfCommune.load(row.id);
      const states = await ctx.loaders.state.loadMany(links.map((l) => l.stateId));
      return states.filter((s) => s && !(s instanceof Error)) as never;
    },
    councils: (row, _args, ctx) => ctx.loaders.councilsByCommune.load(row.id),
    communalCity: (row, _args, ctx) => (row.communalCityId === null ? null : ctx.loaders.city.load(row.communalCityId)),
    registry,
    provenance,
  },
  CommunalCity: {
    ...reference,
    id: (row) => toGlobalId('city', row.id),
    level: () => 'COMMUNAL_CITY',
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('city', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('city', row.id)),
    communes: (row, _args, ctx) => ctx.loaders.communesByCity.load(row.id),
    registry,
    provenance,
  },
  CommunalCircuit: {
    ...reference,
    id: (row) => toGlobalId('circuit', row.id),
    level: () => 'COMMUNAL_CIRCUIT',
    census: (row, _args, ctx, info) => ctx.loaders.census.of(selectedFields(info)).load(toGlobalId('circuit', row.id)),
    scope: (row, _args, ctx) => ctx.loaders.scope.load(toGlobalId('circuit', row.id)),
    state: async (row, _args, ctx) => (await ctx.loaders.state.load(row.stateId))!,
    commune: (row, _args, ctx) => (row.communeId === null ? null : ctx.loaders.commune.load(row.communeId)),
    councils: (row, _args, ctx) => ctx.loaders.councilsByCircuit.load(row.id),
    registry,
    provenance,
  },
  RegistryRecord: {
    history: async (row, _args, ctx) => (await ctx.loaders.history.load(row.bodyId)) as never,
  },
  Provenance: {
    synthetic: (row) => row.syntheticFields.length > 0,
  },
};
