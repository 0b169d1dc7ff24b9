#!/usr/bin/env node
// PostgreSQL restart under write load, on a throw-away cluster of its own (never the shared one on 5432):
//   APOLLO_TELEMETRY_DISABLED=1 npx node scripts/pg-restart-drill.mjs      (needs a built tree: npm run build)
// Shows: writes during the restart fail with coded errors (never a 500 or INTERNAL_SERVER_ERROR), the running
// territory subgraph reconnects by itself, and the rows in the database equal the acknowledged mutations.
// A separate command, not part of `npm test`: it runs initdb and a server, which takes ~15 s and needs root or postgres.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { mintDevToken } from '../gateway/dist/dev-tokens.js';
import { freePort, gatewayEntry, launch, subgraphEntry } from './processes.js';

const PORT = Number(process.env.DRILL_PG_PORT ?? 55432);
const LANES = 4;
const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1']).toString().trim();
const dir = mkdtempSync(join(tmpdir(), 'comuna-pg-drill-'));
chmodSync(dir, 0o777);
const asRoot = process.getuid?.() === 0;
// initdb and pg_ctl refuse to run as root: run them as postgres then.
function pgCommand(command, args) {
  const line = [join(bin, command), ...args].map((a) => `'${a}'`).join(' ');
  const result = asRoot ? spawnSync('su', ['postgres', '-c', line], { encoding: 'utf8' }) : spawnSync('sh', ['-c', line], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}${result.stderr}`);
}
const data = join(dir, 'data');
const pgCtlArgs = (args) => ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1`, ...args];
// The restart must not block this process's event loop, or no request would be in flight while it happens.
async function pgCtlAsync(...args) {
  const line = [join(bin, 'pg_ctl'), ...pgCtlArgs(args)].map((a) => `'${a}'`).join(' ');
  await promisify(execFile)(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-c', line] : ['-c', line]);
}
const pgCtl = (...args) => pgCommand('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1`, ...args]);

const REGISTER = 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }';
const processes = [];
try {
  pgCommand('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  pgCtl('start');
  const adminUrl = `postgresql://postgres@127.0.0.1:${PORT}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('create database drill');
  await admin.end();
  const url = `postgresql://postgres@127.0.0.1:${PORT}/drill`;

  const secret = randomBytes(32).toString('hex');
  const territoryPort = await freePort();
  const territory = await launch('territory', subgraphEntry('territory'), { PORT: String(territoryPort), DATABASE_URL: url, SEED: 'sample', CONTEXT_SECRET: secret, DATABASE_POOL_TIMEOUT_MS: '2000' }, `http://127.0.0.1:${territoryPort}/ready`, { quiet: true });
  processes.push(territory);
  const gatewayPort = await freePort();
  const gw = await launch('gateway', gatewayEntry, { PORT: String(gatewayPort), CONTEXT_SECRET: secret, TERRITORY_URL: `http://127.0.0.1:${territoryPort}/graphql` }, `http://127.0.0.1:${gatewayPort}/health`, { quiet: true });
  processes.push(gw);
  const authorization = `Bearer ${await mintDevToken({ subject: 'drill', grants: [{ role: 'REGISTRY_CLERK', bodies: ['*'] }] })}`;

  const counts = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`select (select count(*) from communal_council)::int as councils, (select count(*) from audit_entry where action = 'registerCommunalCouncil')::int as audited`);
      return rows[0];
    } finally {
      await client.end();
    }
  };
  const seeded = (await counts()).councils;

  const tally = { acknowledged: 0, acknowledgedOnRetry: 0, codes: {}, statuses: {}, okAfterRestart: 0 };
  let phase = 'before';
  let stop = false;
  // Each mutation carries an idempotency key and is retried with the same key after an error: a write whose commit
  // landed but whose answer was lost in the restart returns its stored result instead of writing twice. That is what
  // a client must do to be safe, and what makes "rows = acknowledged" checkable.
  const lane = async (n) => {
    for (let i = 0; !stop; i++) {
      const key = `drill-${n}-${i}-${randomBytes(4).toString('hex')}`;
      for (let attempt = 0; ; attempt++) {
        const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, 'idempotency-key': key },
          body: JSON.stringify({ query: REGISTER, variables: { input: { name: `Consejo Reinicio ${n}-${i}`, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' } } }),
        });
        tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
        const body = await response.json();
        if (!body.errors && body.data?.registerCommunalCouncil?.id) {
          tally.acknowledged++;
          if (attempt > 0) tally.acknowledgedOnRetry++;
          if (phase === 'after') tally.okAfterRestart++;
          break;
        }
        for (const error of body.errors ?? [{ extensions: { code: '(none)' } }]) {
          const code = error.extensions?.code ?? '(none)';
          tally.codes[code] = (tally.codes[code] ?? 0) + 1;
        }
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  };
  const lanes = Array.from({ length: LANES }, (_, n) => lane(n));
  await new Promise((r) => setTimeout(r, 3000));
  const atRestart = tally.acknowledged;
  const started = Date.now();
  await pgCtlAsync('restart', '-m', 'fast');
  const restartMs = Date.now() - started;
  phase = 'after';
  await new Promise((r) => setTimeout(r, 5000));
  stop = true;
  await Promise.all(lanes);

  const final = await counts();
  const report = {
    postgres: bin,
    lanes: LANES,
    acknowledgedBeforeRestart: atRestart,
    acknowledged: tally.acknowledged,
    acknowledgedAfterRestart: tally.okAfterRestart,
    acknowledgedOnRetry: tally.acknowledgedOnRetry,
    restartMs,
    httpStatuses: tally.statuses,
    errorCodes: tally.codes,
    rowsAdded: final.councils - seeded,
    auditEntries: final.audited,
  };
  console.log(JSON.stringify(report, null, 2));
  const problems = [];
  if (tally.statuses['500']) problems.push('HTTP 500 answers');
  if (tally.codes.INTERNAL_SERVER_ERROR || tally.codes['(none)']) problems.push('uncoded or INTERNAL_SERVER_ERROR errors');
  if (!Object.keys(tally.codes).length) problems.push('no request failed during the restart: nothing was in flight, so the drill proved nothing; run it again');
  if (tally.okAfterRestart === 0) problems.push('no mutation succeeded after the restart: the service did not reconnect');
  if (final.councils - seeded !== tally.acknowledged) problems.push(`rows added (${final.councils - seeded}) differ from acknowledged mutations (${tally.acknowledged})`);
  if (final.audited !== final.councils - seeded) problems.push('audit entries differ from rows added');
  if (problems.length) {
    console.error(`DRILL FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('DRILL PASSED: coded errors during the restart, reconnection without restarting the service, rows = acknowledged mutations');
  }
} finally {
  for (const p of processes.reverse()) await p.stop();
  try {
    pgCtl('stop', '-m', 'immediate');
  } catch {
    // not running
  }
  rmSync(dir, { recursive: true, force: true });
}
