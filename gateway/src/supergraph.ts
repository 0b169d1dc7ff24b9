/**
 * @apollo/gateway refuses a supergraph that links authorization features "for: SECURITY", since it cannot
 * enforce them (Apollo Router and Hive Gateway can). Each subgraph enforces @authenticated / @requiresScopes /
 * @policy itself, from the signed context, so the gateway may serve them as plain metadata: it loads the
 * committed supergraph with only those links' purpose dropped. The committed file stays as composed, for the
 * gateways that do enforce. @inaccessible, also linked for SECURITY, keeps its purpose: @apollo/gateway enforces
 * it, leaving the subgraphs' plumbing fields out of the API schema.
 */
const SECURITY_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[0-9.]+"), for: SECURITY\)/g;

export function supergraphForApolloGateway(supergraphSdl: string): string {
  return supergraphSdl.replace(SECURITY_LINK, '$1)');
}
