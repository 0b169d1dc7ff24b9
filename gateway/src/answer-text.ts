import type { FormattedExecutionResult } from 'graphql';

/**
 * The gateway's `stringifyResult`: Apollo Server's own text (the JSON and a newline), after which the answer's
 * data is emptied, so that nothing the text was made from outlives it.
 *
 * Why: in gateway mode Apollo Server hands @apollo/gateway a request context whose `response.http` is an object
 * literal with a getter and a setter closing over Apollo's own request context (makeGatewayGraphQLRequestContext).
 * V8 allocates such a pair of accessors in the old generation, and a young-generation collection takes every
 * old object as live until the next full collection; so each request's context stayed reachable to them, and
 * with it the shaped answer in `response.body`. Every national roll-up's answer (~340 KB of objects) was copied
 * twice and promoted: 415 KB promoted per request, a young collection every ~3.6 requests pausing ~4 ms, a full
 * collection every ~40 (bench `hops`, 2026-12-07). With the data emptied here, 99 KB.
 *
 * Nothing else reads the objects after this: the plugins' `willSendResponse` hooks ran before, request sharing and
 * the response cache's first level keep the text, and Apollo returns the text. The one exception is an answer the
 * response cache's normalized level keeps to answer later requests with: it marks it (`keepAnswer`), and it is left
 * whole. Only the root's fields are removed: the rest of the tree is then unreachable.
 */
export function stringifyAndRelease(result: FormattedExecutionResult): string {
  const text = `${JSON.stringify(result)}\n`;
  const data = result.data as Record<string, unknown> | null | undefined;
  if (data && !kept.has(data)) for (const key of Object.keys(data)) delete data[key];
  return text;
}

const kept = new WeakSet<object>();

/** Marks an answer's data as kept beyond its request (the response cache): its text is then made without emptying it. */
export function keepAnswer(data: object): void {
  kept.add(data);
}
