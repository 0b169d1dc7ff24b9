import { signInternal } from '@comuna/subgraph-kit/signed-context';

/** Bodies a login holds an active mandate for, as governance answers it; never throws. */
export type MandateLookup = (subject: string) => Promise<string[]>;

export interface MandateLookupOptions {
  /** Governance's GraphQL URL; the internal route is on the same host. */
  governanceUrl: string;
  /** The context secret: internal calls are signed like forwarded requests (ADR 0002). */
  secret: string;
  /** How long an answer is reused for a subject; a recall takes effect within it. 0 asks every time. */
  ttlMs: number;
  /** One lookup never holds a request longer than this. */
  timeoutMs: number;
  /** Subjects remembered at once; the oldest answer is dropped beyond it. */
  maxEntries?: number;
  /** Told when governance could not answer (the caller keeps only its token's grants). */
  onFailure?: (subject: string, reason: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

const ROUTE = 'active-mandates';

/**
 * Asks governance which bodies a signed-in user holds an active mandate for, through its signed internal route,
 * and remembers the answer per subject for `ttlMs`. Concurrent requests of one subject share one lookup. When
 * governance cannot answer (down, slow, refusing), the answer is "none" — derived roles fail closed, the request
 * goes on with the token's own grants — and that answer is remembered for the same time, so a governance outage
 * costs one timeout per subject and TTL, not one per request.
 */
export function mandateLookup(options: MandateLookupOptions): MandateLookup {
  const endpoint = new URL(`/internal/${ROUTE}`, options.governanceUrl);
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const cache = new Map<string, { expires: number; bodies: Promise<string[]> }>();

  async function ask(subject: string): Promise<string[]> {
    const query = `?${new URLSearchParams({ subject })}`;
    try {
      const response = await doFetch(`${endpoint}${query}`, { headers: signInternal(options.secret, ROUTE, query), signal: AbortSignal.timeout(options.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { bodies } = (await response.json()) as { bodies?: unknown };
      if (!Array.isArray(bodies) || !bodies.every((b) => typeof b === 'string' && /^[a-z]+:[0-9a-z]+$/.test(b))) throw new Error('malformed answer');
      return bodies as string[];
    } catch (error) {
      options.onFailure?.(subject, (error as Error).message);
      return [];
    }
  }

  return (subject) => {
    const at = now();
    const known = cache.get(subject);
    if (known && known.expires > at) return known.bodies;
    cache.delete(subject);
    const bodies = ask(subject);
    if (options.ttlMs > 0) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(subject, { expires: at + options.ttlMs, bodies });
    }
    return bodies;
  };
}
