import { setFlagsFromString } from 'node:v8';
import { z } from 'zod';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent (0: V8's own
 * factor). V8's own grows a busy heap up to several times its live size: the gateway's ~60 MB of live data reached
 * ~390 MB of RSS under the national benchmark's load, and subgraphs passed 200 MB. 60 % held the gateway near
 * 235 MB at little CPU cost now that identical reads share executions (bench, s3). Every service sets it at start
 * (HEAP_GROWING_PERCENT): NODE_OPTIONS refuses this flag.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** The setting, shared by the gateway's and the subgraphs' configuration. */
export const heapGrowthConfigShape = {
  /** Old-generation growth past the live data between full collections, in percent; 0 leaves V8's own. */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1_000).default(60),
};
