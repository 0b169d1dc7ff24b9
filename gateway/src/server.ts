// First: @apollo/gateway must load the flattened packages (see flat-exports.ts).
import './flat-exports.js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { anonymous, type Actor } from '@comuna/subgraph-kit/actor';
import { serve, type AnswerStore, type RunningServer } from '@comuna/subgraph-kit/http';
import { createLogger, createMetrics, observabilityPlugin, operationRecorder, type OperationRecorder, type ServiceMetrics } from '@comuna/subgraph-kit/observability';
import { CONTEXT_HEADER, encodeActor, signRequest } from '@comuna/subgraph-kit/signed-context';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { stringifyAndRelease } from './answer-text.js';
import { createAuthenticator } from './auth.js';
import { apqCache, documentStore, queryPlanCache } from './caches.js';
import { registerCacheMetrics } from './cache-metrics.js';
import { dedupWhen } from './dedup-fetch.js';
import { queryLimits } from './limits.js';
import { RateLimiter } from './rate-limit.js';
import { ResponseCache } from './response-cache.js';
import { SharedRequests } from './shared-requests.js';
import { operationNameOf } from './anonymous-read.js';
import { staticPages } from './static-pages.js';
import { subgraphAgent } from './subgraph-agent.js';
import { deadlineFetch, subgraphUnavailable, type Fetch } from './subgraph-fetch.js';
import { installResultShaping } from './result-shaping.js';
import { FetchDurations, installFetchOrder } from './fetch-order.js';
import { SpeculativeFetches } from './speculative-fetch.js';
import { supergraphForApolloGateway } from './supergraph.js';
import { trustedDocumentsPlugin } from './trusted-documents.js';
import { startGatewayTracing, tracedFetch } from './tracing.js';
import type { Tracing } from '@comuna/subgraph-kit/tracing';
import type { GatewayConfig } from './config.js';

// @apollo/gateway's last step, replaced by one that gives the same answers allocating far less (result-shaping.ts).
installResultShaping();
// Every plan's parallel calls are sent slowest first, by the durations each data source times (fetch-order.ts).
installFetchOrder();

/** Per-request state the gateway keeps: who is asking, and the id that ties the subgraphs' logs to this request. */
export interface GatewayContext {
  requestId: string;
  actor: Actor;
  /** The client's `Idempotency-Key`, forwarded signed so a subgraph can replay a repeated mutation's result. */
  idempotencyKey?: string;
  /** The client's HTTP request: the response cache marks on it that its answer may be kept for the fast path. */
  httpRequest?: IncomingMessage;
}

/**
 * Forwards the verified identity and the request id to every subgraph call. The context header is set here from
 * the verified actor only (whatever a client sent is never forwarded); the fetcher then signs it with the body.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #durations = new FetchDurations();

  constructor(
    private readonly serviceName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly speculation?: Speculation,
  ) {
    super(config);
    speculation?.register(serviceName, (options) => this.timedProcess(options), (query) => this.estimate(query));
  }

  /** A call of a request's plan: answered by the same call sent ahead when there is one (speculative-fetch.ts). */
  override process(options: ProcessOptions) {
    return this.speculation ? this.speculation.process(this.serviceName, options, (o) => this.timedProcess(o)) : this.timedProcess(options);
  }

  /** Times each call of an operation, so that a plan's parallel calls can be sent slowest first. */
  async timedProcess(options: ProcessOptions) {
    const started = performance.now();
    try {
      return await super.process(options);
    } finally {
      if (options.request.query) this.#durations.record(options.request.query, performance.now() - started);
    }
  }

  /** How long a call of this operation has been taking (ms), if one was timed. */
  estimate(operation: string): number | undefined {
    return this.#durations.estimate(operation);
  }

  /** Whatever went wrong on the way (refused, reset, a 5xx page), the client learns which subgraph is missing. */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError && error.extensions?.code === 'SERVICE_UNAVAILABLE') throw error;
    const status = (error as GraphQLError).extensions?.response as { status?: number } | undefined;
    if (status?.status && status.status >= 500) throw subgraphUnavailable(this.serviceName, `HTTP ${status.status}`);
    throw error;
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    request.http?.headers.set('x-request-id', context?.requestId ?? randomUUID());
    request.http?.headers.set(CONTEXT_HEADER, encodeActor(context?.actor ?? anonymous, context?.idempotencyKey));
  }
}

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type Speculation = SpeculativeFetches<ProcessOptions, Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>>;

