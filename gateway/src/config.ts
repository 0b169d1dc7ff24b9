import { readFileSync } from 'node:fs';
import { z } from 'zod';

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
});

export interface GatewayConfig extends z.infer<typeof gatewayConfigSchema> {
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
  const introspection = parsed.data.INTROSPECTION ? parsed.data.INTROSPECTION === 'true' : parsed.data.NODE_ENV !== 'production';
  return { ...parsed.data, subgraphUrls, introspection };
}
