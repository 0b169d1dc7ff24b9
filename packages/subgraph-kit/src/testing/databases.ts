import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests use when one is reachable. */
export const testPostgresUrl = process.env.COMUNA_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * Where CI (or a developer) has said PostgreSQL must be there, an unreachable one fails the suite instead of
 * quietly skipping half of it.
 */
export const postgresRequired = process.env.COMUNA_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgresql';
  /** A fresh, empty database for one test file. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  kind: 'sqlite',
  async create() {
    return { url: 'sqlite::memory:', drop: async () => {} };
  },
};

const postgres: TestDatabase = {
  kind: 'postgresql',
  async create() {
    const name = `comuna_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: testPostgresUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  },
};

/**
 * The databases every suite runs against: SQLite always, PostgreSQL when reachable (or required).
 * Resolved once per test file, at collection time.
 */
export async function testDatabases(): Promise<TestDatabase[]> {
  if (await postgresReachable()) return [sqlite, postgres];
  if (postgresRequired) {
    throw new Error(`PostgreSQL is required (CI or COMUNA_REQUIRE_POSTGRES=1) but ${testPostgresUrl} cannot be reached`);
  }
  return [sqlite];
}
