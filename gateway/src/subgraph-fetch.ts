import { GraphQLError } from 'graphql';

export interface SubgraphFetchOptions {
  /** The subgraph's name, for the error that tells the client which part of its answer is missing. */
  name: string;
  /** One call to the subgraph, retries included, never takes longer than this. */
  deadlineMs: number;
  /** Further attempts after the first, for queries only. */
  retries: number;
  /** First backoff; doubled each attempt, with jitter. */
  backoffMs: number;
  /** Told of every call's outcome and duration (metrics). */
  observe?: (outcome: 'ok' | 'error' | 'unavailable', seconds: number) => void;
}

export type Fetch = (url: string, init: { method?: string; headers: Record<string, string>; body: string }) => Promise<Response>;

/** Statuses that say "not now" rather than "never": worth another attempt for a read. */
const retryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * The gateway's subgraph calls are mutations or queries as planned by the gateway; the operation keyword comes
 * first in the text it generates. A mutation is never retried: the first attempt may have committed even if its
 * answer was lost, and only the client, with an idempotency key, can safely ask again.
 */
export function isMutation(body: string): boolean {
  // Most calls are reads whose body never spells the word: answered without parsing the body (two checks per call).
  if (!body.includes('mutation')) return false;
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === 'string' && /^\s*mutation\b/.test(query);
  } catch {
    return true;
  }
}

/** The error a client sees in place of the missing part of its answer; the healthy subgraphs' data still comes back. */
export function subgraphUnavailable(name: string, reason: string): GraphQLError {
  return new GraphQLError(`The ${name} service is unavailable (${reason}); the rest of the answer is complete. Retry later for the missing fields.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: name },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a fetch with a deadline (@apollo/gateway has none: a hung subgraph would hang the client's request) and
 * retries for queries on connection errors, 5xx and 429, with exponential backoff inside the same deadline.
 */
export function deadlineFetch(inner: Fetch, options: SubgraphFetchOptions): Fetch {
  return async (url, init) => {
    const started = performance.now();
    try {
      const response = await attempt(url, init);
      options.observe?.(response.ok ? 'ok' : 'error', (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      options.observe?.('unavailable', (performance.now() - started) / 1000);
      throw error;
    }
  };

  async function attempt(url: string, init: Parameters<Fetch>[1]): Promise<Response> {
    const deadline = Date.now() + options.deadlineMs;
    const attempts = isMutation(init.body) ? 1 : options.retries + 1;
    let reason = 'no answer';
    for (let attempt = 0; attempt < attempts; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      try {
        const response = await inner(url, { ...init, signal: AbortSignal.timeout(remaining) } as never);
        if (!retryableStatus(response.status)) return response;
        reason = `HTTP ${response.status}`;
        await response.body?.cancel();
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
        reason = timedOut ? `no answer within ${options.deadlineMs} ms` : `connection failed: ${connectionReason(error)}`;
        if (timedOut) break;
      }
      const backoff = Math.min(options.backoffMs * 2 ** attempt * (0.5 + Math.random()), deadline - Date.now());
      if (backoff > 0 && attempt < attempts - 1) await sleep(backoff);
    }
    throw subgraphUnavailable(options.name, reason);
  }
}

function connectionReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).message;
}
