import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { Options } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { AuditEntry } from './audit-entry.js';
import { IdempotencyRecord } from './idempotency-record.js';
import { CONTEXT_HEADER } from './signed-context.js';
import { installAuditGuards } from './audit-guards.js';
import { databaseKind, initOrm, poolUsage, prepareSchema } from './database.js';
import { databaseUnavailable } from './database-errors.js';
import { avoidPretenuring, collectOnceReady, limitHeapGrowth } from './heap-growth.js';
import { createLogger, createMetrics, observabilityPlugin, operationRecorder, type ServiceMetrics } from './observability.js';
import type { Logger } from 'pino';
import { serve, type RunningServer } from './http-server.js';
import { anonymous, type Actor } from './actor.js';
import { scopedPolicy, type WritePolicy } from './write-gate.js';
import { verifyRequest } from './signed-context.js';
import { enforceRequirements } from './directives.js';
import { rejectNulCharacters } from './input-guard.js';
import type { SubgraphConfig } from './config.js';
import { startTracing, tracingSettings, type Tracing } from './tracing.js';
import { internalRouteHandler, type InternalRoute } from './internal-routes.js';
import { compiledExecution } from './compiled-execution.js';

/** What a subgraph declares about itself; the kit turns it into a running service. */
export interface SubgraphDefinition<L> {
  name: string;
  typeDefs: DocumentNode;
  // The generated resolver types are stricter than Apollo's map; each subgraph checks its own against them.
  resolvers: GraphQLResolverMap<SubgraphContext<L>> | object;
  entities: Options['entities'];
  migrationsPath: string;
  createLoaders(em: SqlEntityManager): L;
  /** Loads the embedded sample dataset if the database is empty; returns whether it did. */
  seedSample?(em: SqlEntityManager): Promise<boolean>;
  /**
   * Database objects the SQLite schema generator cannot derive from the entities (triggers that keep summary
   * tables current), installed after the schema on every start and before the seed; must be idempotent. On
   * PostgreSQL the subgraph's migrations create them.
   */
  installSqliteObjects?(em: SqlEntityManager): Promise<void>;
  policy?: WritePolicy;
  /** Questions only the gateway may ask, outside the graph: `GET /internal/<name>`, signed (internal-routes.ts). */
  internalRoutes?: Record<string, InternalRoute>;
}

/** What every resolver receives. */
export interface SubgraphContext<L> {
  em: SqlEntityManager;
  loaders: L;
  actor: Actor;
  requestId: string;
  /** The client's Idempotency-Key for this request's mutation, when it sent one. */
  idempotencyKey?: string;
  policy: WritePolicy;
  resetLoaders(): void;
}

export interface SubgraphRuntimeOptions {
  databaseUrl: string;
  seed: boolean;
  poolMax?: number;
  poolTimeoutMs?: number;
  busyTimeoutMs?: number;
  production?: boolean;
  onStatement?: (sql: string) => void;
  /** Spans for requests, operations and SQL statements, when tracing is on. */
  tracing?: Tracing;
  /** The operation log reaches stdout in batches of about this many bytes (LOG_BUFFER_BYTES); unset or 0: a write per line. */
  logBufferBytes?: number;
  /** How operations execute (GRAPHQL_EXECUTOR): compiled per document (the default) or by graphql-js. */
  executor?: 'compiled' | 'graphql-js';
}

export interface Subgraph<L> {
  apollo: ApolloServer<SubgraphContext<L>>;
  orm: MikroORM;
  metrics: ServiceMetrics;
  logger: Logger;
  /** A fresh per-request context (own EntityManager fork and loaders) for a verified actor. */
  createContext(req?: IncomingMessage, actor?: Actor): SubgraphContext<L>;
  close(): Promise<void>;
}

const CODED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** In production an unexpected error never shows its message (it may hold SQL or internals). */
function maskUnexpected(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CODED.has(code)) return formatted;
    const unavailable = databaseUnavailable(error);
    if (unavailable) return { message: unavailable, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    if (production) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    void error;
    return formatted;
  };
}

