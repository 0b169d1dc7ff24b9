import { anonymous, CONTEXT_HEADER, encodeActor, signRequest } from '@comuna/subgraph-kit';
import { traceHeaders } from '@comuna/subgraph-kit/tracing';
import { GraphQLError } from 'graphql';

/** What governance needs to know about a body from territory, at the moment it records something about it. */
export interface BodyFacts {
  bodyId: string;
  kind: 'council' | 'commune';
  name: string;
  status: string;
  /** Families of a council; councils of a commune. */
  size: number;
  /** Where `size` came from, stored with the assembly so the figure used stays traceable. */
  source: string;
  /** The state it counts in (a council's state, a commune's seat state), kept in body_state for the state summaries. */
  stateId: string;
}

export interface TerritoryClient {
  /** The body's facts, or null when territory has no such body. */
  body(bodyId: string): Promise<BodyFacts | null>;
}

const QUERY = `query GovernanceBodyFacts($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on CommunalCouncil { id name censusAsOf census { families } registry { status } state { id } }
  ... on Commune { id name census { councils } registry { status } seatState { id } }
} }`;

const unavailable = (detail: string) =>
  new GraphQLError(`The territory service could not tell the body's size (${detail}); nothing was recorded, try again shortly`, {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });

/**
 * Asks territory's GraphQL API (never its tables) through Federation's `_entities`, as the gateway would. Body
 * sizes are read at write time and stored with the record, so a later census does not rewrite history.
 * Subgraphs answer only signed requests, so with a context secret the request is signed as an anonymous reader
 * (census figures are public); without one (open trust mode, development) it goes unsigned.
 */
export function httpTerritoryClient(url: string, timeoutMs: number, contextSecret?: string): TerritoryClient {
  return {
    async body(bodyId) {
      const kind = bodyId.startsWith('council:') ? 'council' : 'commune';
      const typename = kind === 'council' ? 'CommunalCouncil' : 'Commune';
      let payload: { data?: { _entities?: (Record<string, any> | null)[] }; errors?: { message: string }[] };
      const body = JSON.stringify({ query: QUERY, variables: { representations: [{ __typename: typename, id: bodyId }] } });
      const context = encodeActor(anonymous);
      const signed = contextSecret ? { [CONTEXT_HEADER]: context, ...signRequest(contextSecret, context, body) } : {};
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signed, ...traceHeaders() },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        payload = (await response.json()) as typeof payload;
      } catch (error) {
        throw unavailable(error instanceof Error ? error.message : String(error));
      }
      if (payload.errors?.length) throw unavailable(payload.errors[0]!.message);
      const entity = payload.data?._entities?.[0];
      if (!entity) return null;
      if (kind === 'council') {
        return { bodyId, kind, name: entity.name, status: entity.registry.status, size: entity.census.families, source: `territory census of ${entity.censusAsOf ?? 'unknown date'}`, stateId: entity.state.id };
      }
      return { bodyId, kind, name: entity.name, status: entity.registry.status, size: entity.census.councils, source: `territory registry: ${entity.census.councils} councils`, stateId: entity.seatState.id };
    },
  };
}
