import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort, gatewayEntry, launch, subgraphEntry } from '../scripts/processes.js';

export interface Service {
  name: string;
  url: string;
  stop(): Promise<void>;
  output(): string;
  /** The process's stdout as it arrives, one call per chunk read from the pipe. */
  onStdout(listener: (chunk: Buffer) => void): () => void;
}

/** Subscribes to a launched process's stdout; answers the unsubscribe. */
const stdoutOf = (started: { child: { stdout: NodeJS.ReadableStream } }) => (listener: (chunk: Buffer) => void) => {
  started.child.stdout.on('data', listener);
  return () => void started.child.stdout.off('data', listener);
};

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'comuna-e2e-'));
/** The secret the gateway signs forwarded context with; every process of a test run shares it. */
export const contextSecret = randomBytes(32).toString('hex');
process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Boots one subgraph as a real process on a free port, seeded with the sample data, on the given database
 * (a fresh SQLite file by default).
 */
export async function service(name: string, options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<Service> {
  const port = await freePort();
  const databaseUrl = options.databaseUrl ?? `sqlite:${join(scratch, `${name}-${port}.sqlite`)}`;
  const started = await launch(name, subgraphEntry(name), { PORT: String(port), DATABASE_URL: databaseUrl, SEED: 'sample', CONTEXT_SECRET: contextSecret, ...options.env }, `http://127.0.0.1:${port}/ready`, { quiet: true });
  return { name, url: `http://127.0.0.1:${port}/graphql`, stop: started.stop, output: started.output, onStdout: stdoutOf(started) };
}

export interface Gateway extends Service {
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
}

/** Boots the gateway as a real process over the given services. */
export async function gateway(services: Service[], env: Record<string, string> = {}): Promise<Gateway> {
  const port = await freePort();
  const urls = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));
  const started = await launch('gateway', gatewayEntry, { PORT: String(port), CONTEXT_SECRET: contextSecret, ...urls, ...env }, `http://127.0.0.1:${port}/health`, { quiet: true });
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    name: 'gateway',
    url,
    stop: started.stop,
    output: started.output,
    onStdout: stdoutOf(started),
    async query(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
  };
}

export { mintDevToken } from '@comuna/gateway/dev-tokens';

/** Headers carrying a development token for the given role over the given bodies. */
export async function bearer(role: 'ADMIN' | 'REGISTRY_CLERK' | 'SPOKESPERSON' | 'AUDITOR', bodies: string[] = ['*'], subject = `${role.toLowerCase()}-e2e`): Promise<Record<string, string>> {
  const { mintDevToken } = await import('@comuna/gateway/dev-tokens');
  return { authorization: `Bearer ${await mintDevToken({ subject, grants: [{ role, bodies }] })}` };
}