/** A fetch that adds the HMAC over the context header, a timestamp and the exact body it sends. */
function signingFetcher(secret: string, send: Fetch): Fetch {
  // Signed per attempt, so a retry carries a fresh timestamp.
  return (url, init) => send(url, { ...init, headers: { ...init.headers, ...signRequest(secret, init.headers[CONTEXT_HEADER] ?? '', init.body) } });
}

/**
 * The gateway over the committed supergraph (composed at build time, never by introspection). Subgraph URLs in
 * the supergraph are defaults; configuration replaces them.
 */
export function createGateway(
  config: GatewayConfig,
  metrics: ServiceMetrics = createMetrics('gateway'),
  tracing?: Tracing,
  operations: OperationRecorder = operationRecorder(metrics, createLogger('gateway', undefined, { bufferBytes: config.LOG_BUFFER_BYTES })),
  responses: ResponseCache | undefined = responseCache(config, operations),
  sharing?: SharedRequests,
): ApolloServer<GatewayContext> {
  const supergraphSdl = supergraphForApolloGateway(readFileSync(config.SUPERGRAPH_PATH, 'utf8'));
  const caches = { queryPlans: queryPlanCache(config), documents: documentStore(config), persistedQueries: apqCache(config) };
  const speculation: Speculation | undefined =
    config.SPECULATIVE_FETCH === 'true'
      ? new SpeculativeFetches({
          identity: (context) => encodeActor((context as GatewayContext).actor ?? anonymous),
          onOutcome: (subgraph, outcome) => metrics.subgraphCalls.inc({ subgraph, outcome: `ahead_${outcome}` }),
        })
      : undefined;
  registerCacheMetrics(metrics, { ...caches, responses: responses && { stats: () => ({ entries: responses.size, bytes: responses.bytes }) }, callsAhead: speculation });
  const agent = subgraphAgent({ connections: config.SUBGRAPH_CONNECTIONS, keepAliveMs: config.SUBGRAPH_KEEP_ALIVE_MS });
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Its own spans (request, plan, fetch) join ours when tracing is on; never with the document or error messages.
    telemetry: { includeDocument: false, recordExceptions: false },
    queryPlannerConfig: { cache: caches.queryPlans as never },
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, {
        url: config.subgraphUrls[name] ?? url,
        fetcher: tracedFetch(tracing, name, dedupWhen(config.SUBGRAPH_DEDUP === 'true', deadlineFetch(signingFetcher(config.CONTEXT_SECRET, agent.fetch), {
          name,
          deadlineMs: config.SUBGRAPH_DEADLINE_MS,
          retries: config.SUBGRAPH_RETRIES,
          backoffMs: config.SUBGRAPH_BACKOFF_MS,
          observe: (outcome, seconds) => {
            metrics.subgraphCalls.inc({ subgraph: name, outcome });
            metrics.subgraphDuration.observe({ subgraph: name }, seconds);
          },
        }), { onShared: () => metrics.subgraphCalls.inc({ subgraph: name, outcome: 'shared' }) })) as never,
      }, speculation),
  });
  const production = config.NODE_ENV === 'production';
  const limits = queryLimits(config);
  return new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The answer's objects are let go once its text exists (answer-text.ts says why).
    stringifyResult: stringifyAndRelease,
    documentStore: caches.documents,
    persistedQueries: caches.persistedQueries ? { cache: caches.persistedQueries } : false,
    validationRules: limits.validationRules,
    formatError: production ? maskInternalErrors : undefined,
    plugins: [
      // Apollo's landing page loads from a CDN that closed networks cannot reach; GraphiQL is bundled separately.
      ApolloServerPluginLandingPageDisabled(),
      { serverWillStart: async () => ({ serverWillStop: () => agent.close() }) },
      observabilityPlugin<GatewayContext>(operations),
      ...limits.plugins,
      ...(config.TRUSTED_DOCUMENTS_PATH ? [trustedDocumentsPlugin(config.TRUSTED_DOCUMENTS_PATH)] : []),
      ...(tracing ? [tracing.plugin] : []),
      ...(responses ? [responses.plugin()] : []),
      ...(sharing ? [sharing.plugin<GatewayContext>()] : []),
      ...(speculation ? [speculation.plugin<GatewayContext>()] : []),
    ],
  });
}

