import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { serve, type RunningServer } from '@comuna/subgraph-kit/http';
import type { GatewayConfig } from './config.js';

/** Per-request state the gateway keeps: the id that ties the subgraphs' logs to this request. */
export interface GatewayContext {
  requestId: string;
}

/** Forwards the request id to every subgraph call. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}

/**
 * The gateway over the committed supergraph (composed at build time, never by introspection). Subgraph URLs in
 * the supergraph are defaults; configuration replaces them.
 */
export function createGateway(config: GatewayConfig): ApolloServer<GatewayContext> {
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource({ url: config.subgraphUrls[name] ?? url }),
  });
  const production = config.NODE_ENV === 'production';
  return new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Apollo's landing page loads from a CDN that closed networks cannot reach; GraphiQL is bundled separately.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}

function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Starts the gateway and listens. */
export async function startGateway(config: GatewayConfig): Promise<RunningServer & { apollo: ApolloServer<GatewayContext> }> {
  const apollo = createGateway(config);
  await apollo.start();
  const running = await serve({
    apollo,
    context: async (req) => ({ requestId: requestIdOf(req) }),
    host: config.HOST,
    port: config.PORT,
  });
  return {
    ...running,
    apollo,
    async close() {
      await running.close();
      await apollo.stop();
    },
  };
}
