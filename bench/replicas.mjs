#!/usr/bin/env node
// Two territory replicas behind nginx (Debian package, loopback only), one PostgreSQL database, the gateway on nginx:
//   APOLLO_TELEMETRY_DISABLED=1 npx node bench/replicas.mjs      (needs npm run build, nginx and PostgreSQL on 5432)
// 1. writes and reads spread across replicas give the answers one replica would (no per-process state);
// 2. one replica is killed (SIGKILL) under a mixed load: queries are retried by the gateway, mutations carry
//    idempotency keys and the client retries them with the same key, so no request is lost or applied twice.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { mintDevToken } from '../gateway/dist/dev-tokens.js';
import { freePort, gatewayEntry, launch, root, subgraphEntry } from '../scripts/processes.js';

const POSTGRES = process.env.COMUNA_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'comuna-replicas-'));
chmodSync(dir, 0o777);
const name = `comuna_replicas_${randomBytes(4).toString('hex')}`;
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
};
const dbUrl = new URL(POSTGRES);
dbUrl.pathname = `/${name}`;
const processes = [];
let nginx;
const REGISTER = 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id name } }';
const LIST = '{ communalCouncils(first: 100) { totalCount edges { node { id name } } } }';
const input = (label) => ({ name: `Consejo Réplica ${label}`, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' });
try {
  await admin(`create database ${name}`);
  const secret = randomBytes(32).toString('hex');
  const replicas = [];
  // One after the other: the first migrates and seeds, the second finds the schema and data in place.
  for (const label of ['a', 'b']) {
    const port = await freePort();
    const replica = await launch(`territory-${label}`, subgraphEntry('territory'), { PORT: String(port), DATABASE_URL: dbUrl.toString(), SEED: 'sample', CONTEXT_SECRET: secret }, `http://127.0.0.1:${port}/ready`, { quiet: true });
    replicas.push({ port, replica });
    processes.push(replica);
  }
  const port = await freePort();
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o777 });
  const config = readFileSync(join(root, 'deploy/nginx-replicas.conf.template'), 'utf8')
    .replaceAll('@DIR@', dir)
    .replaceAll('@PORT_A@', String(replicas[0].port))
    .replaceAll('@PORT_B@', String(replicas[1].port))
    .replaceAll('@PORT@', String(port));
  writeFileSync(join(dir, 'nginx.conf'), config);
  nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const gatewayPort = await freePort();
  processes.push(await launch('gateway', gatewayEntry, { PORT: String(gatewayPort), CONTEXT_SECRET: secret, TERRITORY_URL: `http://127.0.0.1:${port}/graphql` }, `http://127.0.0.1:${gatewayPort}/health`, { quiet: true }));
  const authorization = `Bearer ${await mintDevToken({ subject: 'replicas', grants: [{ role: 'REGISTRY_CLERK', bodies: ['*'] }] })}`;
  const post = async (query, variables, headers = {}) => {
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...(await response.json()) };
  };

  // 1. Same answers whichever replica serves.
  const problems = [];
  const first = await post(LIST);
  if (!first.data) throw new Error(`first read failed: ${JSON.stringify(first)}`);
  const seeded = first.data.communalCouncils.totalCount;
  for (let i = 0; i < 20; i++) {
    const r = await post(REGISTER, { input: input(`uno ${i}`) });
    if (r.errors) problems.push(`write ${i}: ${JSON.stringify(r.errors)}`);
  }
  const answers = new Set();
  for (let i = 0; i < 20; i++) answers.add(JSON.stringify((await post(LIST)).data));
  if (answers.size !== 1) problems.push(`20 reads across replicas gave ${answers.size} different answers`);
  const listed = JSON.parse([...answers][0]).communalCouncils.totalCount;
  if (listed !== seeded + 20) problems.push(`after 20 writes the list holds ${listed}, expected ${seeded + 20}`);

  // 2. Kill one replica under load.
  const tally = { reads: 0, readErrors: 0, writes: 0, writeRetries: 0, codes: {}, statuses: {} };
  let stop = false;
  const reader = async () => {
    while (!stop) {
      const r = await post(LIST);
      tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
      if (r.errors) {
        tally.readErrors++;
        for (const e of r.errors) tally.codes[e.extensions?.code ?? '(none)'] = (tally.codes[e.extensions?.code ?? '(none)'] ?? 0) + 1;
      } else tally.reads++;
    }
  };
  const writer = async (lane) => {
    for (let i = 0; !stop; i++) {
      const key = `replicas-${lane}-${i}-${randomBytes(4).toString('hex')}`;
      for (let attempt = 0; ; attempt++) {
        const r = await post(REGISTER, { input: input(`dos ${lane}-${i}`) }, { 'idempotency-key': key });
        tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
        if (!r.errors) {
          tally.writes++;
          break;
        }
        tally.writeRetries++;
        for (const e of r.errors) tally.codes[e.extensions?.code ?? '(none)'] = (tally.codes[e.extensions?.code ?? '(none)'] ?? 0) + 1;
        await new Promise((res) => setTimeout(res, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  };
  const load = [reader(), reader(), writer(1), writer(2)];
  await new Promise((r) => setTimeout(r, 2000));
  replicas[0].replica.child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 4000));
  stop = true;
  await Promise.all(load);
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  const { rows: [counts] } = await client.query(`select (select count(*) from communal_council)::int as councils, (select count(*) from audit_entry where action = 'registerCommunalCouncil')::int as audited`);
  await client.end();
  const expected = seeded + 20 + tally.writes;
  if (counts.councils !== expected) problems.push(`rows ${counts.councils} differ from seeded + acknowledged writes ${expected}`);
  if (counts.audited !== 20 + tally.writes) problems.push(`audit entries ${counts.audited} differ from acknowledged writes ${20 + tally.writes}`);
  if (tally.statuses['500'] || tally.codes.INTERNAL_SERVER_ERROR || tally.codes['(none)']) problems.push('500s or uncoded errors');
  console.log(JSON.stringify({ replicas: 2, distinctAnswersAcrossReplicas: answers.size, afterKill: tally, rows: counts.councils, expectedRows: expected }, null, 2));
  if (problems.length) {
    console.error(`REPLICAS FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else console.log('REPLICAS PASSED: same answers from either replica; killing one lost no acknowledged write and applied none twice');
} finally {
  for (const p of processes.reverse()) await p.stop();
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx.once('exit', r));
  }
  await admin(`drop database if exists ${name} with (force)`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
