import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
 * Turns off V8's allocation-site pretenuring, under which optimised code allocates straight into the old generation
 * the objects of a site whose objects were seen to survive. A service's objects live for one request, and a wrong
 * guess is costly: an old object stays live to every young-generation collection until the next full one, and so
 * does every young object it points to. In the production subgraph, once Maglev had compiled the national
 * roll-up's path (after ~350 requests), each request's whole answer (~180 KB) was promoted: a young collection
 * every ~4 requests and a full one every ~40. With the flag off: 1.4 KB promoted per request (bench `hops`,
 * 2026-12-07). Set at start by every service, before it serves (NODE_OPTIONS refuses the flag).
 */
export function avoidPretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * One full collection, once a service is ready. HEAP_GROWING_PERCENT sets the limits V8 computes after a full
 * collection; until the first one, a fresh process runs on V8's start-up limit, and its old generation kept growing
 * over its first minute of load (the benchmark's best-settings gateway, fresh, over three 30 s runs of s2 after a
 * 15 s warm-up: 190 → 212 → 211 MB; with this collection 188 → 197 → 197 MB, 2026-12-07). Collecting here starts the
 * rule from the live data (and returns the subgraphs' start-up garbage: idle 133 → ~101 MB) at the cost of one pause
 * before the first request.
 */
export function collectOnceReady(): void {
  setFlagsFromString('--expose-gc');
  // A context created after the flag has `gc`; the main one does not, and nothing else can reach this one.
  (runInNewContext('gc') as () => void)();
}

/**
 * The setting, shared by the gateway's and the subgraphs' configuration, with each one's default. The gateway's 40 %
 * holds it under 250 MB with 32 national roll-ups executing at once (bench, plain s3, 2026-12-07: 232–239 MB at
 * 40 %, 268–276 MB at 60 %, for ~2 % more of its CPU). A subgraph's heap
 * grows by what its concurrent requests promote (~0.25 MB/s under load) until the next full collection: at 60 % its
 * peak RSS swung 10–15 % between back-to-back runs (production in s2: 156 → 165 MB over four 10 s runs), at 20 %
 * about 1 % (153 → 155 MB) at the same throughput, its live data being ~25 MB.
 */
export const heapGrowthConfigShape = (defaultPercent: number) => ({
  /** Old-generation growth past the live data between full collections, in percent; 0 leaves V8's own. */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1_000).default(defaultPercent),
});

/** Defaults: the gateway's and every subgraph's. */
export const GATEWAY_HEAP_GROWING_PERCENT = 40;
export const SUBGRAPH_HEAP_GROWING_PERCENT = 20;
