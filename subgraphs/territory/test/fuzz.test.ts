import { fuzzSeed, testDatabases } from '@comuna/subgraph-kit/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

/** Codes a refused request may carry; anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
const CLIENT_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED'];

const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', ' ', "'; drop table communal_council; --", '%', '_', '\\', '\u0000', 'ñandú', '🙂'.repeat(80), 'x'.repeat(5000)),
);
const id = fc.oneof(
  fc.constantFrom('council:1', 'council:2', 'council:112', 'commune:1', 'commune:5', 'commune:11', 'city:1', 'circuit:1', 'parish:1', 'state:10'),
  fc.tuple(fc.constantFrom('council', 'commune', 'city', 'circuit', 'parish', 'state', 'nope'), fc.integer({ min: -5, max: 2 ** 53 })).map(([k, n]) => `${k}:${n}`),
  hostileString,
);
const date = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2025-02-30', '2024-13-01', '0000-00-00', '99999-01-01'),
  hostileString,
);
const count = fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.constantFrom(0, 149, 150, 400, 401, 2 ** 31 - 1, -(2 ** 31)));
const enumOf = <T extends string>(...values: T[]) => fc.constantFrom(...values);

const MUTATIONS: [string, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }',
    fc.record({ name: hostileString, parishId: id, setting: enumOf('URBAN', 'RURAL', 'INDIGENOUS'), families: count, population: count, households: fc.option(count), code: fc.option(hostileString), registeredOn: fc.option(date), circuitId: fc.option(id) }),
  ],
  [
    'mutation($input: FormCommuneInput!) { formCommune(input: $input) { id } }',
    fc.record({ name: hostileString, kind: enumOf('URBAN', 'RURAL', 'MIXED', 'INDIGENOUS'), councilIds: fc.array(id, { maxLength: 70 }), foundedOn: date, areaHectares: fc.option(fc.oneof(hostileString, fc.constantFrom('12.5', '-1', '1e9', '0'))), code: fc.option(hostileString) }),
  ],
  [
    'mutation($input: AdvanceCommuneFormationInput!) { advanceCommuneFormation(input: $input) { id } }',
    fc.record({ communeId: id, step: enumOf('PROMOTER_COMMISSION', 'FOUNDING_CHARTER', 'REFERENDUM', 'REGISTRATION'), completedOn: date }),
  ],
  ['mutation($input: FormCommunalCityInput!) { formCommunalCity(input: $input) { id } }', fc.record({ name: hostileString, communeIds: fc.array(id, { maxLength: 20 }), foundedOn: date, code: fc.option(hostileString) })],
  ['mutation($input: FormCommunalCircuitInput!) { formCommunalCircuit(input: $input) { id } }', fc.record({ name: hostileString, councilIds: fc.array(id, { maxLength: 20 }), communeId: fc.option(id), formedOn: date })],
  [
    'mutation($input: ChangeRegistryStatusInput!) { changeRegistryStatus(input: $input) { id } }',
    fc.record({ bodyId: id, status: enumOf('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'), effectiveOn: date, reason: hostileString }),
  ],
  ['mutation($input: UpdateCensusInput!) { updateCensus(input: $input) { id } }', fc.record({ councilId: id, families: count, households: count, population: count, asOf: date })],
];

const QUERIES: [string, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    'query($f: CommunalCouncilFilter, $first: Int, $after: String) { communalCouncils(filter: $f, first: $first, after: $after) { totalCount edges { node { id } } } }',
    fc.record({ f: fc.option(fc.record({ stateId: fc.option(id), communeId: fc.option(id), nameContains: fc.option(hostileString) })), first: fc.option(count), after: fc.option(hostileString) }),
  ],
  ['query($id: ID, $code: String) { commune(id: $id, code: $code) { id } territory(id: "commune:1") { id } }', fc.record({ id: fc.option(id), code: fc.option(hostileString) })],
  ['query($id: ID!) { territory(id: $id) { id census { population } scope { councilIds } } }', fc.record({ id })],
];

describe.each(await testDatabases())('fuzzed inputs on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());
  const runs = database.kind === 'sqlite' ? 300 : 60;

  it.each(MUTATIONS.map(([query, input]) => [query.slice(query.indexOf('{') + 2, query.indexOf('(input')), query, input] as const))(
    '%s: never a 500, and a refusal writes nothing',
    async (_name, query, input) => {
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = await t.snapshot();
          const result = await t.run(query, { input: value });
          if (result.errors) {
            expect(CLIENT_CODES, JSON.stringify(result.errors[0])).toContain(result.errors[0]!.extensions!.code);
            expect(await t.snapshot()).toBe(before);
          }
        }),
        { numRuns: runs, seed: fuzzSeed },
      );
    },
    120_000,
  );

  it('query arguments: never a 500', async () => {
    for (const [query, variables] of QUERIES) {
      await fc.assert(
        fc.asyncProperty(variables, async (value) => {
          const result = await t.run(query, value);
          for (const error of result.errors ?? []) expect(CLIENT_CODES, JSON.stringify(error)).toContain(error.extensions!.code);
        }),
        { numRuns: runs, seed: fuzzSeed },
      );
    }
  }, 120_000);
});
