import type { AuditChange } from './audit-changes.js';
import { badInput } from './errors.js';
import { fromJson, toInt } from './loaders.js';
import { keysetCondition, pageWindow, toConnection } from './pagination.js';
import type { SubgraphContext } from './subgraph.js';

interface AuditRow {
  id: number;
  at: string;
  subject: string | null;
  roles: string[];
  action: string;
  bodies: string[];
  input: string | null;
  result: string | null;
  requestId: string;
  changes: { entity: string; id: string; op: string; before: string | null; after: string | null }[] | null;
  previousHash: string | null;
  hash: string | null;
}

const COLUMNS = 'id, at, subject, roles, action, bodies, input, result, request_id as "requestId", changes, previous_hash as "previousHash", hash';
const json = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

function bodyFilter(bodyId: string | null | undefined): { sql: string; params: unknown[] } {
  if (bodyId == null) return { sql: '1 = 1', params: [] };
  if (!/^[a-z]+:[0-9a-z]+$/.test(bodyId)) throw badInput(`bodyId "${bodyId}" is not a body id`, { argument: 'bodyId' });
  // `body` is the first body a write concerns; the JSON list holds all of them, matched as text on both databases.
  return { sql: '(body = ? or cast(bodies as text) like ?)', params: [bodyId, `%"${bodyId}"%`] };
}

/** Stored changes as the graph shows them: values as JSON text, like an entry's input and result. */
function changesOf(stored: unknown): AuditRow['changes'] {
  if (stored === null || stored === undefined) return null;
  return fromJson<AuditChange[]>(stored).map((c) => ({ entity: c.entity, id: c.id, op: c.op, before: json(c.before), after: json(c.after) }));
}

/**
 * The audit trail through the graph: `<prefix>Audit` (newest first, for auditors; the SDL guards it with
 * @requiresScopes audit:read) and `<prefix>AuditSummary` (writes per action, public, as social control expects).
 * The SDL block lives in each subgraph's schema file, identical but for the field names.
 */
export function auditTrailResolvers(prefix: string) {
  return {
    [`${prefix}Audit`]: async (_root: unknown, args: { bodyId?: string | null; first?: number | null; after?: string | null }, ctx: SubgraphContext<unknown>) => {
      const { limit, after } = pageWindow(args);
      const filter = bodyFilter(args.bodyId);
      const page = after ? keysetCondition('id', 'id', 'DESC', after) : { sql: '1 = 1', params: [] };
      const [rows, count] = await Promise.all([
        ctx.em.execute(`select ${COLUMNS} from audit_entry where ${filter.sql} and ${page.sql} order by id desc limit ?`, [...filter.params, ...page.params, limit + 1]),
        ctx.em.execute(`select count(*) as n from audit_entry where ${filter.sql}`, filter.params),
      ]);
      const entries: AuditRow[] = rows.map((r) => ({
        id: toInt(r.id),
        at: String(r.at),
        subject: (r.subject as string | null) ?? null,
        roles: fromJson<string[]>(r.roles),
        action: String(r.action),
        bodies: fromJson<string[]>(r.bodies),
        input: json(r.input),
        result: json(r.result),
        requestId: String(r.requestId),
        changes: changesOf(r.changes),
        previousHash: (r.previousHash as string | null) ?? null,
        hash: (r.hash as string | null) ?? null,
      }));
      return toConnection(entries, limit, toInt(count[0]!.n), (row) => row.id);
    },
    [`${prefix}AuditSummary`]: async (_root: unknown, args: { bodyId?: string | null }, ctx: SubgraphContext<unknown>) => {
      const filter = bodyFilter(args.bodyId);
      const rows = await ctx.em.execute(`select action, count(*) as n, max(at) as "lastAt" from audit_entry where ${filter.sql} group by action order by action`, filter.params);
      return rows.map((r) => ({ action: String(r.action), count: toInt(r.n), lastAt: (r.lastAt as string | null) ?? null }));
    },
  };
}
