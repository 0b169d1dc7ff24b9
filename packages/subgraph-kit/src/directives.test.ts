import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actorFrom, anonymous } from './actor.js';
import { enforceRequirements } from './directives.js';

const typeDefs = parse(`
  type Query { open: String }
  type Mutation { write: String @authenticated @requiresScopes(scopes: [["registry:write"], ["governance:write", "budget:write"]]) }
  type Secret @key(fields: "id") @authenticated { id: ID! name: String }
`);

const clerk = actorFrom('c', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]);
const auditor = actorFrom('a', [{ role: 'AUDITOR', bodies: ['*'] }]);
const spokesperson = actorFrom('s', [{ role: 'SPOKESPERSON', bodies: ['commune:1'] }]);

describe('SDL authorization directives', () => {
  const resolvers = enforceRequirements(typeDefs, { Mutation: { write: () => 'done' }, Query: { open: () => 'public' } }) as any;

  it('lets public fields through untouched', () => {
    expect(resolvers.Query.open()).toBe('public');
  });

  it('checks @authenticated and any one of the @requiresScopes sets', () => {
    const call = (actor: unknown) => resolvers.Mutation.write({}, {}, { actor }, {});
    expect(() => call(anonymous)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => call(auditor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(call(clerk)).toBe('done');
    expect(call(spokesperson)).toBe('done');
  });

  it('guards entity resolution (__resolveReference) of a guarded type, which field transforms miss', () => {
    expect(() => resolvers.Secret.__resolveReference({ id: '1' }, { actor: anonymous }, {})).toThrow(/needs a signed-in user/);
    expect(resolvers.Secret.__resolveReference({ id: '1' }, { actor: auditor }, {})).toEqual({ id: '1' });
    expect(() => resolvers.Secret.name({ name: 'x' }, {}, { actor: anonymous }, { fieldName: 'name' })).toThrow(/needs a signed-in user/);
  });
});
