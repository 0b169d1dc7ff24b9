import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { DatabaseKind } from './database.js';

const SQLITE = [
  "create trigger if not exists audit_entry_no_update before update on audit_entry begin select raise(abort, 'audit entries are append-only'); end",
  "create trigger if not exists audit_entry_no_delete before delete on audit_entry begin select raise(abort, 'audit entries are append-only'); end",
];

const POSTGRES = [
  `create or replace function comuna_audit_append_only() returns trigger language plpgsql as $$
   begin raise exception 'audit entries are append-only'; end $$`,
  'drop trigger if exists audit_entry_append_only on audit_entry',
  'create trigger audit_entry_append_only before update or delete on audit_entry for each row execute function comuna_audit_append_only()',
  'drop trigger if exists audit_entry_no_truncate on audit_entry',
  'create trigger audit_entry_no_truncate before truncate on audit_entry for each statement execute function comuna_audit_append_only()',
];

/**
 * The audit trail is append-only, and the database says so: triggers refuse UPDATE, DELETE (and TRUNCATE on
 * PostgreSQL) of audit entries, so not even a bug or a hand-typed statement can rewrite history. Idempotent.
 */
export async function installAuditGuards(orm: MikroORM, kind: DatabaseKind): Promise<void> {
  const em = orm.em.fork() as SqlEntityManager;
  for (const statement of kind === 'sqlite' ? SQLITE : POSTGRES) await em.execute(statement);
}
