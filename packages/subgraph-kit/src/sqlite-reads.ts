import type { MikroORM } from '@mikro-orm/core';
import { SqliteDialect } from 'kysely';
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * The embedded database's connection, opened as MikroORM's own Kysely dialect for node:sqlite opens it, plus a set of
 * kept statements (at most `capacity`, least recently used forgotten first) for the reads `bindReads` sends with
 * bound values. Everything MikroORM sends itself is prepared each time, as before.
 */
export class CachingSqliteDialect extends SqliteDialect {
  readonly #statements = new Map<string, StatementSync>();
  #db: DatabaseSync | undefined;

  constructor(
    file: string,
    private readonly capacity = 500,
  ) {
    const { DatabaseSync: Database } = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');
    super({
      database: () => {
        const db = new Database(file);
        this.#db = db;
        return {
          prepare: (sql: string) => {
            const statement = db.prepare(sql);
            return {
              reader: /^\s*(select|pragma|explain|with)/i.test(sql) || /\breturning\b/i.test(sql),
              all: (params: unknown[]) => statement.all(...(params as never[])),
              run: (params: unknown[]) => statement.run(...(params as never[])),
              get: (params: unknown[]) => statement.get(...(params as never[])),
            };
          },
          close: () => {
            this.#statements.clear();
            db.close();
          },
        } as never;
      },
    });
  }

  /** The kept statement for this text, prepared now if it is not kept. */
  statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      if (!this.#db) throw new Error('The SQLite connection is not open');
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= this.capacity) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  /** Whether the connection is open: Kysely opens it at its first statement. */
  get open(): boolean {
    return this.#db !== undefined;
  }

  /** Statements kept. */
  get kept(): number {
    return this.#statements.size;
  }
}

const READ = /^\s*(select|with)\b/i;
const WRITE = /\b(insert|update|delete|replace|returning)\b/i;

type Execute = (query: unknown, params?: unknown[], method?: string, ctx?: unknown, loggerContext?: unknown) => Promise<unknown>;
interface Connection {
  execute: Execute;
  ensureConnection(): Promise<void>;
  executeQuery(query: string, run: () => Promise<unknown>, context?: object): Promise<unknown>;
}

/** Values SQLite binds exactly as MikroORM would have written them into the text. */
function bindable(params: unknown[]): unknown[] | undefined {
  const out: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const value = params[i];
    // node:sqlite binds every JS number as a REAL; an integer written inline is an INTEGER (and compares as one
    // against a TEXT column), so integers go as BigInt.
    if (typeof value === 'number') out[i] = Number.isSafeInteger(value) ? BigInt(value) : Number.isFinite(value) ? value : undefined;
    else if (typeof value === 'string' || typeof value === 'bigint' || value === null) out[i] = value;
    else return undefined;
    if (out[i] === undefined) return undefined;
  }
  return out;
}

/**
 * Reads (`em.execute(sql, params)` returning rows, outside a transaction) run with their values bound to a kept
 * statement instead of formatted into a new text and prepared again: the national roll-up's eight read statements
 * spent ~1.4 ms per request in MikroORM's formatting and SQLite's preparing, against ~9.5 ms in SQLite itself.
 * Same rows, the same statement hook (MikroORM's `onQuery`, which counts statements) and the same log entry (which makes trace
 * spans); a statement in a transaction, a write, or a value that is not a string, a number, a bigint or null goes
 * MikroORM's way as before.
 */
export function bindReads(orm: MikroORM, dialect: CachingSqliteDialect): void {
  const connection = orm.em.getConnection() as unknown as Connection;
  const execute = connection.execute;
  connection.execute = async function (this: Connection, query, params = [], method = 'all', ctx, loggerContext) {
    const values = method === 'all' && !ctx && !loggerContext && typeof query === 'string' && READ.test(query) && !WRITE.test(query) && Array.isArray(params) ? bindable(params) : undefined;
    if (!values || !dialect.open) return execute.call(this, query, params, method, ctx, loggerContext);
    await this.ensureConnection();
    // The hook as MikroORM holds it, read per statement as MikroORM does (a benchmark's preload wraps it).
    (orm.config.get('onQuery') as (sql: string, params: unknown[]) => unknown)(query as string, params);
    return this.executeQuery(query as string, async () => dialect.statement(query as string).all(...(values as never[])), { query, params });
  };
}
