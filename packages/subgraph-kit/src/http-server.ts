import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** Request bodies above this are refused before parsing (a GraphQL document is never this large), unless `maxBodyBytes` says otherwise. */
export const MAX_BODY_BYTES = 1_000_000;

export interface ServeOptions<C extends BaseContext, I = undefined> {
  apollo: ApolloServer<C>;
  /**
   * Checks who sent the request before anything is parsed or executed (the raw body, or the query string of a
   * GET); throwing answers 401. Its result reaches `context`.
   */
  authenticate?: (req: IncomingMessage, raw: string) => I;
  context: (req: IncomingMessage, identity: I) => Promise<C>;
  /** Extra GET routes (static pages, /metrics); answers true when it handled the request. */
  routes?: (path: string, req: IncomingMessage, res: ServerResponse) => boolean;
  /** Refuses a request (429) before reading it, e.g. when its client is over its rate. */
  admit?: (req: IncomingMessage) => boolean;
  /** Answers whether the service can do useful work (database reachable…); used by /ready. */
  ready?: () => Promise<boolean>;
  /**
   * Requests served at once; above it a request is refused at once with 503 and `retry-after`, so overload
   * shows up as fast refusals a client can retry instead of a queue that grows until everything times out.
   */
  maxInFlight?: number;
  /** Largest request body accepted (default MAX_BODY_BYTES): a subgraph's `_entities` calls grow with the representations the gateway batches. */
  maxBodyBytes?: number;
  /** How long `close()` waits for in-flight requests before cutting their connections. */
  drainTimeoutMs?: number;
  /**
   * Answers a POST can get without executing (the gateway's response cache and request sharing): asked after the
   * rate limit, the body limit and authentication, before parsing; told of every executed POST's answer.
   */
  answers?: AnswerStore;
  /** Called once per finished request (metrics, logs). */
  onFinished?: (event: RequestEvent) => void;
  /** Runs the execution of each GraphQL request inside something that outlives it (a trace span). */
  trace?: <T>(req: IncomingMessage, run: () => Promise<T>) => Promise<T>;
  host: string;
  port: number;
}

/** An answer as it went out: status, headers and body text. */
export interface KeptAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

export interface AnswerStore {
  /**
   * An answer to this request without executing it: kept from an earlier one, or awaited from an identical request
   * executing now (undefined from the promise: execute after all). Undefined: this request executes.
   */
  lookup(req: IncomingMessage, raw: string): KeptAnswer | Promise<KeptAnswer | undefined> | undefined;
  /** Told of every POST that executed, once it is over: its answer, or undefined when it produced none. */
  settle(req: IncomingMessage, raw: string, answer: KeptAnswer | undefined): void;
}

export interface RequestEvent {
  req: IncomingMessage;
  status: number;
  durationMs: number;
}

/** Default for `maxInFlight`. */
export const DEFAULT_MAX_IN_FLIGHT = 256;

export interface RunningServer {
  server: Server;
  url: string;
  /** Requests being served now. */
  inFlight(): number;
  /** Stops accepting, lets in-flight requests finish (up to the drain timeout), then closes every connection. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server over node:http at `/graphql`, with `/health` (process alive) and `/ready`.
 * Plain node:http rather than a framework: the subgraphs need nothing else, and it keeps the hot path short.
 */
export async function serve<C extends BaseContext, I = undefined>(options: ServeOptions<C, I>): Promise<RunningServer> {
  const { apollo } = options;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;
  const server = createServer(async (req, res) => {
    const started = performance.now();
    // One id per client request, created at the edge (the gateway) and passed on, so every service logs the same one.
    const given = req.headers['x-request-id'];
    if (typeof given !== 'string' || !/^[\w-]{1,100}$/.test(given)) req.headers['x-request-id'] = randomUUID();
    res.setHeader('x-request-id', req.headers['x-request-id'] as string);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/ready') {
      // A draining process says it is not ready, so a load balancer stops sending it work before it exits.
      const ok = !draining && (options.ready ? await options.ready().catch(() => false) : true);
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : draining ? 'shutting down' : 'not ready' });
    }
    if (draining) {
      res.setHeader('connection', 'close');
      return sendJson(res, 503, { errors: [{ message: 'Shutting down: retry on another instance', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    if (inFlight >= maxInFlight) {
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, { errors: [{ message: `Overloaded: more than ${maxInFlight} requests in progress; retry shortly`, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    inFlight++;
    res.once('close', () => {
      inFlight--;
      options.onFinished?.({ req, status: res.statusCode, durationMs: performance.now() - started });
      if (draining && inFlight === 0) drained?.();
    });
    // Once set, called exactly once: with the answer sent, or with nothing (streamed, failed).
    let settle: ((answer: KeptAnswer | undefined) => void) | undefined;
    try {
      if (req.method === 'GET' && options.routes?.(path ?? '/', req, res)) return;
      if (path !== '/graphql' && path !== '/') return sendJson(res, 404, { error: 'not found: use /graphql' });
      if (options.admit && !options.admit(req)) {
        res.setHeader('retry-after', '1');
        return sendJson(res, 429, { errors: [{ message: 'Too many requests: slow down and retry', extensions: { code: 'RATE_LIMITED' } }] });
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const search = new URL(req.url ?? '/', 'http://x').search;
      const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      let identity: I;
      try {
        identity = options.authenticate ? options.authenticate(req, raw || search) : (undefined as I);
      } catch (error) {
        return sendJson(res, 401, { errors: [{ message: `Unauthenticated: ${(error as Error).message}`, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const lookedUp = req.method === 'POST' ? options.answers?.lookup(req, raw) : undefined;
      const kept = lookedUp instanceof Promise ? await lookedUp : lookedUp;
      if (kept) {
        for (const [key, value] of kept.headers) res.setHeader(key, value);
        res.statusCode = kept.status;
        res.end(kept.body);
        return;
      }
      if (req.method === 'POST' && options.answers) settle = (answer) => options.answers!.settle(req, raw, answer);
      let body: unknown = raw;
      if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const execute = () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
          context: () => options.context(req, identity),
        });
      const result = options.trace ? await options.trace(req, execute) : await execute();
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
        const done = settle;
        settle = undefined;
        done?.({ status: res.statusCode, headers: [...result.headers], body: result.body.string });
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body stays unread, so this connection cannot carry another request: it closes after the
        // answer. Kept open, a client that reused it waited for its next answer until it timed out.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { errors: [{ message: `Request body over ${maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    } finally {
      const last = settle;
      settle = undefined;
      last?.(undefined);
    }
  });
  server.keepAliveTimeout = 65_000;
  const close = async () => {
    if (draining) return;
    draining = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      const timeout = options.drainTimeoutMs ?? 10_000;
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, timeout).unref();
      });
    }
    // Keep-alive connections that just finished a request would otherwise hold the server open until they time out.
    server.closeAllConnections();
    await stopped;
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host}:${port}/graphql`,
    inFlight: () => inFlight,
    close,
  };
}
