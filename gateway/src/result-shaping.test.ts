import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as Internals from '@apollo/federation-internals';
import {
  buildSchema as buildGraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { seededRandom } from '@comuna/sample-data';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';
import { computeResponse } from './result-shaping.js';
import { fromGateway } from './gateway-require.js';

const fed = fromGateway('@apollo/federation-internals') as typeof Internals;
/** Apollo's own `computeResponse`, from a fresh copy of its module (server.ts replaced the export of the loaded one). */
function apolloComputeResponse(): typeof computeResponse {
  const path = fromGateway.resolve('./resultShaping.js');
  const cached = fromGateway.cache[path];
  delete fromGateway.cache[path];
  try {
    return (fromGateway('./resultShaping.js') as { computeResponse: typeof computeResponse }).computeResponse;
  } finally {
    if (cached) fromGateway.cache[path] = cached;
  }
}
const apollo = apolloComputeResponse();
// sha256 of @apollo/gateway 2.14.4's dist/resultShaping.js, the code result-shaping.ts reproduces.
const PORTED_FROM = 'eb49b81fe4ba3b7b44d24c6279d92aab2a148f89e93737a8671753156b1b8466';

const SDL = `
  type Query { states: [State!]! node(id: ID!): Node search: [SearchResult] count: Int ratio: Float flag: Boolean kind: Kind when: Date ids: [ID!] matrix: [[Int]!] }
  scalar Date
  enum Kind { COMMUNE COUNCIL }
  interface Node { id: ID! }
  type State implements Node { id: ID! name: String! population: Int production: Production! outputs: [Output!] tags: [String!]! }
  type Production { units: Int! quantity: Float }
  type Output { code: String! quantity: Float! kind: Kind }
  type Commune implements Node { id: ID! name: String kind: Kind! }
  union SearchResult = State | Commune
`;

const OPERATIONS: { query: string; variables?: Record<string, unknown>[] }[] = [
  { query: '{ states { name population production { units quantity } outputs { code quantity kind } tags } }' },
  { query: '{ states { id ... on State { name n2: name production { units } } ... on Node { id } production { quantity } outputs { code } outputs { quantity } } }' },
  {
    query: 'query($s: Boolean!, $i: Boolean = true) { states { name @skip(if: $s) population @include(if: $i) production @include(if: false) { units } ... on State @skip(if: $s) { tags } } }',
    variables: [{ s: true }, { s: false }, { s: false, i: false }],
  },
  { query: '{ node(id: "1") { __typename tn: __typename id ... on State { name outputs { kind } } ... on Commune { kind } } search { __typename ... on State { id } ... on Commune { name } ... on Node { id } } }' },
  // Fragments inside a fragment on an interface: the inner type conditions are decided by each object's __typename.
  { query: '{ search { ... on Node { tn: __typename ... on State { name population } ... on Commune { kind } } } node(id: "2") { ... on Node { ... on State { tags } ... on Commune { name } } } }' },
  { query: '{ t: __typename count ratio flag kind when ids matrix }' },
  { query: '{ node(id: "x") { ...F ... on State { name } } } fragment F on Commune { id name kind }' },
  { query: '{ __schema { queryType { name } } states { name } }' },
];

/**
 * What the gateway's executor could hand over for a query: every selected response name filled by its type, with
 * a share of the values broken as a subgraph might break them (null, missing, a value of the wrong type, an unknown
 * or non-object __typename, a list where an object belongs and the other way round).
 */
function generator(schema: ReturnType<typeof buildGraphQLSchema>, fragments: Map<string, FragmentDefinitionNode>, rnd: () => number, breakRate: number) {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const wrongLeaf = () => pick<unknown>(['x', 1.5, 7, true, { a: 1 }, [1], Number.NaN, 1e21, -0]);

  function leaf(type: GraphQLOutputType): unknown {
    const named = getNamedType(type);
    if (isEnumType(named)) return pick([...named.getValues().map((v) => v.name), 'NOPE']);
    if (isScalarType(named)) {
      switch (named.name) {
        case 'Int': return pick([0, 3, -12, 2 ** 40]);
        case 'Float': return pick([0.5, 3, -1.25e3]);
        case 'Boolean': return rnd() < 0.5;
        case 'ID': return pick(['1', 42, 'state:3']);
        case 'String': return pick(['Zulia', '', 'Mérida']);
        default: return pick(['2026-01-01', 5, { any: true }]);
      }
    }
    throw new Error(`not a leaf: ${String(type)}`);
  }

  function value(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, depth: number): unknown {
    if (rnd() < breakRate) {
      const broken = rnd();
      if (broken < 0.5) return null;
      if (broken < 0.65) return undefined;
      if (selectionSet) return rnd() < 0.2 ? 'not an object' : rnd() < 0.5 ? [] : { __typename: pick(['Nope', 'Kind', 'Query']) };
      return wrongLeaf();
    }
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const length = depth > 3 ? 0 : Math.floor(rnd() * 4);
      return Array.from({ length }, () => value(nullable.ofType as GraphQLOutputType, selectionSet, depth + 1));
    }
    if (!selectionSet) return leaf(nullable);
    const named = getNamedType(nullable) as GraphQLCompositeType;
    const concrete = isAbstractType(named) ? pick(schema.getPossibleTypes(named)) : (named as GraphQLObjectType);
    const object: Record<string, unknown> = {};
    if (isAbstractType(named) || rnd() < 0.3) object.__typename = concrete.name;
    fill(object, concrete, selectionSet, depth + 1);
    return object;
  }

  function fill(object: Record<string, unknown>, type: GraphQLObjectType, selectionSet: SelectionSetNode, depth: number): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        const responseName = selection.alias?.value ?? name;
        if (name.startsWith('__')) {
          if (name === '__typename' && rnd() < 0.5) object[responseName] = type.name;
          continue;
        }
        const field = type.getFields()[name];
        if (!field) continue;
        const v = value(field.type, selection.selectionSet, depth);
        if (v !== undefined && object[responseName] === undefined) object[responseName] = v;
      } else {
        const definition = selection.kind === 'FragmentSpread' ? fragments.get(selection.name.value)! : selection;
        const condition = definition.typeCondition ? schema.getType(definition.typeCondition.name.value) : type;
        const applies = condition === type || (condition && isAbstractType(condition) && schema.isSubType(condition, type));
        if (applies) fill(object, type, definition.selectionSet, depth);
      }
    }
  }

  return (query: ReturnType<typeof parse>) => {
    const operation = query.definitions.find((d) => d.kind === 'OperationDefinition')!;
    const root: Record<string, unknown> = {};
    fill(root, schema.getQueryType()!, operation.selectionSet, 0);
    return root;
  };
}

