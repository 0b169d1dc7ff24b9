import type { SqlEntityManager } from '@mikro-orm/sql';
import { StatusChange } from '../entities/index.js';
import type { RegistryStatus } from '../entities/registry-columns.js';

/** Appends one entry to a body's registry history (never edited afterwards). */
export function recordStatus(em: SqlEntityManager, bodyId: string, status: RegistryStatus, previousStatus: RegistryStatus | null, effectiveOn: string, reason: string): void {
  em.create(StatusChange, { bodyId, status, previousStatus, effectiveOn, reason });
}

/** `PREFIX-STA-00042`: the generated registry code of a new body, from its id and the state abbreviation. */
export async function generatedCode(em: SqlEntityManager, prefix: string, stateId: number, id: number, width: number): Promise<string> {
  const rows = await em.execute('select code from state where id = ?', [stateId]);
  const slug = String(rows[0]?.code ?? '').split('estado:')[1] ?? 'xx';
  return `${prefix}-${slug.replace(/_/g, '').slice(0, 3).toUpperCase()}-${String(id).padStart(width, '0')}`;
}
