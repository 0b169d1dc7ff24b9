#!/usr/bin/env node
// Restores a backup made by scripts/backup.mjs into a NEW database (never over a live one):
//   node scripts/restore.mjs <backup file> <DATABASE_URL of a database that does not exist yet / a new sqlite file>
import { spawnSync } from 'node:child_process';
import { copyFileSync, constants, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [backup, url] = process.argv.slice(2);
if (!backup || !url) {
  console.error('usage: node scripts/restore.mjs <backup file> <sqlite:new-file | postgres://…/new_database>');
  process.exit(2);
}
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (url.startsWith('sqlite:')) {
  const file = resolve(url.slice('sqlite:'.length));
  if (existsSync(file)) {
    console.error(`${file} exists: restore into a new file, then point DATABASE_URL at it`);
    process.exit(2);
  }
  // The backup is a complete database file already (VACUUM INTO); COPYFILE_EXCL refuses to overwrite.
  copyFileSync(resolve(backup), file, constants.COPYFILE_EXCL);
} else if (/^postgres(ql)?:\/\//.test(url)) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  // createdb fails if the database exists, so a restore never lands on live data.
  run('createdb', ['--maintenance-db', admin.toString(), name]);
  run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target}`, resolve(backup)]);
} else {
  console.error(`"${url}" is neither sqlite:<file> nor postgres://…`);
  process.exit(2);
}
console.log(`restored ${backup} into ${url}`);