/** What a client would see: data in key order, errors by message, path and code; or what was thrown. */
function outcome(shape: typeof computeResponse, args: Parameters<typeof computeResponse>[0]): string {
  try {
    const { data, errors } = shape(args);
    return JSON.stringify({ data, errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })) });
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

describe('result shaping', () => {
  const schema = fed.buildSchema(SDL);
  const graphqlSchema = buildGraphQLSchema(SDL);
  const introspectionHandling = (selection: Internals.FieldSelection) => ({ introspected: selection.element.name });

  it('is the one @apollo/gateway calls once the gateway is loaded', () => {
    expect((fromGateway('./resultShaping.js') as { computeResponse: unknown }).computeResponse).toBe(computeResponse);
    expect(apollo).not.toBe(computeResponse);
  });

  it('shapes what the gateway answers: its executor calls the installed function', { timeout: 60_000 }, async () => {
    const unreachable = Object.fromEntries(['TERRITORY', 'GOVERNANCE', 'PRODUCTION', 'BUDGET'].map((n) => [`${n}_URL`, 'http://127.0.0.1:9/graphql']));
    const gateway = createGateway(loadGatewayConfig({ CONTEXT_SECRET: 's'.repeat(32), SUBGRAPH_RETRIES: '0', ...unreachable }));
    const shaping = fromGateway('./resultShaping.js') as { computeResponse: typeof computeResponse };
    let calls = 0;
    shaping.computeResponse = (args) => {
      calls++;
      return computeResponse(args);
    };
    await gateway.start();
    try {
      // No subgraph is called for the root type's name; the answer still goes through result shaping.
      const result = await gateway.executeOperation({ query: '{ __typename t: __typename }' });
      expect(result.body.kind === 'single' && result.body.singleResult).toMatchObject({ data: { __typename: 'Query', t: 'Query' } });
      expect(calls).toBe(1);
    } finally {
      shaping.computeResponse = computeResponse;
      await gateway.stop();
    }
  });

  it('was ported from the resultShaping.js of the @apollo/gateway installed (re-read it and port again when this fails)', () => {
    // A new version may call it with more, or shape differently in cases the generated answers do not reach.
    const source = readFileSync(fromGateway.resolve('./resultShaping.js'));
    expect(createHash('sha256').update(source).digest('hex')).toBe(PORTED_FROM);
  });

  it.each(OPERATIONS.map((o, i) => [i, o] as const))('answers as Apollo’s does, broken answers included (operation %i)', (index, { query, variables = [{}] }) => {
    const document = parse(query);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
    let compared = 0;
    const outcomes = new Set<string>();
    for (const [seed, breakRate] of [[1, 0], [2, 0.05], [3, 0.15], [4, 0.4]] as const) {
      const generate = generator(graphqlSchema, fragments, seededRandom(seed * 1_000 + index), breakRate);
      for (let i = 0; i < 150; i++) {
        const input = generate(document);
        for (const vars of variables) {
          // A fresh operation each time, as the gateway builds one per request.
          const operation = fed.operationFromDocument(schema, document);
          const args = { operation, variables: vars, input, introspectionHandling };
          const expected = outcome(apollo, args);
          expect(outcome(computeResponse, { ...args, operation: fed.operationFromDocument(schema, document) })).toBe(expected);
          // The same operation object twice: steps kept from the first walk must not change the second.
          expect(outcome(computeResponse, args)).toBe(expected);
          expect(outcome(computeResponse, args)).toBe(expected);
          outcomes.add(expected.startsWith('threw') ? 'threw' : expected.includes('"errors":[]') ? 'clean' : 'errors');
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(600);
    // The generated answers reached the clean path and, for every operation, the error paths too.
    expect(outcomes).toContain('clean');
    expect([...outcomes].some((o) => o !== 'clean')).toBe(true);
  });

  it('keeps the edge cases of leaf values: integers written with an exponent, -0, NaN, enums, custom scalars', () => {
    const document = parse('{ count ratio flag kind when ids }');
    for (const value of [0, -0, 1, 2 ** 53, 1e20, 1e21, -1e21, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '7', 'COMMUNE', 'NOPE', true, { a: 1 }]) {
      const input = { count: value, ratio: value, flag: value, kind: value, when: value, ids: [value] };
      const args = { operation: fed.operationFromDocument(schema, document), input, introspectionHandling };
      expect(outcome(computeResponse, args), String(value)).toBe(outcome(apollo, args));
    }
  });

  it('answers response names that an object inherits elsewhere (constructor, toString, __proto__) as its own fields, as Apollo does', () => {
    const document = parse('{ states { constructor: name toString: population __proto__: id hasOwnProperty: tags } }');
    // As a subgraph's answer arrives: JSON.parse makes "__proto__" an own field.
    const input = JSON.parse('{"states":[{"constructor":"Zulia","toString":5,"__proto__":"state:1","hasOwnProperty":["a"]}]}') as Record<string, unknown>;
    const args = { operation: fed.operationFromDocument(schema, document), input, introspectionHandling };
    const shaped = outcome(computeResponse, args);
    expect(shaped).toBe(outcome(apollo, { ...args, operation: fed.operationFromDocument(schema, document) }));
    expect(JSON.parse(shaped)).toEqual(JSON.parse('{"data":{"states":[{"constructor":"Zulia","toString":5,"__proto__":"state:1","hasOwnProperty":["a"]}]},"errors":[]}'));
  });

  it('answers no data as no data, with no errors', () => {
    const operation = fed.operationFromDocument(schema, parse('{ count }'));
    for (const input of [null, undefined]) expect(computeResponse({ operation, input, introspectionHandling })).toEqual(apollo({ operation, input, introspectionHandling }));
  });
});
