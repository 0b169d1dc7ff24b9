import { sampleTerritory } from '@comuna/sample-data';
import { anonymous, CONTEXT_HEADER, encodeActor, kindOfGlobalId, signRequest, tryParseGlobalId } from '@comuna/subgraph-kit';

/** The kinds of body production records facts against: production units belong to communes and councils. */
export const OWNER_KINDS = ['commune', 'council'] as const;

/** A well-formed `commune:<n>` or `council:<n>`, or undefined. */
export function ownerKind(id: string): (typeof OWNER_KINDS)[number] | undefined {
  const kind = kindOfGlobalId(id);
  return kind && (OWNER_KINDS as readonly string[]).includes(kind) && tryParseGlobalId(id, kind) !== undefined ? (kind as 'commune' | 'council') : undefined;
}

/**
 * Which communal bodies exist. Territory owns them and production never reads its tables, so a write asks the
 * territory subgraph (one request per mutation, for every body it names) before accepting a body id.
 */
export interface BodyDirectory {
  existing(ids: readonly string[]): Promise<Set<string>>;
}

/**
 * Asks territory through its federation entry point (unknown ids resolve to null). Territory answers only signed
 * requests, so the question is signed, as the gateway would sign it, with the shared context secret and no
 * identity: it is a public read.
 */
export function territoryDirectory(url: string, contextSecret: string | undefined): BodyDirectory {
  return {
    async existing(ids) {
      const body = JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id } } }',
        variables: { r: ids.map((id) => ({ __typename: 'Territory', id })) },
      });
      const context = encodeActor(anonymous);
      const signed = contextSecret ? { [CONTEXT_HEADER]: context, ...signRequest(contextSecret, context, body) } : {};
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...signed },
        body,
        signal: AbortSignal.timeout(5000),
      });
      const answer = (await response.json()) as { data?: { _entities: ({ id: string } | null)[] }; errors?: { message: string }[] };
      if (!answer.data) throw new Error(`territory subgraph at ${url} could not check bodies: ${answer.errors?.[0]?.message ?? response.status}`);
      return new Set(answer.data._entities.filter((e): e is { id: string } => e !== null).map((e) => e.id));
    },
  };
}

/** The bodies of the embedded sample territory, for in-process tests and offline use with the sample data. */
export function sampleDirectory(): BodyDirectory {
  const sample = sampleTerritory();
  const known = new Set([...sample.communes.map((c) => `commune:${c.id}`), ...sample.councils.map((c) => `council:${c.id}`)]);
  return { existing: async (ids) => new Set(ids.filter((id) => known.has(id))) };
}
