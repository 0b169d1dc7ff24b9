import { badInput, kindOfGlobalId, tryParseGlobalId } from '@comuna/subgraph-kit';
import { bodyTables, municipalityTable, parishTable, stateTable } from '../bodies.js';
import type { TerritoryContext } from '../context.js';
import type { TerritoryRow } from '../rows.js';

type ByCodeTable = { table: string; columns: string; map(raw: Record<string, unknown>): unknown };

/** `id` or `code`, exactly one: both or neither is a mistake worth telling the caller about. */
export function exactlyOne(args: { id?: string | null; code?: string | null }): void {
  if ((args.id == null) === (args.code == null)) throw badInput('Give exactly one of id or code');
}

/** Finds a row by registry or OCD code (one statement; lookups by code are rare next to lookups by id). */
export async function findByCode<R>(ctx: TerritoryContext, table: ByCodeTable, code: string): Promise<R | null> {
  const rows = await ctx.em.execute(`select ${table.columns} from ${table.table} where code = ?`, [code]);
  return rows[0] ? (table.map(rows[0]) as R) : null;
}

/**
 * Any territory by global id, through the batched loaders: this serves both `territory(id)` and the
 * `__resolveReference` of every entity, so N references cost one statement per kind.
 */
export async function territoryById(ctx: TerritoryContext, id: string): Promise<TerritoryRow | null> {
  if (id === 'nation:ve') return { __typename: 'Nation', id: 'nation:ve' };
  const kind = kindOfGlobalId(id);
  const loaders = ctx.loaders;
  const load = {
    state: loaders.state,
    municipality: loaders.municipality,
    parish: loaders.parish,
    council: loaders.council,
    commune: loaders.commune,
    city: loaders.city,
    circuit: loaders.circuit,
  }[kind ?? ''];
  const key = kind ? tryParseGlobalId(id, kind) : undefined;
  if (!load || key === undefined) return null;
  return (await load.load(key)) as TerritoryRow | null;
}

export const codeTables = { state: stateTable, municipality: municipalityTable, parish: parishTable, ...bodyTables };

/** The 24 states by name: a small fixed list, read in one statement. */
export async function allStates(ctx: TerritoryContext) {
  const rows = await ctx.em.execute(`select ${stateTable.columns} from state order by name`);
  return rows.map(stateTable.map);
}
