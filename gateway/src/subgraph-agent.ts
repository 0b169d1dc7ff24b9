import { Agent, request } from 'undici';
import type { Fetch } from './subgraph-fetch.js';

const NO_BODY = new Set([101, 103, 204, 205, 304]);

export interface AgentOptions {
  /** Connections per subgraph at most; requests beyond wait for a free one. */
  connections: number;
  /** Idle keep-alive connections are closed after this. */
  keepAliveMs: number;
}

/**
 * The gateway's HTTP client to the subgraphs: keep-alive connections, bounded per subgraph, through undici's
 * `request` rather than the global `fetch`, whose WHATWG streams and objects cost more CPU than the call itself on
 * a small answer. The answer is handed on as a standard Response once its body is read, as @apollo/gateway expects.
 */
export function subgraphAgent(options: AgentOptions): { fetch: Fetch; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connections, keepAliveTimeout: options.keepAliveMs, keepAliveMaxTimeout: Math.max(options.keepAliveMs, 600_000) });
  return {
    async fetch(url, init) {
      const { signal } = init as { signal?: AbortSignal };
      const answer = await request(url, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body, signal, dispatcher: agent });
      const text = await answer.body.text();
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      }
      // A Response refuses a body with the statuses that cannot have one.
      return new Response(NO_BODY.has(answer.statusCode) ? null : text, { status: answer.statusCode, headers });
    },
    close: () => agent.close(),
  };
}
