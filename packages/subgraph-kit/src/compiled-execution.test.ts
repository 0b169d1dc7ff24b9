import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, GraphQLScalarType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecution } from './compiled-execution.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key", "@interfaceObject"])
  scalar Decimal
  enum Unit { KILOGRAM LITRE }
  enum Destination { BODY HOUSEHOLDS }
  input PeriodInput { from: String!, to: String! }
  input FlowInput { quantity: Decimal!, destination: Destination! = BODY, note: String = "none" }
  type Amount { value: Decimal!, unit: Unit! }
  type Output { code: String!, quantity: Amount!, reports: Int }
  type Territory @key(fields: "id") @interfaceObject {
    id: ID!
    outputs(period: PeriodInput!, first: Int = 3): [Output!]!
    failing: String
    strict: Amount!
  }
  type Flow { quantity: Decimal!, destination: Destination!, note: String }
  type Query { territories(ids: [ID!]!): [Territory!]!, echo(input: FlowInput!): Flow! }
`);

const decimal = new GraphQLScalarType({ name: 'Decimal', serialize: (v) => (typeof v === 'bigint' ? `${v / 100n}.${String(v % 100n).padStart(2, '0')}` : String(v)), parseValue: (v) => String(v) });
const resolvers = {
  Decimal: decimal,
  Query: {
    territories: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })),
    echo: (_: unknown, { input }: { input: Record<string, unknown> }) => input,
  },
  Territory: {
    __resolveReference: async (ref: { id: string }) => ({ id: ref.id }),
    outputs: async (t: { id: string }, { period, first }: { period: { from: string }; first: number }) =>
      Array.from({ length: first }, (_, i) => ({ code: `${t.id}-${period.from}-${i}`, quantity: { value: BigInt(i * 1234 + 5), unit: i % 2 ? 'LITRE' : 'KILOGRAM' }, reports: i === 1 ? null : i })),
    failing: () => {
      throw new GraphQLError('Period out of range', { extensions: { code: 'BAD_USER_INPUT', argument: 'period' } });
    },
    strict: () => null,
  },
};
const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);

const OPERATIONS: [string, Record<string, unknown>][] = [
  [`query($r: [_Any!]!, $p: PeriodInput!) { _entities(representations: $r) { ... on Territory { id outputs(period: $p) { code quantity { value unit } reports } } } }`, { r: [{ __typename: 'Territory', id: 'state:1' }, { __typename: 'Territory', id: 'state:2' }], p: { from: '2025-11-01', to: '2026-10-31' } }],
  [`query($skip: Boolean!) { territories(ids: ["a", "b"]) { id ...F several: outputs(period: { from: "x", to: "y" }, first: 5) @skip(if: $skip) { code } } } fragment F on Territory { outputs(period: { from: "f", to: "g" }, first: 1) { quantity { unit } } }`, { skip: false }],
  [`query($skip: Boolean!) { territories(ids: ["a"]) { id several: outputs(period: { from: "x", to: "y" }) @skip(if: $skip) { code } } }`, { skip: true }],
  [`{ territories(ids: ["a"]) { id failing } }`, {}],
  [`{ territories(ids: ["a", "b"]) { id strict { value } } }`, {}],
  [`query($i: FlowInput!) { echo(input: $i) { quantity destination note } }`, { i: { quantity: '5.5' } }],
  [`query($i: FlowInput!) { echo(input: $i) { quantity destination note } }`, { i: { quantity: '5.5', destination: 'HOUSEHOLDS', note: null } }],
  [`{ _service { sdl } }`, {}],
];

describe('compiled execution', () => {
  let interpreted: ApolloServer;
  let compiled: ApolloServer;
  const gateway = compiledExecution(schema, 4);
  beforeAll(async () => {
    interpreted = new ApolloServer({ schema });
    compiled = new ApolloServer({ gateway });
    await Promise.all([interpreted.start(), compiled.start()]);
  });
  afterAll(async () => {
    await Promise.all([interpreted?.stop(), compiled?.stop()]);
  });

  const run = async (server: ApolloServer, query: string, variables: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };

  it('answers exactly as graphql-js: data, nulls, errors with their codes and paths, defaults, skipped fields', async () => {
    for (const [query, variables] of OPERATIONS) {
      const expected = await run(interpreted, query, variables);
      // Twice: the first compiles the document, the second reuses it.
      expect(JSON.stringify(await run(compiled, query, variables)), query).toBe(JSON.stringify(expected));
      expect(JSON.stringify(await run(compiled, query, variables)), query).toBe(JSON.stringify(expected));
    }
    const failing = await run(compiled, OPERATIONS[3]![0], {});
    expect(failing?.errors?.[0]).toMatchObject({ message: 'Period out of range', path: ['territories', 0, 'failing'], extensions: { code: 'BAD_USER_INPUT', argument: 'period' } });
    const defaulted = await run(compiled, OPERATIONS[5]![0], OPERATIONS[5]![1]);
    expect(defaulted?.data).toEqual({ echo: { quantity: '5.5', destination: 'BODY', note: 'none' } });
  });

  it('refuses bad variables as graphql-js does, with the same message', async () => {
    const query = `query($p: PeriodInput!) { territories(ids: ["a"]) { outputs(period: $p) { code } } }`;
    for (const variables of [{ p: { from: 'x' } }, { p: { from: 1, to: 'y' } }, {}]) {
      const expected = await run(interpreted, query, variables);
      expect(expected?.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(await run(compiled, query, variables))).toBe(JSON.stringify(expected));
    }
  });

  it('builds plain objects, which serialize on the fast path (graphql-js builds null-prototype ones)', async () => {
    const query = OPERATIONS[0]![0];
    const response = await compiled.executeOperation({ query, variables: OPERATIONS[0]![1] });
    const data = (response.body as unknown as { singleResult: { data: { _entities: object[] } } }).singleResult.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data._entities[0])).toBe(Object.prototype);
  });

  it('keeps at most its capacity of documents', async () => {
    for (let i = 0; i < 6; i++) await run(compiled, `{ territories(ids: ["${i}"]) { id } }`, {});
    expect(gateway.compiled).toBe(4);
  });
});
