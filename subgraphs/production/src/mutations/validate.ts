import { badInput, isIsoDate, notFound, parseGlobalId, placeholders, toInt, toScaled, today } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { ownerKind, type BodyDirectory } from '../bodies.js';
import { recordBodyStates } from '../body-states.js';
import { productTable, unitTable } from '../tables.js';
import type { ProductRow, UnitRow } from '../rows.js';
import { QUANTITY_SCALE } from '../units.js';

/** Currencies production records prices in (ISO 4217); a price is never converted or summed across them. */
export const CURRENCIES = ['VES', 'USD', 'EUR', 'COP'] as const;

/** A trimmed text of sensible length. */
export function validText(text: string, argument: string, min = 3, max = 200): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min || trimmed.length > max) throw badInput(`${argument} must be ${min} to ${max} characters`, { argument });
  return trimmed;
}

/** A real date, written YYYY-MM-DD. */
export function validDate(date: string, argument: string): string {
  if (!isIsoDate(date)) throw badInput(`${argument} "${date}" is not a date (YYYY-MM-DD)`, { argument });
  return date;
}

/** A date that has already happened (or is today). */
export function pastDate(date: string, argument: string): string {
  if (validDate(date, argument) > today()) throw badInput(`${argument} ${date} is in the future`, { argument });
  return date;
}

/** A quantity of zero or more, scaled to thousandths. */
export function nonNegativeQuantity(value: string, argument: string): bigint {
  const scaled = toScaled(value, QUANTITY_SCALE, argument);
  if (scaled < 0n) throw badInput(`${argument} must be zero or more; got ${value}`, { argument });
  return scaled;
}

export function validCurrency(currency: string, argument: string): string {
  if (!(CURRENCIES as readonly string[]).includes(currency)) {
    throw badInput(`${argument} "${currency}" is not one of ${CURRENCIES.join(', ')}`, { argument });
  }
  return currency;
}

/** A `commune:<n>` or `council:<n>` id, well formed (existence is checked with the body directory). */
export function ownerId(id: string, argument: string): string {
  if (!ownerKind(id)) throw badInput(`${argument} "${id}" is not a commune or council id (expected "commune:<n>" or "council:<n>")`, { argument });
  return id;
}

/**
 * Every named body must exist in territory's registry; NOT_FOUND names the missing ones. The states territory
 * answers in the same call are recorded in the write's transaction (body-states.ts).
 */
export async function bodiesExist(em: SqlEntityManager, directory: BodyDirectory, ids: { id: string; argument: string }[]): Promise<void> {
  const found = await directory.statesOf([...new Set(ids.map((i) => i.id))]);
  const missing = ids.filter((i) => !found.has(i.id));
  if (missing.length) {
    throw notFound(`No ${missing.map((m) => `${m.id} (${m.argument})`).join(', ')} in the registry`, { argument: missing[0]!.argument });
  }
  await recordBodyStates(em, found);
}

export async function existingProduct(em: SqlEntityManager, id: string, argument: string): Promise<ProductRow> {
  const key = parseGlobalId(id, 'product', argument);
  const rows = await em.execute(`select ${productTable.columns} from product where id = ?`, [key]);
  if (!rows[0]) throw notFound(`No product with id ${id}`, { argument });
  return productTable.map(rows[0]);
}

export async function existingUnit(em: SqlEntityManager, id: string, argument: string): Promise<UnitRow> {
  const key = parseGlobalId(id, 'unit', argument);
  const rows = await em.execute(`select ${unitTable.columns} from production_unit where id = ?`, [key]);
  if (!rows[0]) throw notFound(`No production unit with id ${id}`, { argument });
  return unitTable.map(rows[0]);
}

/** The unit must be registered to make the product (its product list), or the report/flow is refused. */
export async function assertProduces(em: SqlEntityManager, unit: UnitRow, product: ProductRow, argument: string): Promise<void> {
  const rows = await em.execute('select 1 as ok from unit_product where unit_id = ? and product_id = ?', [unit.id, product.id]);
  if (!rows.length) {
    throw badInput(`${unit.name} (unit:${unit.id}) is not registered to produce ${product.name} (product:${product.id})`, { argument });
  }
}

/** Parses a list of product ids, refusing duplicates, and checks every one exists. */
export async function existingProducts(em: SqlEntityManager, ids: readonly string[], argument: string): Promise<number[]> {
  if (ids.length < 1 || ids.length > 50) throw badInput(`${argument} needs 1 to 50 product ids; got ${ids.length}`, { argument });
  const keys = ids.map((id) => parseGlobalId(id, 'product', argument));
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate !== undefined) throw badInput(`${argument} lists product:${duplicate} twice`, { argument });
  const rows = await em.execute(`select id from product where id in (${placeholders(keys.length)})`, keys);
  const found = new Set(rows.map((r) => toInt(r.id)));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) throw notFound(`No product with id ${missing.map((k) => `product:${k}`).join(', ')}`, { argument });
  return keys;
}