export async function createSubgraph<L>(def: SubgraphDefinition<L>, options: SubgraphRuntimeOptions): Promise<Subgraph<L>> {
  const kind = databaseKind(options.databaseUrl);
  const orm = await initOrm({
    databaseUrl: options.databaseUrl,
    // Every subgraph keeps its own audit trail of the writes it accepted.
    entities: [...(def.entities ?? []), AuditEntry, IdempotencyRecord],
    migrationsPath: def.migrationsPath,
    poolMax: options.poolMax,
    poolTimeoutMs: options.poolTimeoutMs,
    busyTimeoutMs: options.busyTimeoutMs,
    onStatement: options.onStatement,
    onStatementDone: options.tracing && ((sql, tookMs, failed) => options.tracing!.statement(kind, sql, tookMs, failed)),
  });
  const metrics = createMetrics(def.name, () => poolUsage(orm));
  const logger = createLogger(def.name, undefined, { bufferBytes: options.logBufferBytes });
  await prepareSchema(orm, kind);
  await installAuditGuards(orm, kind);
  if (kind === 'sqlite' && def.installSqliteObjects) await def.installSqliteObjects(orm.em.fork() as SqlEntityManager);
  if (options.seed && def.seedSample) await def.seedSample(orm.em.fork() as SqlEntityManager);

  const schema = buildSubgraphSchema([{ typeDefs: def.typeDefs, resolvers: enforceRequirements(def.typeDefs, def.resolvers) as GraphQLResolverMap<unknown> }]);
  const apollo = new ApolloServer<SubgraphContext<L>>({
    // Compiled per document by default (compiled-execution.ts); graphql-js's interpreter when configured so.
    ...(options.executor === 'graphql-js' ? { schema } : { gateway: compiledExecution(schema) }),
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    formatError: maskUnexpected(options.production ?? false),
    // Inline traces only serve Apollo's hosted usage reporting, which this project never sends to.
    // Cache control off: no subgraph sends cache hints, and Apollo's plugin wraps every field resolver to compute
    // them (~5 % of a subgraph's CPU on the national roll-up's entity calls).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), rejectNulCharacters, observabilityPlugin<SubgraphContext<L>>(operationRecorder(metrics, logger)), ...(options.tracing ? [options.tracing.plugin] : [])],
  });
  await apollo.start();
  // Secure by default: a subgraph that declares no policy needs the <name>:write scope over the bodies it writes.
  const policy = def.policy ?? scopedPolicy(`${def.name}:write`);

  const createContext = (req?: IncomingMessage, actor: Actor = anonymous): SubgraphContext<L> => {
    const em = orm.em.fork() as SqlEntityManager;
    const header = req?.headers['x-request-id'];
    const ctx: SubgraphContext<L> = {
      em,
      loaders: def.createLoaders(em),
      actor,
      requestId: typeof header === 'string' && header.length <= 100 ? header : randomUUID(),
      idempotencyKey: idempotencyKeyOf(req),
      policy,
      // Cleared in place: Apollo hands resolvers a shallow copy of the context, so replacing the loaders object
      // would leave the copy reading stale cached rows after a write.
      resetLoaders() {
        em.clear();
        for (const loader of Object.values(ctx.loaders as object)) {
          if (loader && typeof (loader as { clearAll?: unknown }).clearAll === 'function') (loader as { clearAll(): void }).clearAll();
        }
      },
    };
    return ctx;
  };

  return {
    apollo,
    orm,
    metrics,
    logger,
    createContext,
    async close() {
      await apollo.stop();
      await orm.close(true);
    },
  };
}

/**
 * The key travels inside the signed context header, which the request was already verified against (in open
 * development mode it is taken as given, like everything else there).
 */
function idempotencyKeyOf(req?: IncomingMessage): string | undefined {
  const header = req?.headers[CONTEXT_HEADER];
  if (typeof header !== 'string') return undefined;
  try {
    const { idem } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { idem?: unknown };
    return typeof idem === 'string' ? idem : undefined;
  } catch {
    return undefined;
  }
}

/** Boots a subgraph from parsed configuration and listens; used by each subgraph's `main`. */
export async function startSubgraph<L>(def: SubgraphDefinition<L>, config: SubgraphConfig): Promise<RunningServer & { subgraph: Subgraph<L> }> {
  limitHeapGrowth(config.HEAP_GROWING_PERCENT);
  avoidPretenuring();
  // Only the gateway calls a subgraph (requests are signed), so its trace is continued.
  const tracing = await startTracing(tracingSettings(config, def.name), { continueIncoming: true });
  const subgraph = await createSubgraph(def, {
    tracing,
    databaseUrl: config.DATABASE_URL,
    seed: config.SEED === 'sample',
    poolMax: config.DATABASE_POOL_MAX,
    poolTimeoutMs: config.DATABASE_POOL_TIMEOUT_MS,
    busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS,
    production: config.NODE_ENV === 'production',
    logBufferBytes: config.LOG_BUFFER_BYTES,
    executor: config.GRAPHQL_EXECUTOR,
  });
  const secret = config.CONTEXT_SECRET;
  // In open mode nothing is signed, so internal routes get no secret and refuse every call.
  const internal = internalRouteHandler(def.internalRoutes ?? {}, config.TRUST_MODE === 'open' ? undefined : secret, () => subgraph.orm.em.fork() as SqlEntityManager);
  const running = await serve({
    apollo: subgraph.apollo,
    // Open mode (development only, refused in production by the config) trusts nobody: every caller is anonymous.
    authenticate: (req, raw) => (config.TRUST_MODE === 'open' ? anonymous : verifyRequest(secret!, req.headers, raw)),
    context: async (req, actor) => subgraph.createContext(req, actor),
    ready: async () => subgraph.orm.isConnected(),
    maxInFlight: config.MAX_IN_FLIGHT,
    maxBodyBytes: config.MAX_REQUEST_BYTES,
    drainTimeoutMs: config.DRAIN_TIMEOUT_MS,
    routes: (path, req, res) => subgraph.metrics.route(path, req, res) || internal(path, req, res),
    onFinished: (event) => subgraph.metrics.record(event),
    trace: tracing && ((req, run) => tracing.serverSpan(req, run)),
    host: config.HOST,
    port: config.PORT,
  });
  collectOnceReady();
  return {
    ...running,
    subgraph,
    async close() {
      await running.close();
      await subgraph.close();
      await tracing?.shutdown();
    },
  };
}

export { GraphQLError };
