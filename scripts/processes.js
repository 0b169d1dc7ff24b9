// Starting the federation's processes: used by `npm start` and by the end-to-end tests, so both boot the
// services the same way (built JavaScript, the same Node, readiness checked over HTTP).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const root = new URL('..', import.meta.url).pathname;

/** Subgraph names with their default local URLs (schema/subgraphs.json is the list the supergraph is composed from). */
export const subgraphs = JSON.parse(readFileSync(new URL('../schema/subgraphs.json', import.meta.url), 'utf8'));

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `entry` (a built main.js) with extra environment; resolves once `readyUrl` answers 200, and rejects with
 * the process's output if it exits first or is not ready in time.
 */
const MAX_OUTPUT = 1 << 20;

/**
 * Appends a chunk of a child's output, keeping only the tail (for the error when a process fails): a gateway
 * logging a line per request for an hour of benchmark would otherwise outgrow the longest string V8 allows.
 */
export function appendTail(output, chunk) {
  const next = output + chunk;
  return next.length > MAX_OUTPUT ? next.slice(-MAX_OUTPUT / 2) : next;
}

export function launch(name, entry, env, readyUrl, { timeoutMs = 30_000, quiet = false, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (stream) => (chunk) => {
    output = appendTail(output, chunk);
    if (!quiet) stream.write(`[${name}] ${chunk}`.replace(/\n(?=.)/g, `\n[${name}] `));
  };
  child.stdout.on('data', collect(process.stdout));
  child.stderr.on('data', collect(process.stderr));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`));
    });
    const poll = async () => {
      if (exited) return;
      try {
        const response = await fetch(readyUrl);
        if (response.ok) return resolve({ name, child, stop, output: () => output });
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await stop();
        return reject(new Error(`${name} was not ready at ${readyUrl} within ${timeoutMs} ms:\n${output}`));
      }
      setTimeout(poll, 100);
    };
    poll();
  });
}

/**
 * How every service is run where it is deployed (deploy/Dockerfile says the same; test/deploy.e2e.test.ts holds
 * them together), so `npm start` and the benchmark measure what ships. glibc's malloc keeps up to eight arenas per
 * core for Node's threads, which fragment: two arenas took ~17 MB off the gateway's RSS under load at the same
 * throughput. V8's young generation is capped (it grew to 64 MB semi-spaces, up to 128 MB of RSS, under load);
 * the gateway, whose objects die young, at 8 MB: another ~15–20 MB less at the same throughput (2026-12-06).
 */
export const serviceMemoryEnv = (service, { nodeOptions } = {}) => ({
  MALLOC_ARENA_MAX: '2',
  // Options of the caller's own (e.g. --inspect, --cpu-prof) come after, so they are kept, not replaced.
  NODE_OPTIONS: [`--max-semi-space-size=${semiSpaceMb(service)}`, nodeOptions].filter(Boolean).join(' '),
});

const semiSpaceMb = (service) => (service === 'gateway' ? 8 : 16);

/**
 * Node's own arguments for a service, before its entry (NODE_OPTIONS refuses this flag): the young generation starts
 * at its cap instead of growing to it. V8 shrinks an idle process's young generation and grows it again under the
 * next load: ~30 MB of RSS that came back with each change of load and counted as growth between runs (a subgraph
 * idle in one benchmark scenario grew 10–11 % over the next one's runs; 2026-12-07).
 */
export const serviceNodeArgs = (service) => [`--min-semi-space-size=${semiSpaceMb(service)}`];

export const subgraphEntry = (name) => `${root}subgraphs/${name}/dist/main.js`;
export const gatewayEntry = `${root}gateway/dist/main.js`;
