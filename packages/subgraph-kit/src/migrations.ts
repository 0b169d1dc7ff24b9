import type { SqlEntityManager } from '@mikro-orm/sql';
import { AuditEntry } from './audit-entry.js';
import { ensureKitTables, initOrm } from './database.js';
import { IdempotencyRecord } from './idempotency-record.js';
import type { SubgraphDefinition } from './subgraph.js';

/**
 * The migration commands of a subgraph (PostgreSQL):
 *   create <sourceDir>  writes a migration for the difference between the entities and the database
 *   up | down           applies or reverts migrations (compiled ones, from the subgraph's dist)
 */
export async function migrationCommand(def: SubgraphDefinition<unknown>, command: string, databaseUrl: string, sourceDir: string): Promise<string> {
  const orm = await initOrm({ databaseUrl, entities: [...(def.entities ?? []), AuditEntry, IdempotencyRecord], migrationsPath: def.migrationsPath });
  try {
    switch (command) {
      case 'create': {
        await orm.migrator.up();
        // The kit's own tables exist before the diff, so a subgraph's migration never tries to create them.
        await ensureKitTables(orm, 'postgresql');
        const result = await orm.migrator.create(sourceDir);
        return result.fileName ? `created ${sourceDir}/${result.fileName}` : 'no changes: the database matches the entities';
      }
      case 'up':
        return `applied ${(await orm.migrator.up()).length} migration(s)`;
      case 'down':
        return `reverted ${(await orm.migrator.down()).length} migration(s)`;
      case 'pending':
        return JSON.stringify(await orm.migrator.getPending());
      default:
        throw new Error(`unknown migration command "${command}": use create, up, down or pending`);
    }
  } finally {
    await orm.close(true);
    void (orm.em as SqlEntityManager);
  }
}
