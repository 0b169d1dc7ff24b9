import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next requests: pass them, hold them, refuse the connection, or answer an error. */
export type Fault = { kind: 'pass' } | { kind: 'delay'; ms: number } | { kind: 'reset' } | { kind: 'status'; status: number; times?: number };

export interface FaultProxy {
  url: string;
  /** Requests that reached the proxy since the last `reset`. */
  hits(): number;
  set(fault: Fault): void;
  /** Where requests go; lets a restarted subgraph on another port take over behind the same address. */
  retarget(url: string): void;
  resetHits(): void;
  close(): Promise<void>;
}

/**
 * A fault-injecting HTTP proxy between the gateway and one subgraph (loopback only): a subgraph can be made slow,
 * unreachable or failing without touching its process, and the gateway never knows it is there.
 */
export async function faultProxy(target: string): Promise<FaultProxy> {
  let fault: Fault = { kind: 'pass' };
  let hits = 0;
  let upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    hits++;
    const current = fault;
    if (current.kind === 'reset') return req.socket.destroy();
    if (current.kind === 'status') {
      // A failure for the next `times` requests only, then the subgraph answers again.
      if (current.times !== undefined && --current.times <= 0) fault = { kind: 'pass' };
      res.writeHead(current.status, { 'content-type': 'text/plain' });
      return res.end('injected failure');
    }
    const forward = () => {
      const outgoing = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      outgoing.on('error', () => req.socket.destroy());
      req.pipe(outgoing);
    };
    if (current.kind === 'delay') {
      const timer = setTimeout(forward, current.ms);
      res.once('close', () => clearTimeout(timer));
    } else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    hits: () => hits,
    set: (next) => {
      fault = next;
    },
    retarget: (url) => {
      upstream = new URL(url);
    },
    resetHits: () => {
      hits = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
