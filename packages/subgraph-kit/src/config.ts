import { z } from 'zod';
import { heapGrowthConfigShape, SUBGRAPH_HEAP_GROWING_PERCENT } from './heap-growth.js';
import { tracingConfigShape, tracingProblems } from './tracing-config.js';
import { logBufferConfigShape } from './observability.js';

/** Settings every subgraph shares; each subgraph extends this with its own. */
export const subgraphConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z.string().regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must be sqlite:<file>, sqlite::memory: or postgres://…'),
  /** `sample` loads the embedded sample dataset into an empty database on start. */
  SEED: z.enum(['sample', 'none']).default('sample'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request waits for a pooled PostgreSQL connection before failing with SERVICE_UNAVAILABLE. */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** On SQLite, how long a write waits for another connection's write lock before failing with SERVICE_UNAVAILABLE. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  /** Requests served at once; above it the subgraph answers 503 at once (the gateway retries a query elsewhere or later). */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  ...heapGrowthConfigShape(SUBGRAPH_HEAP_GROWING_PERCENT),
  /** Largest request body served (bytes); the gateway's `_entities` calls for a national dashboard need more than the default. */
  MAX_REQUEST_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(1_000_000),
  /** On SIGTERM, how long in-flight requests may take to finish before the process exits anyway. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `signed`: only requests the gateway signed are served. `open`: development only, every caller anonymous. */
  TRUST_MODE: z.enum(['signed', 'open']).default('signed'),
  /** Operations compiled per document by graphql-jit (the default), or interpreted by graphql-js. */
  GRAPHQL_EXECUTOR: z.enum(['compiled', 'graphql-js']).default('compiled'),
  /** The secret the gateway signs forwarded context with (at least 32 characters). */
  CONTEXT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** OpenTelemetry tracing, off by default (see tracing-config.ts). */
  ...tracingConfigShape,
  ...logBufferConfigShape,
});

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;

/**
 * Parses the environment once at boot. A bad value stops the process with one line per problem, naming the
 * variable, instead of failing later in a request.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  const lines = result.success ? [...trustProblems(result.data as Partial<SubgraphConfig>), ...tracingProblems(result.data as Partial<SubgraphConfig>)] : result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  if (lines.length) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return result.data as z.infer<S>;
}

/** Trust settings that are wrong together, whichever subgraph extends the schema. */
function trustProblems(config: Partial<SubgraphConfig>): string[] {
  const problems: string[] = [];
  if (config.TRUST_MODE === 'signed' && !config.CONTEXT_SECRET) problems.push('  CONTEXT_SECRET: is required unless TRUST_MODE=open');
  if (config.TRUST_MODE === 'open' && config.NODE_ENV === 'production') problems.push('  TRUST_MODE: open mode is refused in production');
  return problems;
}
