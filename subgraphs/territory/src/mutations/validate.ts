import { badInput, conflict, isIsoDate, notFound, parseGlobalId, placeholders, today, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { CouncilSetting } from '../entities/communal-council.js';
import type { RegistryRules } from '../registry/rules-config.js';

/** A trimmed, non-empty name of sensible length. */
export function validName(name: string, argument = 'input.name'): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 3 || trimmed.length > 200) throw badInput(`${argument} must be 3 to 200 characters`, { argument });
  return trimmed;
}

/** A date that has already happened (or is today). */
export function pastDate(date: string, argument: string): string {
  if (!isIsoDate(date)) throw badInput(`${argument} "${date}" is not a date (YYYY-MM-DD)`, { argument });
  if (date > today()) throw badInput(`${argument} ${date} is in the future`, { argument });
  return date;
}

/** Registry codes: upper-case letters, digits and dashes. */
export function validCode(code: string, argument = 'input.code'): string {
  if (!/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(code)) {
    throw badInput(`${argument} "${code}" must be 3 to 40 upper-case letters, digits or dashes`, { argument });
  }
  return code;
}

/** Families must fit the council's setting (Ley Orgánica de los Consejos Comunales, art. 4). */
export function validFamilies(setting: CouncilSetting, families: number, rules: RegistryRules): void {
  const bands: Record<CouncilSetting, [number, number]> = {
    URBAN: [rules.URBAN_MIN_FAMILIES, rules.URBAN_MAX_FAMILIES],
    RURAL: [rules.RURAL_MIN_FAMILIES, Number.MAX_SAFE_INTEGER],
    INDIGENOUS: [rules.INDIGENOUS_MIN_FAMILIES, Number.MAX_SAFE_INTEGER],
  };
  const [min, max] = bands[setting];
  if (!Number.isInteger(families) || families < min || families > max) {
    const band = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`;
    throw badInput(`${/^[AEIOU]/.test(setting) ? 'An' : 'A'} ${setting.toLowerCase()} communal council has ${band} families; got ${families}`, { argument: 'input.families' });
  }
}

export function validCensus(families: number, households: number, population: number): void {
  if (!Number.isInteger(households) || households < 1 || households > families) {
    throw badInput(`households must be between 1 and the number of families (${families}); got ${households}`, { argument: 'input.households' });
  }
  if (!Number.isInteger(population) || population < families || population > families * 30) {
    throw badInput(`population must be at least the number of families (${families}) and plausible for it; got ${population}`, { argument: 'input.population' });
  }
}

/** A code must not be taken by any body of the same table. */
export async function codeFree(em: SqlEntityManager, table: string, code: string): Promise<void> {
  const rows = await em.execute(`select 1 from ${table} where code = ?`, [code]);
  if (rows.length) throw conflict(`Registry code ${code} is already taken`, { argument: 'input.code' });
}

/** Parses a list of ids of one kind, refusing duplicates and empty lists. */
export function idList(ids: readonly string[], kind: string, argument: string, min: number, max = 1000): number[] {
  if (ids.length < min) throw badInput(`${argument} needs at least ${min} ${kind} id${min === 1 ? '' : 's'}; got ${ids.length}`, { argument });
  if (ids.length > max) throw badInput(`${argument} takes at most ${max} ids; got ${ids.length}`, { argument });
  const keys = ids.map((id) => parseGlobalId(id, kind, argument));
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate !== undefined) throw badInput(`${argument} lists ${kind}:${duplicate} twice`, { argument });
  return keys;
}

/** Loads rows by id and fails NOT_FOUND naming every missing one. */
export async function existing(em: SqlEntityManager, table: string, kind: string, columns: string, keys: number[]): Promise<Record<string, unknown>[]> {
  const rows = await em.execute(`select ${columns} from ${table} where id in (${placeholders(keys.length)})`, keys);
  const found = new Set(rows.map((r) => toInt(r.id)));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) throw notFound(`No ${kind} with id ${missing.map((k) => `${kind}:${k}`).join(', ')}`);
  return rows;
}

/** The last history entry of a body, whose date later changes may not precede. */
export async function lastChangeDate(em: SqlEntityManager, bodyId: string): Promise<string | null> {
  const rows = await em.execute('select max(effective_on) as d from status_change where body_id = ?', [bodyId]);
  return (rows[0]?.d as string | null) ?? null;
}

/**
 * Runs an UPDATE of one body (row `key` of `entity`) that only applies if the body is still at the version the
 * client read (when it sent one): of two concurrent edits from the same version exactly one wins, the other is
 * refused. What it changed goes to the write's audit entry.
 */
export async function updateIfUnchanged(
  em: SqlEntityManager,
  entity: EntityName,
  key: number,
  sql: string,
  params: unknown[],
  expectedVersion: number | null | undefined,
  bodyId: string,
): Promise<void> {
  const guarded = expectedVersion == null ? sql : `${sql} and version = ?`;
  const run = () => em.execute(guarded, expectedVersion == null ? params : [...params, expectedVersion], 'run');
  const result = (await trackedUpdate(em, entity, [key], run)) as unknown as { affectedRows: number };
  if (result.affectedRows !== 1) {
    throw conflict(`${bodyId} has changed since version ${expectedVersion}; read it again and retry`, { argument: 'input.expectedVersion' });
  }
}
