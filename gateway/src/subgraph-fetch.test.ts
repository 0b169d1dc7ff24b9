import { describe, expect, it } from 'vitest';
import { isMutation } from './subgraph-fetch.js';

const body = (query: string, variables: unknown = {}) => JSON.stringify({ query, variables });

describe('isMutation (what the gateway never retries nor shares)', () => {
  it('tells the planned mutations from the planned queries', () => {
    expect(isMutation(body('mutation($a:ID!){recordReport(id:$a){id}}'))).toBe(true);
    expect(isMutation(body('\n  mutation Named { x }'))).toBe(true);
    expect(isMutation(body('query($representations:[_Any!]!){_entities(representations:$representations){__typename}}'))).toBe(false);
    expect(isMutation(body('{ states { id } }'))).toBe(false);
  });

  it('is not fooled by the word inside a query or its variables', () => {
    expect(isMutation(body('query { mutationLog { id } }'))).toBe(false);
    expect(isMutation(body('{ x }', { note: 'mutation of the ledger' }))).toBe(false);
  });

  it('treats a body it cannot read as a mutation (never retried)', () => {
    expect(isMutation('{"query":"mutation')).toBe(true);
  });
});
