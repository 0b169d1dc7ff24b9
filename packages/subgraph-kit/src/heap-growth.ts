import { setFlagsFromString } from 'node:v8';
import { z } from 'zod';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent (0: V8's own
 * factor). V8's own grows a busy heap up to several times its live size: the gateway's ~60 MB of live data reached
 * ~390 MB of RSS under the national benchmark's load, and subgraphs passed 200 MB. Every service sets it at start
 * (HEAP_GROWING_PERCENT): NODE_OPTIONS refuses this flag.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * The setting, shared by the gateway's and the subgraphs' configuration, with each one's default. The gateway's 60 %
 * held it near 235 MB at little CPU cost once identical reads share executions (bench, s3). A subgraph's heap
 * grows by what its concurrent requests promote (~0.25 MB/s under load) until the next full collection: at 60 % its
 * peak RSS swung 10–15 % between back-to-back runs (production in s2: 156 → 165 MB over four 10 s runs), at 20 %
 * about 1 % (153 → 155 MB) at the same throughput, its live data being ~25 MB.
 */
export const heapGrowthConfigShape = (defaultPercent: number) => ({
  /** Old-generation growth past the live data between full collections, in percent; 0 leaves V8's own. */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1_000).default(defaultPercent),
});

/** Defaults: the gateway's and every subgraph's. */
export const GATEWAY_HEAP_GROWING_PERCENT = 60;
export const SUBGRAPH_HEAP_GROWING_PERCENT = 20;
