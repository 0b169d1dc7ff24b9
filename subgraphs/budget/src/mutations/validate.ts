import { badInput, conflict, isIsoDate, kindOfGlobalId, notFound, parseGlobalId, positiveScaled, today } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { BODY_KINDS, type BodyKind } from '../entities/known-body.js';
import { CURRENCIES, MONEY_SCALE, type Currency } from '../entities/money.js';

/** Trimmed text of bounded length. */
export function validText(text: string, argument: string, min: number, max: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min || trimmed.length > max) throw badInput(`${argument} must be ${min} to ${max} characters`, { argument });
  return trimmed;
}

/** A real date, not in the future (money moves and votes are recorded after they happen). */
export function pastDate(date: string, argument: string): string {
  if (!isIsoDate(date)) throw badInput(`${argument} "${date}" is not a date (YYYY-MM-DD)`, { argument });
  if (date > today()) throw badInput(`${argument} ${date} is in the future`, { argument });
  return date;
}

/** An ISO 4217 code the open books accept. */
export function validCurrency(code: string, argument: string): Currency {
  if (!(code in CURRENCIES)) {
    throw badInput(`${argument} "${code}" is not a currency the books accept; use one of ${Object.keys(CURRENCIES).join(', ')} (ISO 4217)`, { argument });
  }
  return code as Currency;
}

/** A positive amount of money with at most two decimals, in minor units. */
export const positiveMoney = (amount: string, argument: string): bigint => positiveScaled(amount, MONEY_SCALE, argument);

/** A count: a whole number, zero or more. */
export function count(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0) throw badInput(`${argument} must be a whole number, zero or more; got ${value}`, { argument });
  return value;
}

/** A body id budget records can refer to: a council, commune or circuit. */
export function bodyId(id: string, argument: string): { id: string; kind: BodyKind } {
  const kind = kindOfGlobalId(id) as BodyKind | undefined;
  if (!kind || !BODY_KINDS.includes(kind)) {
    throw badInput(`${argument} "${id}" is not a council, commune or circuit id (council:<n>, commune:<n>, circuit:<n>)`, { argument });
  }
  parseGlobalId(id, kind, argument);
  return { id, kind };
}

/** The body must be one budget knows (see KnownBody) and not dissolved. */
export async function knownBody(em: SqlEntityManager, id: string, argument: string): Promise<{ id: string; kind: BodyKind; circuitId: string | null }> {
  const { kind } = bodyId(id, argument);
  const rows = await em.execute('select id, kind, circuit_id as "circuitId", dissolved from known_body where id = ?', [id]);
  if (!rows[0]) throw notFound(`No ${kind} with id ${id}`, { argument });
  if (rows[0].dissolved === true || rows[0].dissolved === 1) throw conflict(`${id} is dissolved; it can no longer receive or spend money`, { argument });
  return { id, kind, circuitId: (rows[0].circuitId as string | null) ?? null };
}

/** A row by its numeric key, or NOT_FOUND naming the id. */
export async function existingRow(em: SqlEntityManager, table: string, kind: string, columns: string, id: string, argument: string): Promise<Record<string, unknown>> {
  const key = parseGlobalId(id, kind, argument);
  const rows = await em.execute(`select ${columns} from ${table} where id = ?`, [key]);
  if (!rows[0]) throw notFound(`No ${kind} with id ${id}`, { argument });
  return rows[0];
}
