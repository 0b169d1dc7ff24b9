// `npm start`: every subgraph and the gateway, side by side, on the embedded database with the sample data.
import { randomBytes } from 'node:crypto';
import { gatewayEntry, launch, serviceMemoryEnv, serviceNodeArgs, subgraphEntry, subgraphs } from './processes.js';

// The gateway signs what it forwards with a secret the subgraphs share; a fresh one each start unless configured.
const CONTEXT_SECRET = process.env.CONTEXT_SECRET ?? randomBytes(32).toString('hex');

const started = [];
const stopAll = async () => {
  await Promise.all(started.map((p) => p.stop()));
  process.exit(0);
};
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

try {
  const urls = {};
  await Promise.all(
    Object.entries(subgraphs).map(async ([name, { url }]) => {
      const { port } = new URL(url);
      const env = { ...serviceMemoryEnv(name, { nodeOptions: process.env.NODE_OPTIONS }), PORT: port, CONTEXT_SECRET, DATABASE_URL: process.env[`${name.toUpperCase()}_DATABASE_URL`] ?? `sqlite:data/${name}.sqlite` };
      started.push(await launch(name, subgraphEntry(name), env, new URL('/ready', url).href, { nodeArgs: serviceNodeArgs(name) }));
      urls[`${name.toUpperCase()}_URL`] = url;
    }),
  );
  const port = process.env.PORT ?? '4000';
  started.push(await launch('gateway', gatewayEntry, { ...serviceMemoryEnv('gateway', { nodeOptions: process.env.NODE_OPTIONS }), ...urls, PORT: port, CONTEXT_SECRET }, `http://127.0.0.1:${port}/health`, { nodeArgs: serviceNodeArgs('gateway') }));
  console.log(`\nComuna Graph is up: POST GraphQL to http://127.0.0.1:${port}/graphql (Ctrl-C stops every service)`);
} catch (error) {
  console.error(error.message);
  await Promise.all(started.map((p) => p.stop()));
  process.exit(1);
}
