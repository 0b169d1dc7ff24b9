import { sampleTerritory } from '@comuna/sample-data';
import { anonymous, CONTEXT_HEADER, encodeActor, kindOfGlobalId, signRequest, tryParseGlobalId } from '@comuna/subgraph-kit';
import { traceHeaders } from '@comuna/subgraph-kit/tracing';

/** The kinds of body production records facts against: production units belong to communes and councils. */
export const OWNER_KINDS = ['commune', 'council'] as const;

/** A well-formed `commune:<n>` or `council:<n>`, or undefined. */
export function ownerKind(id: string): (typeof OWNER_KINDS)[number] | undefined {
  const kind = kindOfGlobalId(id);
  return kind && (OWNER_KINDS as readonly string[]).includes(kind) && tryParseGlobalId(id, kind) !== undefined ? (kind as 'commune' | 'council') : undefined;
}

/**
 * Which communal bodies exist, and the state each lies in (a commune: its seat's). Territory owns them and
 * production never reads its tables, so a write asks the territory subgraph (one request per mutation, for every
 * body it names) before accepting a body id; the states it answers key production's state summaries.
 */
export interface BodyDirectory {
  /** The state global id of each body that exists; unknown ids are left out. */
  statesOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/**
 * Asks territory through its federation entry point (unknown ids resolve to null). Territory answers only signed
 * requests, so the question is signed, as the gateway would sign it, with the shared context secret and no
 * identity: it is a public read.
 */
export function territoryDirectory(url: string, contextSecret: string | undefined): BodyDirectory {
  return {
    async statesOf(ids) {
      const body = JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on CommunalCouncil { id state { id } } ... on Commune { id seatState { id } } } }',
        variables: { r: ids.map((id) => ({ __typename: 'Territory', id })) },
      });
      const context = encodeActor(anonymous);
      const signed = contextSecret ? { [CONTEXT_HEADER]: context, ...signRequest(contextSecret, context, body) } : {};
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...signed, ...traceHeaders() },
        body,
        signal: AbortSignal.timeout(5000),
      });
      type Found = { id?: string; state?: { id: string }; seatState?: { id: string } } | null;
      const answer = (await response.json()) as { data?: { _entities: Found[] }; errors?: { message: string }[] };
      if (!answer.data) throw new Error(`territory subgraph at ${url} could not check bodies: ${answer.errors?.[0]?.message ?? response.status}`);
      const states = new Map<string, string>();
      for (const e of answer.data._entities) {
        const state = e?.state ?? e?.seatState;
        if (e?.id && state) states.set(e.id, state.id);
      }
      return states;
    },
  };
}

/** The bodies of the embedded sample territory, for in-process tests and offline use with the sample data. */
export function sampleDirectory(): BodyDirectory {
  const known = sampleBodyStates();
  return { statesOf: async (ids) => new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id)!])) };
}

/** Every commune (by its seat) and council of the embedded sample territory with its state's global id. */
export function sampleBodyStates(): Map<string, string> {
  const sample = sampleTerritory();
  // A council's state is its parish's municipality's, as territory files it.
  const municipalityState = new Map(sample.municipalities.map((m) => [m.id, m.stateId]));
  const parishState = new Map(sample.parishes.map((p) => [p.id, municipalityState.get(p.municipalityId)!]));
  return new Map([
    ...sample.communes.map((c): [string, string] => [`commune:${c.id}`, `state:${c.seatStateId}`]),
    ...sample.councils.map((c): [string, string] => [`council:${c.id}`, `state:${parishState.get(c.parishId)}`]),
  ]);
}
