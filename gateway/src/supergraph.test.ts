import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supergraphForApolloGateway } from './supergraph.js';

describe('supergraph for @apollo/gateway', () => {
  const committed = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');

  it('drops only the SECURITY purpose of the authorization links', () => {
    const served = supergraphForApolloGateway(committed);
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(served).not.toMatch(/(authenticated|requiresScopes|policy)\/v[0-9.]+", for: SECURITY/);
    expect(served).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    expect(served).toContain('@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)');
    // @inaccessible keeps its purpose: @apollo/gateway enforces it (the plumbing fields stay out of its API schema).
    expect(served).toContain('@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)');
    const dropped = (committed.match(/(authenticated|requiresScopes|policy)\/v[0-9.]+", for: SECURITY/g) ?? []).length;
    expect(dropped).toBeGreaterThan(0);
    expect(served.replace(/\s/g, '').length).toBe(committed.replace(/\s/g, '').length - dropped * ',for:SECURITY'.length);
  });
});
