// A subgraph stand-in for the gateway's wiring tests: answers any query the gateway plans, after a delay.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { anonymous } from '@comuna/subgraph-kit/actor';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { loadGatewayConfig } from '../config.js';
import { createGateway, type GatewayContext } from '../server.js';

// Scalars a stub subgraph answers, by field name; every object field gets an object (a list for the lists below).
export const STUB_SCALARS: Record<string, unknown> = { __typename: 'State', id: 'state:1', name: 'Amazonas', everything: false, stateId: 'state:1', from: '2025-11-01', currency: 'USD' };
const LISTS = new Set(['states', 'councilIds', 'communeIds', 'circuitIds']);

/** An answer with every selected field filled (inline fragments included): enough for a plan to run end to end. */
function fill(set: SelectionSetNode, scalars: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) Object.assign(out, fill(selection.selectionSet, scalars));
    if (selection.kind !== Kind.FIELD) continue;
    const name = selection.name.value;
    const value = selection.selectionSet ? fill(selection.selectionSet, scalars) : scalars[name] ?? null;
    out[selection.alias?.value ?? name] = LISTS.has(name) ? (selection.selectionSet ? [value] : []) : value;
  }
  return out;
}

export interface StubOptions {
  /** Milliseconds before each answer. */
  delay: () => number;
  /** The scalars of each answer, or of each entity by its representation (STUB_SCALARS by default). */
  scalars?: (representation?: Record<string, unknown>) => Record<string, unknown>;
  /** Told of each call as it arrives, and as its answer is written. */
  onCall?: (event: 'arrived' | 'answered', body: { query: string; variables?: Record<string, unknown> }) => void;
}

/** Answers any query: `_entities` once per representation, any other selection filled from the scalars. */
export async function stubSubgraph({ delay, scalars = () => STUB_SCALARS, onCall }: StubOptions): Promise<{ server: Server; url: string }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const call = JSON.parse(body) as { query: string; variables?: { representations?: unknown[] } };
      onCall?.('arrived', call);
      const operation = parse(call.query).definitions[0] as { selectionSet: SelectionSetNode };
      const entities = operation.selectionSet.selections[0] as { name: { value: string }; selectionSet: SelectionSetNode };
      const data =
        entities.name.value === '_entities'
          ? { _entities: ((call.variables?.representations ?? []) as Record<string, unknown>[]).map((r) => fill(entities.selectionSet, scalars(r))) }
          : fill(operation.selectionSet, scalars());
      setTimeout(() => {
        onCall?.('answered', call);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      }, delay());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

const PERIOD = '{ from: "2025-11-01", to: "2026-10-31" }';
/** The national roll-up's plan in small: territory's states, then production's and budget's figures for them. */
export const STUB_ROLLUP = `{ states { name production(period: ${PERIOD}) { from } budget(period: ${PERIOD}, currency: "USD") { currency } } }`;

/** A gateway over stub subgraphs (by subgraph name, all four), no retries, with `extra` configuration. */
export function gatewayOver(stubs: Record<string, { url: string }>, extra: Record<string, string> = {}): ApolloServer<GatewayContext> {
  const urls = Object.fromEntries(Object.entries(stubs).map(([name, stub]) => [`${name.toUpperCase()}_URL`, stub.url]));
  return createGateway(loadGatewayConfig({ CONTEXT_SECRET: 's'.repeat(32), SUBGRAPH_RETRIES: '0', ...extra, ...urls }));
}

/** The answer to `query` sent by an anonymous client, parsed. */
export async function ask(gateway: ApolloServer<GatewayContext>, query: string): Promise<unknown> {
  const response = await gateway.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
    context: async () => ({ requestId: 'r', actor: anonymous }),
  });
  return response.body.kind === 'complete' ? JSON.parse(response.body.string) : undefined;
}
