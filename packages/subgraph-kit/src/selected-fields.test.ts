import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './selected-fields.js';

describe('selectedFields', () => {
  it('lists the fields under the resolved one, through named and inline fragments', async () => {
    const schema = buildSchema('type Figures { a: Int b: Int c: Int d: Int } type Query { figures: Figures }');
    let seen: Set<string> | undefined;
    const document = parse(`{ figures { a ...F ... on Figures { c } ... @include(if: false) { d } } } fragment F on Figures { b }`);
    await execute({ schema, document, rootValue: { figures: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => ((seen = selectedFields(info)), {}) } });
    expect([...seen!].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
