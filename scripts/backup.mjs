#!/usr/bin/env node
// Online backup of one subgraph's database, safe under write load:
//   node scripts/backup.mjs <DATABASE_URL> <destination>
// SQLite: `VACUUM INTO` copies one transactionally consistent snapshot (writers keep going; WAL readers see a fixed view).
// PostgreSQL: `pg_dump -Fc` runs in one repeatable-read transaction, so the dump is one consistent snapshot too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [url, destination] = process.argv.slice(2);
if (!url || !destination) {
  console.error('usage: node scripts/backup.mjs <sqlite:file | postgres://…> <destination file>');
  process.exit(2);
}
const target = resolve(destination);
if (existsSync(target)) {
  console.error(`${target} exists: a backup never overwrites a file; choose a new name`);
  process.exit(2);
}
if (url.startsWith('sqlite:')) {
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(url.slice('sqlite:'.length));
  try {
    // Waits for a writer that holds the lock instead of failing at once.
    db.exec('pragma busy_timeout = 10000');
    db.prepare('vacuum into ?').run(target);
  } finally {
    db.close();
  }
} else if (/^postgres(ql)?:\/\//.test(url)) {
  const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, url], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
} else {
  console.error(`"${url}" is neither sqlite:<file> nor postgres://…`);
  process.exit(2);
}
console.log(`backed up to ${target}`);
