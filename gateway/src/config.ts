import { readFileSync } from 'node:fs';
import { tracingConfigShape, tracingProblems } from '@comuna/subgraph-kit/tracing';
import { z } from 'zod';
import { GATEWAY_HEAP_GROWING_PERCENT, heapGrowthConfigShape } from '@comuna/subgraph-kit/heap-growth';
import { logBufferConfigShape } from '@comuna/subgraph-kit/observability';

const DEFAULT_SUPERGRAPH = new URL('../../schema/supergraph.graphql', import.meta.url).pathname;
const SUBGRAPH_DEFAULTS: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../schema/subgraphs.json', import.meta.url), 'utf8'),
  (key, value) => (value && typeof value === 'object' && 'url' in value ? value.url : value),
);

const gatewayConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Introspection is on in development and off in production unless turned on here. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** Secret shared with the subgraphs, to sign the context forwarded to them (at least 32 characters). */
  CONTEXT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().default('comuna-graph-dev'),
  JWT_AUDIENCE: z.string().default('comuna-graph'),
  /** Verification key: a JWKS URL, a JWKS document, a PEM public key, or an HMAC secret (in that order). */
  JWT_JWKS_URL: z.url().optional(),
  JWT_JWKS: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Accepted signing algorithms, comma-separated; pinned so a token cannot choose its own. */
  JWT_ALGORITHMS: z.string().optional(),
  MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_COST: z.coerce.number().int().min(1).default(20_000),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_TOKENS: z.coerce.number().int().min(10).default(4_000),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  /** One subgraph call, retries included, is abandoned after this; the client gets the rest of its answer. */
  SUBGRAPH_DEADLINE_MS: z.coerce.number().int().min(10).max(120_000).default(5_000),
  /** Further attempts of a subgraph query after a connection error, 5xx or 429 (mutations are never retried). */
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  SUBGRAPH_BACKOFF_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Requests served at once; above it the gateway answers 503 at once. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  /** On SIGTERM, how long in-flight requests may take to finish before the process exits anyway. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Requests a minute per client address (token bucket). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6_000),
  /** Built pages (GraphiQL, dashboard) served under /graphiql and /dashboard. */
  WEB_ROOT: z.string().default(new URL('../../web/dist', import.meta.url).pathname),
  /** SPOKESPERSON grants derived from active mandates (governance), merged into a token's own grants. */
  MANDATE_ROLES: z.enum(['on', 'off']).default('on'),
  /** How long the gateway reuses a login's mandates; a recall or a term's end takes effect within it. */
  MANDATE_ROLES_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** A mandate lookup never holds a request longer than this; past it the user keeps only the token's grants. */
  MANDATE_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(10).max(30_000).default(1_000),
  /** A trusted-documents manifest: when set, only its operations are executed. */
  TRUSTED_DOCUMENTS_PATH: z.string().optional(),
  /** OpenTelemetry tracing, off by default: OTEL_TRACES_EXPORTER=otlp and OTEL_EXPORTER_OTLP_ENDPOINT turn it on. */
  ...tracingConfigShape,
  ...logBufferConfigShape,
  /** Identical concurrent subgraph queries (same subgraph, body and forwarded identity) share one call. */
  SUBGRAPH_DEDUP: z.enum(['true', 'false']).default('true'),
  ...heapGrowthConfigShape(GATEWAY_HEAP_GROWING_PERCENT),
  /**
   * A request's dependent subgraph calls are sent with its first call when the same request (same first call, same
   * identity) made exactly those calls the last two times; used only if the plan then makes the very same call.
   */
  SPECULATIVE_FETCH: z.enum(['true', 'false']).default('true'),
  /** Identical concurrent anonymous reads (same body and Accept header) share one execution and its answer. */
  REQUEST_DEDUP: z.enum(['true', 'false']).default('true'),
  /** Keep-alive connections to each subgraph at most; requests beyond wait for a free one. */
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Idle keep-alive connections to a subgraph are closed after this. */
  SUBGRAPH_KEEP_ALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Anonymous query results are cached this long; 0 turns the response cache off (the default). */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(0),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(1_000),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(0.01).default(32),
  QUERY_PLAN_CACHE_ENTRIES: z.coerce.number().int().min(1).default(500),
  QUERY_PLAN_CACHE_MB: z.coerce.number().min(0.01).default(16),
  DOCUMENT_CACHE_ENTRIES: z.coerce.number().int().min(1).default(1_000),
  DOCUMENT_CACHE_MB: z.coerce.number().min(0.01).default(8),
  /** Automatic persisted queries kept (by hash); 0 turns APQ off. */
  APQ_CACHE_ENTRIES: z.coerce.number().int().min(0).default(1_000),
  APQ_CACHE_MB: z.coerce.number().min(0.01).default(4),
});

export interface GatewayConfig extends z.infer<typeof gatewayConfigSchema> {
  jwtAlgorithms: string[];
  /** Subgraph name → URL: `<NAME>_URL` (e.g. TERRITORY_URL) over the defaults in schema/subgraphs.json. */
  subgraphUrls: Record<string, string>;
  introspection: boolean;
}

/** Reads the gateway's configuration once at boot and fails fast, naming the bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid gateway configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(SUBGRAPH_DEFAULTS)) {
    const url = env[`${name.toUpperCase()}_URL`] ?? fallback;
    if (!/^https?:\/\//.test(url)) throw new Error(`Invalid gateway configuration:\n  ${name.toUpperCase()}_URL: "${url}" is not an http(s) URL`);
    subgraphUrls[name] = url;
  }
  const data = parsed.data;
  const tracing = tracingProblems(data);
  if (tracing.length) throw new Error(`Invalid gateway configuration:\n${tracing.join('\n')}`);
  const introspection = data.INTROSPECTION ? data.INTROSPECTION === 'true' : data.NODE_ENV !== 'production';
  const asymmetric = Boolean(data.JWT_JWKS_URL || data.JWT_JWKS || data.JWT_PUBLIC_KEY);
  const jwtAlgorithms = (data.JWT_ALGORITHMS ?? (asymmetric ? 'RS256,ES256' : 'HS256')).split(',').map((a) => a.trim());
  if (jwtAlgorithms.some((a) => a === 'none' || !/^(HS|RS|ES|PS)(256|384|512)$|^EdDSA$/.test(a))) {
    throw new Error(`Invalid gateway configuration:\n  JWT_ALGORITHMS: "${data.JWT_ALGORITHMS}" lists an algorithm that is not accepted`);
  }
  if (data.NODE_ENV === 'production') {
    const problems = [];
    if (data.JWT_ISSUER === 'comuna-graph-dev') problems.push('  JWT_ISSUER: the development issuer is refused in production');
    if (!asymmetric && !data.JWT_SECRET) problems.push('  JWT_*: production needs JWT_JWKS_URL, JWT_JWKS, JWT_PUBLIC_KEY or JWT_SECRET');
    if (problems.length) throw new Error(`Invalid gateway configuration:\n${problems.join('\n')}`);
  }
  return { ...data, subgraphUrls, introspection, jwtAlgorithms };
}