/** The response cache when RESPONSE_CACHE_TTL_MS turns it on. */
function responseCache(config: GatewayConfig, operations: OperationRecorder): ResponseCache | undefined {
  if (config.RESPONSE_CACHE_TTL_MS <= 0) return undefined;
  return new ResponseCache({ ttlMs: config.RESPONSE_CACHE_TTL_MS, maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES, maxBytes: config.RESPONSE_CACHE_MAX_MB * 2 ** 20, label: operations.label });
}

/**
 * What serve() may answer without executing: the response cache's stored answers, then the answer of an identical
 * request executing now. Either is counted and logged like any operation.
 */
function answersWithoutExecution(responses: ResponseCache | undefined, sharing: SharedRequests | undefined, operations: OperationRecorder): AnswerStore | undefined {
  if (!responses && !sharing) return undefined;
  return {
    lookup(req, raw) {
      const started = performance.now();
      const record = (operation: string) => operations.record(String(req.headers['x-request-id']), operation, (performance.now() - started) / 1000);
      const kept = responses?.lookup(req, raw);
      if (kept) {
        record(kept.operation);
        return kept;
      }
      return sharing?.join(req, raw)?.then((answer) => {
        if (answer) record(operations.label(operationNameOf(raw)));
        return answer;
      });
    },
    settle(req, raw, answer) {
      if (answer) responses?.offer(req, raw, answer);
      sharing?.settle(req, answer);
    },
  };
}

function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Starts the gateway and listens. */
export async function startGateway(config: GatewayConfig): Promise<RunningServer & { apollo: ApolloServer<GatewayContext> }> {
  const metrics = createMetrics('gateway');
  const tracing = await startGatewayTracing(config);
  const operations = operationRecorder(metrics, createLogger('gateway', undefined, { bufferBytes: config.LOG_BUFFER_BYTES }));
  const responses = responseCache(config, operations);
  const sharing = config.REQUEST_DEDUP === 'true' ? new SharedRequests() : undefined;
  const apollo = createGateway(config, metrics, tracing, operations, responses, sharing);
  const authenticate = await createAuthenticator(config);
  await apollo.start();
  const pages = staticPages(config.WEB_ROOT);
  const limiter = new RateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const running = await serve({
    apollo,
    admit: (req) => limiter.admit(req),
    maxInFlight: config.MAX_IN_FLIGHT,
    answers: answersWithoutExecution(responses, sharing, operations),
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    routes: (path, req, res) => metrics.route(path, req, res) || pages(path, req, res),
    onFinished: (event) => metrics.record(event),
    trace: tracing && ((req, run) => tracing.serverSpan(req, run)),
    // Listening starts only once Apollo has loaded the supergraph; until draining, the gateway is ready.
    ready: async () => true,
    context: async (req) => {
      try {
        const key = req.headers['idempotency-key'];
        return { requestId: requestIdOf(req), actor: await authenticate(req), idempotencyKey: typeof key === 'string' ? key.slice(0, 300) : undefined, httpRequest: req };
      } catch (error) {
        throw unauthenticatedError((error as Error).message);
      }
    },
    host: config.HOST,
    port: config.PORT,
  });
  return {
    ...running,
    apollo,
    async close() {
      await running.close();
      await apollo.stop();
      await tracing?.shutdown();
    },
  };
}

/** Thrown from the context factory: Apollo Server answers it with this code and HTTP 401. */
function unauthenticatedError(message: string): GraphQLError {
  return new GraphQLError(`Unauthenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Codes whose messages are meant for the client; anything else is an internal failure, and says nothing more. */
const CLIENT_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_NOT_TRUSTED', 'OPERATION_RESOLUTION_FAILURE']);

/** Production: subgraph internals (messages, stack traces) never reach clients. */
function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  if (CLIENT_CODES.has(code)) return { ...formatted, extensions };
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
