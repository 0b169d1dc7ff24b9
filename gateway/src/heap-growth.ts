import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent (0: V8's own
 * factor). V8's own grows a busy heap up to several times its live size: the gateway's ~60 MB of live data reached
 * ~390 MB of RSS under the national benchmark's load. 60 % held it near 230 MB; it costs little CPU now that
 * identical reads share executions (bench, s3). Not settable through NODE_OPTIONS, so it is set here at start.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
