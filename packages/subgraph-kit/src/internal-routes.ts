import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { databaseUnavailable } from './database-errors.js';
import { ContextRejected, verifyInternal } from './signed-context.js';

/** Internal routes live under this path: `GET /internal/<name>?…`. */
export const INTERNAL_PREFIX = '/internal/';

/**
 * A question the gateway asks a subgraph outside the graph (so no client can ever query it through the gateway).
 * It gets the query string's parameters and its own EntityManager, and answers JSON; a coded error (`status`)
 * answers that status.
 */
export type InternalRoute = (params: URLSearchParams, em: SqlEntityManager) => Promise<unknown>;

export class InternalRouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Serves a subgraph's internal routes for the HTTP server's GET hook. Every call must be signed with the context
 * secret for that route and that exact query string (`signInternal`); without a secret (open trust mode) every
 * call is refused, so development mode never opens them.
 */
export function internalRouteHandler(routes: Record<string, InternalRoute>, secret: string | undefined, fork: () => SqlEntityManager) {
  return (path: string, req: IncomingMessage, res: ServerResponse): boolean => {
    if (!path.startsWith(INTERNAL_PREFIX)) return false;
    const name = path.slice(INTERNAL_PREFIX.length);
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) return false;
    const query = new URL(req.url ?? '/', 'http://x').search;
    try {
      if (!secret) throw new ContextRejected('internal routes answer only signed calls, and this service has no context secret');
      verifyInternal(secret, name, req.headers, query);
    } catch (error) {
      send(res, 401, { error: `Unauthenticated: ${(error as Error).message}` });
      return true;
    }
    route(new URLSearchParams(query), fork()).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        if (error instanceof InternalRouteError) return send(res, error.status, { error: error.message });
        const unavailable = databaseUnavailable(error);
        send(res, unavailable ? 503 : 500, { error: unavailable ?? 'Internal server error' });
      },
    );
    return true;
  };
}
