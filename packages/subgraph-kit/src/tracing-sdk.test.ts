import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKind, initOrm } from './database.js';
import { IdempotencyRecord } from './idempotency-record.js';
import { testDatabases } from './testing/databases.js';
import { createTracing } from './tracing-sdk.js';
import { traceHeaders } from './trace-headers.js';

/** Keeps what would have been sent, so the test reads the spans as the receiver would get them. */
const exported: ReadableSpan[] = [];
const exporter: SpanExporter = {
  export: (spans, done) => {
    exported.push(...spans);
    done({ code: 0 });
  },
  shutdown: async () => {},
};
const tracing = createTracing({ serviceName: 'kit-test', url: 'http://127.0.0.1:9/unused' }, { continueIncoming: true, exporter });
afterAll(() => tracing.shutdown());

const flushed = async () => {
  await tracing.flush();
  return exported;
};
const request = (headers: Record<string, string> = {}) => ({ method: 'POST', url: '/graphql', headers }) as unknown as IncomingMessage;
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpanId = '00f067aa0ba902b7';
const databases = await testDatabases();
const everyAttribute = (spans: ReadableSpan[]) => JSON.stringify(spans.map((s) => [s.name, s.attributes]));

// Each SQL case creates a database and an ORM: slow on a busy machine.
describe('tracing', { timeout: 30_000 }, () => {
  it('continues the caller’s traceparent and names the span after the operation, with codes but no values', async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { echo(text: String!): String! }',
      resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text } },
      plugins: [tracing.plugin],
    });
    await apollo.start();
    await tracing.serverSpan(request({ traceparent: `00-${traceId}-${callerSpanId}-01` }), () =>
      apollo.executeOperation({ query: 'query Echo($text: String!) { echo(text: $text) }', variables: { text: 'secret-ballot-choice' } }),
    );
    await tracing.serverSpan(request(), () => apollo.executeOperation({ query: 'query Broken { echo(text: "inline-secret") { nope } }' }));
    await apollo.stop();
    const spans = await flushed();
    const echo = spans.find((s) => s.name === 'query Echo')!;
    expect(echo.spanContext().traceId).toBe(traceId);
    expect(echo.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(echo.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Echo' });
    const broken = spans.find((s) => s.attributes['graphql.error.codes'])!;
    expect(broken.attributes['graphql.error.codes']).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(broken.spanContext().traceId).not.toBe(traceId);
    expect(everyAttribute(spans)).not.toMatch(/secret/);
  });

  it('hands a call to another service the traceparent of the current request, and nothing outside one', async () => {
    expect(traceHeaders()).toEqual({});
    const inside = await tracing.serverSpan(request({ traceparent: `00-${traceId}-${callerSpanId}-01` }), async () => traceHeaders());
    expect(inside.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(inside.traceparent).not.toContain(callerSpanId);
  });

  describe.each(databases)('SQL statements on $kind', (database) => {
    it('become child spans of the request with db.system and the text without values; none outside a request', async () => {
      const db = await database.create();
      const kind = databaseKind(db.url);
      const orm = await initOrm({ databaseUrl: db.url, entities: [IdempotencyRecord], onStatementDone: (sql, took, failed) => tracing.statement(kind, sql, took, failed) });
      try {
        const em = orm.em.fork() as SqlEntityManager;
        await tracing.flush();
        exported.length = 0;
        await em.execute('select 1 as outside_any_request');
        await tracing.serverSpan(request(), async () => {
          await em.execute('select ? as parameter', ['V-12345678']);
          await em.execute("select 'inlined-secret' as literal");
          await em.execute('select * from no_such_table').catch(() => undefined);
        });
        const spans = await flushed();
        const server = spans.find((s) => s.name === 'POST /graphql')!;
        const statements = spans.filter((s) => s.attributes['db.system'] === kind);
        expect(statements.map((s) => s.attributes['db.query.text'])).toEqual(['select ? as parameter', 'select ? as literal', 'select * from no_such_table']);
        for (const statement of statements) {
          expect(statement.spanContext().traceId).toBe(server.spanContext().traceId);
          expect(statement.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
          expect(statement.name).toBe('select');
          expect(statement.attributes['db.system.name']).toBe(kind);
        }
        expect(statements[2]!.status.code).toBe(2);
        expect(everyAttribute(spans)).not.toMatch(/V-12345678|inlined-secret|outside_any_request/);
      } finally {
        await orm.close(true);
        await db.drop();
      }
    });
  });
});
