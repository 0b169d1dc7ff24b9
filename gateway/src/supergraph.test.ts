import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supergraphForApolloGateway } from './supergraph.js';

describe('supergraph for @apollo/gateway', () => {
  const committed = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');

  it('drops only the SECURITY purpose of the authorization links', () => {
    const served = supergraphForApolloGateway(committed);
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(served).not.toContain('for: SECURITY');
    expect(served).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
    expect(served).toContain('@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)');
    expect(served.replace(/\s/g, '').length).toBe(committed.replace(/\s/g, '').replaceAll(',for:SECURITY', '').length);
  });
});
