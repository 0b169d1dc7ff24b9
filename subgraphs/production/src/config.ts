import { readFileSync } from 'node:fs';
import { parseConfig, subgraphConfigSchema } from '@comuna/subgraph-kit';
import { z } from 'zod';

const subgraphs = JSON.parse(readFileSync(new URL('../../../schema/subgraphs.json', import.meta.url), 'utf8')) as Record<string, { url: string }>;

export const productionConfigSchema = subgraphConfigSchema.extend({
  PORT: subgraphConfigSchema.shape.PORT.default(4003),
  DATABASE_URL: subgraphConfigSchema.shape.DATABASE_URL.default('sqlite:data/production.sqlite'),
  /**
   * Where to check that a commune or council named in a write exists: the territory subgraph's URL, or `sample`
   * to accept the bodies of the embedded sample territory without asking (offline demos).
   */
  TERRITORY_URL: z.string().regex(/^(https?:\/\/|sample$)/, 'must be an http(s) URL or "sample"').default(subgraphs.territory!.url),
});

export type ProductionConfig = ReturnType<typeof loadConfig>;

/** Reads the production subgraph's configuration from the environment, once, at boot. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => parseConfig(productionConfigSchema, env);
