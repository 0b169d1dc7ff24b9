/**
 * Failures that say the database cannot serve right now (locked, restarting, unreachable, pool exhausted) rather
 * than that the request is wrong. They get SERVICE_UNAVAILABLE so a client knows it may retry later, instead of an
 * INTERNAL_SERVER_ERROR that hides a passing condition behind "bug".
 */

/** PostgreSQL SQLSTATEs of a server shutting down, starting up or a connection lost (classes 08 and 57P). */
const PG_UNAVAILABLE = /^(08...|57P0[1-3])$/;
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const LOCKED = 'The database is busy with another write (locked beyond the busy timeout); retry shortly';
const UNREACHABLE = 'The database is unreachable or restarting; retry shortly';
const MESSAGES: [RegExp, string][] = [
  [/database is locked|database table is locked|SQLITE_BUSY/i, LOCKED],
  [/timeout exceeded when trying to connect|Connection terminated|connection error|terminating connection|the database system is (starting up|shutting down)|Connection refused/i, UNREACHABLE],
];

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return chain;
}

/** The message to show when `error` (or what it wraps) is a database that cannot serve now; undefined otherwise. */
export function databaseUnavailable(error: unknown): string | undefined {
  for (const cause of causes(error)) {
    const { code, message, name } = cause as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || NODE_UNAVAILABLE.has(code))) return UNREACHABLE;
    if (name === 'ConnectionException') return UNREACHABLE;
    if (typeof message === 'string') {
      for (const [pattern, text] of MESSAGES) if (pattern.test(message)) return text;
    }
  }
  return undefined;
}
