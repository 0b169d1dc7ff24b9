import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fuzzMutation, mutationFuzzCases } from './fuzz.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])
  scalar Date
  enum Kind { A B }
  input Thing { name: String! when: Date! kind: Kind ids: [ID!]! size: Int }
  type Result @key(fields: "id") { id: ID! }
  type Query { x: Int }
  type Mutation { make(input: Thing!): Result! flag(on: Boolean): Boolean }
`);

describe('schema-driven mutation fuzzing', () => {
  const cases = mutationFuzzCases(typeDefs, ['thing']);

  it('builds one well-formed operation per mutation from the SDL', () => {
    expect(cases.map((c) => c.query)).toEqual(['mutation($input: Thing!) { make(input: $input) { __typename } }', 'mutation($on: Boolean) { flag(on: $on) }']);
  });

  // fast-check reports the failing property's own error as the cause of its report.
  const failure = (promise: Promise<unknown>) => promise.then(() => '', (error: Error) => `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`);

  it('fails on an internal error, and on a refusal that changed the database', async () => {
    let rows = 0;
    const internal = { run: async () => ({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), snapshot: async () => 'same' };
    expect(await failure(fuzzMutation(internal, cases[0]!, 5))).toMatch(/answered INTERNAL_SERVER_ERROR/);
    const leaky = { run: async () => ((rows += 1), { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }), snapshot: async () => String(rows) };
    expect(await failure(fuzzMutation(leaky, cases[0]!, 5))).toMatch(/changed the database/);
    const sound = { run: async () => ({ errors: [{ extensions: { code: 'CONFLICT' } }] }), snapshot: async () => 'same' };
    await fuzzMutation(sound, cases[0]!, 20);
  });
});
