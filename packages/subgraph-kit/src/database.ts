import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DefaultLogger, MikroORM, type LogContext, type Options } from '@mikro-orm/core';
import { SqliteDriver, type SqlEntityManager } from '@mikro-orm/sql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { changeCapture } from './audit-changes.js';
import { bindReads, CachingSqliteDialect } from './sqlite-reads.js';
import { IDEMPOTENCY_INDEX_POSTGRES, IDEMPOTENCY_TABLE_POSTGRES } from './idempotency-record.js';

export type DatabaseKind = 'sqlite' | 'postgresql';

/** Where a subgraph keeps its data: `sqlite:<file>` / `sqlite::memory:` or `postgres://…`. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgresql';
  throw new Error(`DATABASE_URL "${url}" is neither sqlite:<file> nor postgres://…`);
}

export interface OrmOptions {
  databaseUrl: string;
  entities: Options['entities'];
  /** Folder of compiled migrations (PostgreSQL). */
  migrationsPath?: string;
  /** Called for every SQL statement; used to count statements per request. */
  onStatement?: (sql: string) => void;
  /** Called once each statement has finished (its text has placeholders, never values); used for trace spans. */
  onStatementDone?: StatementDone;
  poolMax?: number;
  /** How long a request waits for a pooled connection before failing (pg waits for ever by default). */
  poolTimeoutMs?: number;
  /** SQLite: how long a write waits for the write lock held by another connection. */
  busyTimeoutMs?: number;
}

/** A finished statement: its text as prepared, how long it took (ms, when known) and whether it failed. */
export type StatementDone = (sql: string, tookMs: number | undefined, failed: boolean) => void;

/**
 * MikroORM reports every statement it ran, with its duration, to its logger, for SQLite (Kysely over node:sqlite)
 * and PostgreSQL (pg) alike; the logger sees the text with placeholders unless query-parameter logging is on.
 */
function statementLogger(done: StatementDone): Options['loggerFactory'] {
  return (options) =>
    new (class extends DefaultLogger {
      override logQuery(context: { query: string } & LogContext): void {
        // The slow-query log repeats a statement already reported.
        if (context.namespace !== 'slow-query' && context.query) done(context.query, context.took, context.level === 'error');
        super.logQuery(context);
      }
    })(options);
}

export type Orm = MikroORM;
export type EntityManager = SqlEntityManager;

export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  const onQuery = (sql: string) => {
    options.onStatement?.(sql);
    return sql;
  };
  const common = {
    entities: options.entities,
    onQuery,
    ...(options.onStatementDone ? { loggerFactory: statementLogger(options.onStatementDone) } : {}),
    // Entities are defined with defineEntity, so nothing needs discovering from decorators or source files.
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    // What each write changed, for its audit entry (see audit-changes.ts).
    subscribers: [changeCapture],
    // SQLite's own tables (sqlite_stat1 after ANALYZE, sqlite_sequence) are not the schema's: their untyped
    // columns would break the schema diff on the next start, so statistics could never be kept.
    schemaGenerator: { skipTables: [/^sqlite_/] },
    extensions: [Migrator],
    migrations: {
      path: options.migrationsPath ?? './dist/migrations',
      pathTs: options.migrationsPath ?? './dist/migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts' as const,
      snapshot: false,
    },
  } satisfies Partial<Options>;
  if (databaseKind(options.databaseUrl) === 'sqlite') {
    const file = options.databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const dialect = new CachingSqliteDialect(file);
    const orm = await MikroORM.init({
      ...common,
      driver: SqliteDriver,
      dbName: file,
      driverOptions: dialect,
    } as unknown as Partial<Options>);
    bindReads(orm, dialect);
    await (orm.em.fork() as SqlEntityManager).execute(`pragma busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5_000)}`);
    return orm;
  }
  return MikroORM.init({
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: { connectionTimeoutMillis: options.poolTimeoutMs ?? 5_000 },
  } as unknown as Partial<Options>);
}

/**
 * Brings the database to the current schema: on SQLite the schema is generated (the embedded default holds
 * nothing that a regeneration could lose that a migration would keep), on PostgreSQL migrations run forward.
 */
export async function prepareSchema(orm: MikroORM, kind: DatabaseKind): Promise<void> {
  if (kind === 'sqlite') {
    await orm.schema.update();
    await (orm.em.fork() as SqlEntityManager).execute('pragma journal_mode = wal');
    // Refreshes the planner's statistics where they are missing or stale (SQLite's advice for a long-lived
    // connection), sampled so a national-scale file still starts in a moment.
    await (orm.em.fork() as SqlEntityManager).execute('pragma analysis_limit = 400');
    await (orm.em.fork() as SqlEntityManager).execute('pragma optimize = 0x10002');
    return;
  }
  await orm.migrator.up();
  await ensureKitTables(orm, kind);
}

/**
 * Tables the kit owns in every subgraph's database (PostgreSQL; on SQLite the schema generator makes them).
 * Idempotent, so it runs on every start after the subgraph's own migrations.
 */
export async function ensureKitTables(orm: MikroORM, kind: DatabaseKind): Promise<void> {
  if (kind !== 'postgresql') return;
  const em = orm.em.fork() as SqlEntityManager;
  await em.execute(IDEMPOTENCY_TABLE_POSTGRES);
  await em.execute(IDEMPOTENCY_INDEX_POSTGRES);
}

/** Connections of the PostgreSQL pool by state; nothing on SQLite (one embedded connection). */
export async function poolUsage(orm: MikroORM): Promise<{ total: number; idle: number; waiting: number } | undefined> {
  const connection = orm.em.getConnection() as unknown as { getNativeClient?: () => Promise<unknown> };
  if (!(orm.em.getDriver() instanceof PostgreSqlDriver) || !connection.getNativeClient) return undefined;
  const pool = (await connection.getNativeClient()) as { totalCount: number; idleCount: number; waitingCount: number };
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** True when this EntityManager talks to PostgreSQL (for the few statements the two databases spell differently). */
export function isPostgres(em: SqlEntityManager): boolean {
  return em.getDriver() instanceof PostgreSqlDriver;
}
