import { badInput, conflict, isIsoDate, kindOfGlobalId, notFound, parseGlobalId, today } from '@comuna/subgraph-kit';
import type { BodyFacts, TerritoryClient } from '../territory/client.js';

/** A trimmed text of bounded length. */
export function validText(text: string, argument: string, min: number, max: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min || trimmed.length > max) throw badInput(`${argument} must be ${min} to ${max} characters; got ${trimmed.length}`, { argument });
  return trimmed;
}

/**
 * A person's name: letters, spaces and name punctuation only. Digits are refused so that an ID number or a phone
 * number cannot be slipped into the public record in a name field.
 */
export function validPersonName(name: string, argument: string): string {
  const trimmed = validText(name, argument, 3, 200);
  if (!/^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(trimmed)) {
    throw badInput(`${argument} must be a name (letters, spaces, apostrophes, dots and hyphens); no ID or phone numbers`, { argument });
  }
  return trimmed;
}

/** A date that has already happened (or is today). */
export function pastDate(date: string, argument: string): string {
  if (!isIsoDate(date)) throw badInput(`${argument} "${date}" is not a date (YYYY-MM-DD)`, { argument });
  if (date > today()) throw badInput(`${argument} ${date} is in the future`, { argument });
  return date;
}

/** A whole number within bounds. */
export function count(value: number, argument: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be a whole number${max === Number.MAX_SAFE_INTEGER ? ` of at least ${min}` : ` from ${min} to ${max}`}; got ${value}`, { argument });
  }
  return value;
}

/** A council or commune id: the bodies that hold assemblies and have organs. */
export function bodyId(id: string, argument: string): { id: string; kind: 'council' | 'commune' } {
  const kind = kindOfGlobalId(id);
  if (kind !== 'council' && kind !== 'commune') throw badInput(`${argument} "${id}" must be a council or commune id (council:<n> or commune:<n>)`, { argument });
  parseGlobalId(id, kind, argument);
  return { id, kind };
}

/** The body as territory knows it; unknown is NOT_FOUND, dissolved is a CONFLICT. */
export async function liveBody(territory: TerritoryClient, id: string, argument: string): Promise<BodyFacts> {
  const body = await territory.body(id);
  if (!body) throw notFound(`${argument}: territory has no body ${id}`, { argument });
  if (body.status === 'DISSOLVED') throw conflict(`${id} (${body.name}) is dissolved; nothing more can be recorded for it`, { argument });
  return body;
}

/** `date` plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
