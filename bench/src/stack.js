// Starts what the benchmark measures, from built JavaScript with production settings: the four subgraphs on the
// national dataset as deployed (NODE_ENV=production, signed trust: they answer only signed requests; inline
// tracing is always off, and each logs its buffered line per operation), our gateway in production, and Hive
// Gateway over the same committed supergraph, signing its subgraph requests with the same secret (`signing.js`).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendTail, gatewayEntry, launch, root, serviceMemoryEnv, serviceNodeArgs, subgraphEntry, subgraphs } from '../../scripts/processes.js';
import { CONTEXT_SECRET } from './signing.js';

export const SUBGRAPHS = Object.keys(subgraphs);
const portOf = (name) => Number(new URL(subgraphs[name].url).port);

export async function startSubgraphs(dataDir, extraEnv = () => ({})) {
  const running = {};
  for (const name of SUBGRAPHS) {
    const file = join(dataDir, `${name}.sqlite`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run -w @comuna/bench generate\` first`);
    const port = portOf(name);
    const extra = extraEnv(name);
    // As deployed (deploy/Dockerfile): malloc arenas and the young generation capped in every service.
    const memory = serviceMemoryEnv(name, { nodeOptions: extra.NODE_OPTIONS });
    running[name] = await launch(name, subgraphEntry(name), { PORT: String(port), DATABASE_URL: `sqlite:${file}`, SEED: 'none', NODE_ENV: 'production', CONTEXT_SECRET, ...memory, ...extra, NODE_OPTIONS: memory.NODE_OPTIONS }, `http://127.0.0.1:${port}/ready`, { quiet: true, timeoutMs: 60_000, nodeArgs: serviceNodeArgs(name) });
    running[name].url = subgraphs[name].url;
  }
  return running;
}

/**
 * Our gateway in production mode. Its defaults share work between identical concurrent requests (anonymous reads
 * share one execution, identical subgraph queries one call); `best` adds the response cache of anonymous reads
 * (emptied by every mutation), as Hive's best adds its response cache; `plain` turns request sharing off and keeps
 * the subgraph-call de-duplication, as Hive Gateway's default de-duplicates its upstream requests.
 */
export async function startGateway(port, { best = false, plain = false, env: extra = {}, nodeOptions } = {}) {
  const env = {
    PORT: String(port),
    NODE_ENV: 'production',
    CONTEXT_SECRET,
    JWT_ISSUER: 'comuna-graph-bench',
    JWT_SECRET: randomBytes(32).toString('hex'),
    // One loopback client sends every request: the per-client limit would measure the limiter, not the gateway.
    RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
    // As deployed (deploy/Dockerfile): malloc arenas and the young generation capped.
    ...serviceMemoryEnv('gateway', { nodeOptions }),
    ...(best ? { RESPONSE_CACHE_TTL_MS: '60000' } : {}),
    ...(plain ? { REQUEST_DEDUP: 'false' } : {}),
    ...extra,
  };
  const started = await launch('gateway', gatewayEntry, env, `http://127.0.0.1:${port}/health`, { quiet: true, timeoutMs: 60_000, nodeArgs: serviceNodeArgs('gateway') });
  return { ...started, url: `http://127.0.0.1:${port}/graphql` };
}

/**
 * Hive Gateway with its Rust query planner over the committed supergraph, unchanged. Best settings turn on what
 * it offers for this load: response caching of the (public, read-only) results and in-flight deduplication.
 */
export async function startHive(port, { best = false } = {}) {
  const dir = join(root, 'bench', '.hive', best ? 'best' : 'default');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'gateway.config.mjs');
  writeFileSync(config, hiveConfig(best));
  const bin = join(root, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
  const started = await launchBin('hive-gateway', bin, ['supergraph', join(root, 'schema', 'supergraph.graphql'), '--hive-router-runtime', '--port', String(port), '--host', '127.0.0.1'], { NODE_ENV: 'production', BENCH_CONTEXT_SECRET: CONTEXT_SECRET }, `http://127.0.0.1:${port}/healthcheck`, config);
  return { ...started, url: `http://127.0.0.1:${port}/graphql` };
}

function hiveConfig(best) {
  return `import { signingPlugin } from ${JSON.stringify(pathToFileURL(join(root, 'bench', 'src', 'signing.js')).href)};
export const gatewayConfig = {
  logging: 'error',
  plugins: () => [signingPlugin()],
  ${best ? `responseCaching: { session: () => null, ttl: 60_000 },
  inboundInflightRequestDeduplication: true,` : ''}
};
`;
}

async function launchBin(name, bin, args, env, readyUrl, config) {
  const { spawn } = await import('node:child_process');
  const { dirname } = await import('node:path');
  const child = spawn(process.execPath, [bin, ...args], { cwd: dirname(config), env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (c) => (output = appendTail(output, c));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready:\n${output}`);
    try {
      if ((await fetch(readyUrl)).ok) return { name, child, stop, output: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} not ready at ${readyUrl}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
