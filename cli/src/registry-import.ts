// Sending rows to importRegistry and mapping the server's refusals back to the files and lines they came from.
import { graphql } from './graphql-client.js';
import { ENTITIES, IMPORT_ORDER, type EntityName } from './registry-columns.js';
import type { SourceRow } from './import-sources.js';

const MUTATION = `mutation Import($input: ImportRegistryInput!, $atomic: Boolean!) {
  importRegistry(input: $input, atomic: $atomic) {
    committed imported importedIds
    rejected { bodyType index code message errorCode field }
  }
}`;

interface ServerResult {
  committed: boolean;
  imported: number;
  importedIds: string[];
  rejected: { bodyType: string; index: number; code: string | null; message: string; errorCode: string; field: string | null }[];
}

export interface Rejection {
  where: string;
  entity: EntityName;
  code: string | undefined;
  message: string;
  /** LOCAL for rows refused before sending; otherwise the server's error code. */
  errorCode: string;
  field?: string | undefined;
}

export interface BatchResult {
  committed: boolean;
  importedIds: string[];
  rejected: Rejection[];
}

/** Sends one batch of locally valid rows; `atomic` decides whether one refusal undoes the batch. */
export async function sendBatch(url: string, token: string, rows: readonly SourceRow[], atomic: boolean): Promise<BatchResult> {
  const byEntity = Object.fromEntries(IMPORT_ORDER.map((e) => [e, rows.filter((r) => r.entity === e)])) as Record<EntityName, SourceRow[]>;
  const input = Object.fromEntries(IMPORT_ORDER.map((e) => [e, byEntity[e].map((r) => r.input)]));
  const { importRegistry: result } = await graphql<{ importRegistry: ServerResult }>(url, MUTATION, { input, atomic }, token);
  const entityOf = Object.fromEntries(IMPORT_ORDER.map((e) => [ENTITIES[e].bodyType, e])) as Record<string, EntityName>;
  return {
    committed: result.committed,
    importedIds: result.importedIds,
    rejected: result.rejected.map((r) => {
      const entity = entityOf[r.bodyType]!;
      const row = byEntity[entity][r.index];
      return { where: row?.where ?? `${entity}[${r.index}]`, entity, code: r.code ?? row?.code, message: r.message, errorCode: r.errorCode, field: r.field ?? undefined };
    }),
  };
}

/** One line per refused row, as the report prints it. */
export function describe(rejection: Rejection): string {
  const code = rejection.code ? ` (code ${rejection.code})` : '';
  const field = rejection.field ? ` ${rejection.field}` : '';
  return `  ${rejection.where}${code}: ${rejection.message} [${rejection.errorCode}${field}]`;
}
